import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  jakartaDate,
  jakartaInstant,
  jakartaMinutes,
  parseClock,
  weekday,
} from '../../src/domain/jakarta-time.js';

describe('jakarta-time', () => {
  it('should put 17:00 UTC on the next Jakarta day', () => {
    expect(jakartaDate(new Date('2026-12-31T16:59:00Z'))).toBe('2026-12-31');
    expect(jakartaDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(jakartaMinutes(new Date('2026-12-31T17:00:00Z'))).toBe(0);
    expect(jakartaMinutes(new Date('2026-12-31T08:00:00Z'))).toBe(15 * 60);
  });

  it('should name weekdays and step over month, year and leap days', () => {
    expect(weekday('2026-01-01')).toBe(4);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('should build the instant of a Jakarta wall-clock time', () => {
    expect(jakartaInstant('2026-02-02', parseClock('15:00')).toISOString()).toBe('2026-02-02T08:00:00.000Z');
  });

  it('should refuse clocks that are not HH:MM', () => {
    for (const bad of ['8:00', '24:00', '12:60', '', 'noon'])
      expect(() => parseClock(bad)).toThrow(RangeError);
    expect(parseClock('23:59')).toBe(23 * 60 + 59);
  });
});
