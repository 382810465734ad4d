/**
 * The little English the NLU needs: a light suffix stemmer for words the Indonesian stemmer
 * leaves alone, so "requirements", "requirement" and "documents", "document" meet the way
 * "persyaratan" and "syarat" do.
 */

/** Endings that are Indonesian or too short to be an English inflection: "petugas", "bus", "this". */
const KEEP_S = /(?:ss|us|is|as|os)$/;

/**
 * "requirements" -> "requirement", "applying" -> "apply", "needed" -> "need",
 * "families" -> "family". Only for words the Indonesian stemmer did not change and that are no
 * Indonesian root, so Indonesian words never pass through here.
 */
export function stemEnglish(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !KEEP_S.test(word)) return word.slice(0, -1);
  return word;
}
