/**
 * An instant as "YYYY-MM-DD HH:MM" in UTC: the clock the application history and the handoff
 * transcript have always shown (the audit table uses the Jakarta clock, `fmtWib`).
 */
export function fmtUtc(d: Date): string {
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
