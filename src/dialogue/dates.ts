import type { Lang } from './types.js';

/** Offices, SLA dates and "today" are all in Jakarta time (WIB), whatever the server's zone. */
export const TIME_ZONE = 'Asia/Jakarta';

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, agus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
}; // prettier-ignore

/** Why a date did not parse: not a date at all, or a date that does not exist (31 Februari). */
export type DateProblem = 'format' | 'impossible';

const NUMERIC = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORDS = /^(\d{1,2})\s*[-/ ]?\s*([a-z]+)\s*[-/ ]?\s*(\d{4}|\d{2})$/;

/**
 * Reads a date as citizens write it: "17 agustus 1990", "17 agt 90", "17-08-1990",
 * "17/8/1990", "1990-08-17". Day first, as in Indonesia. A two-digit year is taken as the most
 * recent past one given `todayIso`. Returns `YYYY-MM-DD`.
 */
export function parseDate(
  typed: string,
  todayIso?: string,
): { ok: true; iso: string } | { ok: false; problem: DateProblem } {
  const text = typed
    .toLowerCase()
    .replace(/^(tanggal|tgl|tg)\.?\s+/, '')
    .replace(/[,.](?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let d: number, m: number, y: string;
  const numeric = NUMERIC.exec(text);
  const iso = ISO.exec(text);
  const words = WORDS.exec(text);
  if (numeric) [d, m, y] = [Number(numeric[1]), Number(numeric[2]), numeric[3] ?? ''];
  else if (iso) [d, m, y] = [Number(iso[3]), Number(iso[2]), iso[1] ?? ''];
  // Own keys only: "12 constructor 1990" must not find Object's members.
  else if (words && Object.hasOwn(MONTHS, words[2] ?? '')) {
    [d, m, y] = [Number(words[1]), MONTHS[words[2] ?? ''] ?? 0, words[3] ?? ''];
  } else return { ok: false, problem: 'format' };

  let year = Number(y);
  if (y.length === 2) {
    const thisYear = todayIso ? Number(todayIso.slice(0, 4)) : 2000;
    year = 2000 + year > thisYear ? 1900 + year : 2000 + year;
  }
  if (year < 1900 || year > 2100 || m < 1 || m > 12 || d < 1) return { ok: false, problem: 'impossible' };
  const date = new Date(Date.UTC(year, m - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return { ok: false, problem: 'impossible' };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

/**
 * Formatters by locale and options, made once: building an `Intl.DateTimeFormat` costs far more
 * than formatting with it, and every reply that shows a date would otherwise build one.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** The calendar date in Jakarta at an instant, `YYYY-MM-DD`; undefined for a bad time. */
export function jakartaDay(at: string): string | undefined {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return undefined;
  return formatter('en-CA', { timeZone: TIME_ZONE }).format(new Date(time));
}

/** Whole years from `birthIso` to `todayIso` (both `YYYY-MM-DD`), as an age is counted. */
export function yearsBetween(birthIso: string, todayIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number);
  const [ty, tm, td] = todayIso.split('-').map(Number);
  if (
    by === undefined ||
    bm === undefined ||
    bd === undefined ||
    ty === undefined ||
    tm === undefined ||
    td === undefined
  ) {
    return 0;
  }
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Days from `fromIso` to `toIso` (both `YYYY-MM-DD`). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

const LOCALE: Readonly<Record<Lang, string>> = { id: 'id-ID', en: 'en-GB' };

/**
 * "17 Agustus 1990" / "17 August 1990". A bare `YYYY-MM-DD` is a calendar date (a birthday) and
 * is shown as written; a full ISO time is shown as its day in Jakarta. Bad input is returned as is.
 */
export function formatDate(value: string, lang: Lang): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return value;
  return formatter(LOCALE[lang], {
    timeZone: dateOnly ? 'UTC' : TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(time));
}

/** "Senin, 7 Desember 2026" in Jakarta time: since when an application waits on an agency. */
export function formatDay(value: string, lang: Lang): string {
  return inJakarta(value, lang, DAY);
}

/** "Senin, 20 Januari 2025 08.00" in Jakarta time: when an office opens next. */
export function formatDateTime(value: string, lang: Lang): string {
  return inJakarta(value, lang, { ...DAY, hour: '2-digit', minute: '2-digit' });
}

/** A weekday with its full date. */
const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };

/** An ISO time shown in Jakarta with `options`; bad input is returned as is. */
function inJakarta(value: string, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return formatter(LOCALE[lang], { timeZone: TIME_ZONE, ...options }).format(new Date(time));
}
