/**
 * SLA due dates in working days (hari kerja) on the Asia/Jakarta calendar. Counting rule: the
 * day an application arrives is working day 1 when it arrives on a working day before the office
 * closes; otherwise day 1 is the next working day. The due moment is closing time of the last
 * day, so "3 hari kerja" from Monday 10:00 is Wednesday 15:00 WIB.
 */
import { addDays, jakartaDate, jakartaInstant, jakartaMinutes, parseClock, weekday } from './jakarta-time.js';

/** The office calendar the count runs on. */
export interface WorkingDayOptions {
  /** Closed days, "YYYY-MM-DD" (see DEFAULT_HOLIDAY_DATES; configure HOLIDAYS). */
  holidays: readonly string[];
  /** Some offices serve on Saturday; Sunday is never a working day. */
  workOnSaturday?: boolean;
  /** "HH:MM" WIB; work arriving at or after this counts from the next working day. Default 15:00. */
  closesAt?: string;
}

const DEFAULT_CLOSE = '15:00';
/** Longest stretch searched for a working day, so a calendar with no working days fails loudly. */
const MAX_SCAN_DAYS = 366;

function calendar(options: WorkingDayOptions): (date: string) => boolean {
  for (const h of options.holidays) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) throw new RangeError(`holiday must be YYYY-MM-DD, got "${h}"`);
  }
  const closed = new Set(options.holidays);
  return (date) => {
    const day = weekday(date);
    if (day === 0 || (day === 6 && !options.workOnSaturday)) return false;
    return !closed.has(date);
  };
}

function nextWorkingDay(date: string, isWorkingDay: (d: string) => boolean): string {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) return d;
  }
  throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days after ${date}`);
}

/**
 * When work started at `start` is due: closing time (WIB) of the `days`-th working day, counting
 * as described in this file's comment.
 */
export function addWorkingDays(start: Date, days: number, options: WorkingDayOptions): Date {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`working days must be a whole number >= 1: ${days}`);
  const isWorkingDay = calendar(options);
  const close = parseClock(options.closesAt ?? DEFAULT_CLOSE);
  let date = jakartaDate(start);
  if (!isWorkingDay(date) || jakartaMinutes(start) >= close) date = nextWorkingDay(date, isWorkingDay);
  for (let counted = 1; counted < days; counted++) date = nextWorkingDay(date, isWorkingDay);
  return jakartaInstant(date, close);
}

/**
 * Working days after `a`'s Jakarta day up to and including `b`'s ("due in 2 working days");
 * negative when `b` is earlier ("2 working days late"), 0 on the same day.
 */
export function workingDaysBetween(a: Date, b: Date, options: WorkingDayOptions): number {
  const isWorkingDay = calendar(options);
  const from = jakartaDate(a);
  const to = jakartaDate(b);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return sign * count;
}

/** Past its due moment: the status answer says so and the SLA report counts it. */
export function isLate(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}
