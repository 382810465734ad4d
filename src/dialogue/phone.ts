/**
 * An Indonesian mobile number written any usual way ("0812-3456-7890", "+62 812 3456 7890",
 * "6281234567890") as `+628...`, the one form WhatsApp links and officers' dialers accept.
 * Undefined when it is not a mobile number (mobile numbers start with 8 after the country code
 * and have 9 to 12 digits after it).
 */
export function normalizePhone(typed: string): string | undefined {
  const compact = typed.replace(/[\s\-.()]/g, '');
  const m = /^(?:\+62|62|0)(8\d{8,11})$/.exec(compact);
  return m ? `+62${m[1]}` : undefined;
}
