import { describe, expect, it } from '@jest/globals';
import { DEFAULT_HOLIDAY_DATES } from '../../src/domain/holidays.js';
import { addWorkingDays, isLate, workingDaysBetween } from '../../src/domain/working-days.js';

/** An instant given as Jakarta wall-clock time. */
function wib(local: string): Date {
  return new Date(`${local}+07:00`);
}

const none = { holidays: [] as string[] };
const national = { holidays: DEFAULT_HOLIDAY_DATES };

describe('addWorkingDays', () => {
  it('should count the submission day as day 1 before closing and end at 15:00 WIB', () => {
    // Monday 2 Feb 2026, 10:00.
    expect(addWorkingDays(wib('2026-02-02T10:00'), 1, none)).toEqual(wib('2026-02-02T15:00'));
    expect(addWorkingDays(wib('2026-02-02T10:00'), 3, none)).toEqual(wib('2026-02-04T15:00'));
  });

  it('should start from the next working day at or after closing time', () => {
    expect(addWorkingDays(wib('2026-02-02T14:59'), 1, none)).toEqual(wib('2026-02-02T15:00'));
    expect(addWorkingDays(wib('2026-02-02T15:00'), 1, none)).toEqual(wib('2026-02-03T15:00'));
    expect(addWorkingDays(wib('2026-02-02T23:30'), 2, none)).toEqual(wib('2026-02-04T15:00'));
  });

  it('should skip the weekend', () => {
    // Friday 6 Feb after closing -> Monday is day 1.
    expect(addWorkingDays(wib('2026-02-06T16:00'), 1, none)).toEqual(wib('2026-02-09T15:00'));
    expect(addWorkingDays(wib('2026-02-05T09:00'), 3, none)).toEqual(wib('2026-02-09T15:00'));
    // Saturday and Sunday submissions start on Monday.
    expect(addWorkingDays(wib('2026-02-07T09:00'), 1, none)).toEqual(wib('2026-02-09T15:00'));
    expect(addWorkingDays(wib('2026-02-08T09:00'), 1, none)).toEqual(wib('2026-02-09T15:00'));
  });

  it('should count Saturday where the office works then', () => {
    const saturday = { holidays: [], workOnSaturday: true };
    expect(addWorkingDays(wib('2026-02-06T16:00'), 1, saturday)).toEqual(wib('2026-02-07T15:00'));
    expect(addWorkingDays(wib('2026-02-07T16:00'), 1, saturday)).toEqual(wib('2026-02-09T15:00'));
  });

  it('should skip the Nyepi and Idul Fitri holidays of March 2026', () => {
    // Tue 17 Mar 10:00: day 1 = 17th; 18-24 are cuti bersama, Nyepi, Idul Fitri and a weekend.
    expect(addWorkingDays(wib('2026-03-17T10:00'), 2, national)).toEqual(wib('2026-03-25T15:00'));
  });

  it('should run across a month end', () => {
    // Fri 27 Feb 2026 10:00, 3 days: 27 Feb, 2 Mar, 3 Mar.
    expect(addWorkingDays(wib('2026-02-27T10:00'), 3, none)).toEqual(wib('2026-03-03T15:00'));
  });

  it('should run across the year end with Christmas and New Year', () => {
    // Wed 23 Dec 2026 16:00 -> 24 (cuti), 25 (Natal), weekend; 28, 29, 30, 31 Dec; 1 Jan; weekend; 4 Jan.
    expect(addWorkingDays(wib('2026-12-23T16:00'), 4, national)).toEqual(wib('2026-12-31T15:00'));
    expect(addWorkingDays(wib('2026-12-23T16:00'), 5, national)).toEqual(wib('2027-01-04T15:00'));
  });

  it('should not depend on where the instant falls in UTC', () => {
    // 07:00 WIB Monday is still Sunday in UTC.
    expect(addWorkingDays(new Date('2026-02-02T00:00:00Z'), 1, none)).toEqual(wib('2026-02-02T15:00'));
  });

  it('should take another closing time', () => {
    const early = { holidays: [], closesAt: '12:00' };
    expect(addWorkingDays(wib('2026-02-02T12:30'), 1, early)).toEqual(wib('2026-02-03T12:00'));
  });

  it('should refuse bad input', () => {
    expect(() => addWorkingDays(wib('2026-02-02T10:00'), 0, none)).toThrow(RangeError);
    expect(() => addWorkingDays(wib('2026-02-02T10:00'), 1.5, none)).toThrow(RangeError);
    expect(() => addWorkingDays(wib('2026-02-02T10:00'), 1, { holidays: ['2026/02/02'] })).toThrow(
      RangeError,
    );
    expect(() => addWorkingDays(wib('2026-02-02T10:00'), 1, { holidays: [], closesAt: '3pm' })).toThrow(
      RangeError,
    );
  });
});

describe('workingDaysBetween', () => {
  it('should count working days after the first day up to and including the last', () => {
    expect(workingDaysBetween(wib('2026-02-02T10:00'), wib('2026-02-04T09:00'), none)).toBe(2);
    expect(workingDaysBetween(wib('2026-02-06T10:00'), wib('2026-02-09T10:00'), none)).toBe(1);
  });

  it('should be 0 on the same day and negative backwards', () => {
    expect(workingDaysBetween(wib('2026-02-02T08:00'), wib('2026-02-02T17:00'), none)).toBe(0);
    expect(workingDaysBetween(wib('2026-02-09T10:00'), wib('2026-02-05T10:00'), none)).toBe(-2);
  });

  it('should skip holidays across the year end', () => {
    expect(workingDaysBetween(wib('2026-12-23T10:00'), wib('2027-01-04T10:00'), national)).toBe(5);
  });

  it('should agree with addWorkingDays', () => {
    const start = wib('2026-03-10T09:00');
    for (const days of [1, 2, 5, 10, 14, 28]) {
      expect(workingDaysBetween(start, addWorkingDays(start, days, national), national)).toBe(days - 1);
    }
  });
});

describe('isLate', () => {
  it('should be late only after the due moment', () => {
    const due = wib('2026-02-04T15:00');
    expect(isLate(due, wib('2026-02-04T14:59'))).toBe(false);
    expect(isLate(due, due)).toBe(false);
    expect(isLate(due, wib('2026-02-04T15:01'))).toBe(true);
  });
});
