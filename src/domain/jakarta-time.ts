/**
 * Calendar arithmetic on the Asia/Jakarta wall clock (WIB, UTC+7, no daylight saving). A fixed
 * offset keeps every date rule independent of the machine's TZ and of the ICU data Node ships.
 */

const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Jakarta calendar day of an instant, "YYYY-MM-DD". */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since Jakarta midnight of an instant (0..1439). */
export function jakartaMinutes(at: Date): number {
  const local = new Date(at.getTime() + OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** Day of the week of a calendar day, 0 = Sunday .. 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The calendar day `days` after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** "HH:MM" as minutes since midnight; throws on anything else so bad configuration fails early. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`expected a time "HH:MM", got "${hhmm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant a Jakarta wall clock shows `minutes` after midnight on `date`. */
export function jakartaInstant(date: string, minutes: number): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + minutes * 60_000 - OFFSET_MS);
}
