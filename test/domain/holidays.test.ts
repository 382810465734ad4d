import { describe, expect, it } from '@jest/globals';
import { DEFAULT_HOLIDAYS, DEFAULT_HOLIDAY_DATES } from '../../src/domain/holidays.js';
import { HOLIDAYS_2027 } from '../../src/domain/holidays-2027.js';

describe('DEFAULT_HOLIDAYS', () => {
  it('should hold valid, sorted, distinct dates in 2026 and 2027', () => {
    for (const h of DEFAULT_HOLIDAYS) {
      expect(h.date).toMatch(/^202[67]-\d{2}-\d{2}$/);
      expect(new Date(`${h.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(h.date);
      expect(h.name.length).toBeGreaterThan(3);
    }
    expect([...DEFAULT_HOLIDAY_DATES].sort()).toEqual(DEFAULT_HOLIDAY_DATES);
    expect(new Set(DEFAULT_HOLIDAY_DATES).size).toBe(DEFAULT_HOLIDAY_DATES.length);
  });

  it('should list the 17 national holidays and 8 cuti bersama of SKB 2026', () => {
    const y2026 = DEFAULT_HOLIDAYS.filter((h) => h.date.startsWith('2026'));
    expect(y2026.filter((h) => h.kind === 'libur_nasional')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
  });

  it('should include the fixed-date holidays of both years', () => {
    for (const y of ['2026', '2027']) {
      for (const md of ['01-01', '05-01', '06-01', '08-17', '12-25'])
        expect(DEFAULT_HOLIDAY_DATES).toContain(`${y}-${md}`);
    }
  });
});

describe('HOLIDAYS_2027', () => {
  it('should mark every lunar date and every cuti bersama as an estimate, and nothing fixed by law', () => {
    const certain = ['01-01', '03-26', '03-28', '05-01', '05-06', '06-01', '08-17', '12-25'].map(
      (d) => `2027-${d}`,
    );
    for (const h of HOLIDAYS_2027) {
      expect([h.date, h.tentative === true]).toEqual([h.date, !certain.includes(h.date)]);
      if (h.tentative) expect(h.name).toContain('(perkiraan)');
    }
    expect(HOLIDAYS_2027.filter((h) => h.kind === 'cuti_bersama').every((h) => h.tentative)).toBe(true);
    expect(DEFAULT_HOLIDAYS).toEqual(expect.arrayContaining([...HOLIDAYS_2027]));
  });
});
