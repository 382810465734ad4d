/**
 * Dates as citizens type them ("17 agustus 1990", "17-08-1990", "17/8/90", "17 agt 1990",
 * "1990-08-17", English month names too) turned into 'YYYY-MM-DD'.
 */

/** Spellings of each month, January first: Indonesian, abbreviations, English. */
const MONTH_WORDS: readonly string[][] = [
  ['januari', 'jan', 'january'],
  ['februari', 'pebruari', 'feb', 'peb', 'febr', 'february'],
  ['maret', 'mar', 'mrt', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'agst', 'agus', 'aug', 'august'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nov', 'nop', 'nopember'],
  ['desember', 'des', 'dec', 'december'],
];
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  MONTH_WORDS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);

const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const NAMED = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s.,-]*(${MONTH_NAME})\\.?[\\s.,-]*(\\d{4}|\\d{2})(?!\\d)`,
  'i',
);
const NAMED_US = new RegExp(`\\b(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const NUMERIC_DMY = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?!\d)/;
const ISO = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;

/**
 * Two-digit years: at or above `pivot` is the 1900s, below is the 2000s. Pure, so it reads
 * no clock; 30 suits birth and death dates entered today.
 */
function fullYear(y: string, pivot: number): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n >= pivot ? 1900 + n : 2000 + n;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1800 || year > 2200) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first real calendar date in the text as 'YYYY-MM-DD', or undefined ("31 februari" is not one). */
export function findDateIn(text: string, pivot = 30): string | undefined {
  const t = text.toLowerCase();
  const isoMatch = ISO.exec(t);
  if (isoMatch) {
    const found = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    if (found) return found;
  }
  const named = NAMED.exec(t);
  if (named) {
    const found = iso(
      fullYear(named[3] ?? '', pivot),
      Object.hasOwn(MONTHS, named[2] ?? '') ? (MONTHS[named[2] ?? ''] ?? 0) : 0,
      Number(named[1]),
    );
    if (found) return found;
  }
  const us = NAMED_US.exec(t);
  if (us) {
    const found = iso(
      fullYear(us[3] ?? '', pivot),
      Object.hasOwn(MONTHS, us[1] ?? '') ? (MONTHS[us[1] ?? ''] ?? 0) : 0,
      Number(us[2]),
    );
    if (found) return found;
  }
  const numeric = NUMERIC_DMY.exec(t);
  if (numeric) return iso(fullYear(numeric[3] ?? '', pivot), Number(numeric[2]), Number(numeric[1]));
  return undefined;
}
