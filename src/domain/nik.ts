/**
 * NIK (Nomor Induk Kependudukan) checks: 16 digits = province, regency, district (the Kemendagri
 * codes of the place of registration), birth date DDMMYY with 40 added to the day for women, and
 * a 4-digit serial that is never 0000. There is no check digit, so structure, region and date are
 * all we can verify; they catch most slips without ever rejecting a real card.
 */
import { jakartaDate } from './jakarta-time.js';

/** Province codes (Kemendagri), used when no area list is given. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51',
  '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92',
  '93', '94', '95', '96',
]); // prettier-ignore

/** Why a NIK was refused; each reason has its own message so the citizen knows what to look at. */
export type NikReason = 'length' | 'digits' | 'region' | 'date' | 'serial';

/** A valid NIK and what it says about its holder. */
export interface ValidNik {
  ok: true;
  /** The 16 digits, separators removed. */
  nik: string;
  birthDate: string;
  sex: 'L' | 'P';
  /** District of registration, "PP.KK.CC". */
  regionCode: string;
}

/** What validation may be told: the area list for the region check, and "today" for the century. */
export interface ValidateNikOptions {
  /**
   * Whether a district code "PP.KK.CC" exists (see `loadAreas().regionExists`). Without it only
   * the province is checked. Note: codes renumbered after a region split may be missing from the
   * current list although old cards still carry them.
   */
  regionExists?: (code6: string) => boolean;
  /** Defaults to now; birth dates are never after today (Asia/Jakarta). */
  today?: Date;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Checks a typed NIK ("3171 0145 0190 0001", "3171.01.450190.0001" are fine) and reads the
 * birth date, sex and district from it. The first failing check is the reason, in the order a
 * citizen would fix them: characters, length, region, date, serial.
 */
export function validateNik(
  text: string,
  options: ValidateNikOptions = {},
): ValidNik | { ok: false; reason: NikReason } {
  const nik = text.trim().replace(/[\s.-]+/g, '');
  if (!/^\d*$/.test(nik)) return { ok: false, reason: 'digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };

  const province = nik.slice(0, 2);
  const regionCode = `${province}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
  const regionOk = options.regionExists ? options.regionExists(regionCode) : PROVINCES.has(province);
  if (!regionOk) return { ok: false, reason: 'region' };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - 40 : rawDay;
  const today = jakartaDate(options.today ?? new Date());
  // The same two digits could be 1925 or 2025: take the latest year not in the future.
  let year = 2000 + yy;
  if (`${year}-${pad(month)}-${pad(day)}` > today) year -= 100;
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'date' };

  if (nik.slice(12) === '0000') return { ok: false, reason: 'serial' };
  return { ok: true, nik, birthDate: `${year}-${pad(month)}-${pad(day)}`, sex, regionCode };
}

/** All but the last 4 digits hidden (`************1234`): the only form logs and summaries show. */
export function maskNik(nik: string): string {
  const digits = nik.replace(/[\s.-]+/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}
