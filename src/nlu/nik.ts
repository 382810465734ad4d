/**
 * A NIK typed in a message: 16 digits, perhaps grouped with spaces, dots or dashes
 * ("3171 0101 0190 0001", "31.71.01.010190.0001"). Structure only; whether it is a valid NIK
 * (region, date of birth, serial) is the domain's check.
 */
const NIK = /(?<![\d])\d(?:[ .-]?\d){15}(?![\d])/;

/** The first 16-digit run in the text, separators removed, or undefined. */
export function findNikIn(text: string): string | undefined {
  const m = NIK.exec(text);
  return m ? m[0].replace(/\D/g, '') : undefined;
}
