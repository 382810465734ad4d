import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime, jakartaDay, parseDate, yearsBetween } from '../../src/dialogue/dates.js';

describe('parseDate', () => {
  it.each([
    ['17 agustus 1990', '1990-08-17'],
    ['17 Agt 1990', '1990-08-17'],
    ['tgl 1 januari 2000', '2000-01-01'],
    ['17-08-1990', '1990-08-17'],
    ['17/8/1990', '1990-08-17'],
    ['17.08.1990', '1990-08-17'],
    ['1990-08-17', '1990-08-17'],
    ['5 May 1985', '1985-05-05'],
  ])('should read %s', (text, iso) => {
    expect(parseDate(text, '2025-01-15')).toEqual({ ok: true, iso });
  });

  it('should take a two-digit year as the most recent past one', () => {
    expect(parseDate('17/8/90', '2025-01-15')).toEqual({ ok: true, iso: '1990-08-17' });
    expect(parseDate('1/2/05', '2025-01-15')).toEqual({ ok: true, iso: '2005-02-01' });
  });

  it('should tell a date that does not exist from text that is no date', () => {
    expect(parseDate('31 februari 1990')).toEqual({ ok: false, problem: 'impossible' });
    expect(parseDate('32-01-1990')).toEqual({ ok: false, problem: 'impossible' });
    expect(parseDate('kemarin sore')).toEqual({ ok: false, problem: 'format' });
    expect(parseDate('17 foo 1990')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('jakartaDay', () => {
  it('should give the calendar day in Jakarta, not UTC', () => {
    expect(jakartaDay('2025-01-14T18:30:00.000Z')).toBe('2025-01-15');
    expect(jakartaDay('nonsense')).toBeUndefined();
  });
});

describe('yearsBetween', () => {
  it('should count an age that turns on the birthday', () => {
    expect(yearsBetween('2008-01-15', '2025-01-15')).toBe(17);
    expect(yearsBetween('2008-01-16', '2025-01-15')).toBe(16);
  });
});

describe('formatDate', () => {
  it('should write dates the Indonesian way in Jakarta time', () => {
    expect(formatDate('1990-08-17', 'id')).toBe('17 Agustus 1990');
    expect(formatDate('2025-02-03T20:00:00.000Z', 'id')).toBe('4 Februari 2025');
    expect(formatDate('1990-08-17', 'en')).toBe('17 August 1990');
    expect(formatDate('soon', 'id')).toBe('soon');
  });

  it('should include weekday and time for an opening time', () => {
    expect(formatDateTime('2025-01-20T01:00:00.000Z', 'id')).toMatch(/Senin, 20 Januari 2025.*08[.:]00/);
  });
});
