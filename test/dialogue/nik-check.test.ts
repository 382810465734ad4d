import { describe, expect, it } from '@jest/globals';
import { checkNik, maskNik } from '../../src/dialogue/nik-check.js';

describe('checkNik', () => {
  it("should accept a well-formed NIK, also a woman's (day + 40) and with spaces", () => {
    expect(checkNik('3174091708900001')).toEqual({ ok: true, nik: '3174091708900001' });
    expect(checkNik('3174 0957 0890 0001')).toEqual({ ok: true, nik: '3174095708900001' });
  });

  it.each([
    ['317409170890', 'length'],
    ['31740917089000A1', 'digits'],
    ['0174091708900001', 'region'],
    ['3174093208900001', 'date'],
    ['3174091713900001', 'date'],
    ['3174091708900000', 'serial'],
    ['3174093102900001', 'date'],
    ['3174097102900001', 'date'],
  ])('should refuse %s for %s', (nik, problem) => {
    expect(checkNik(nik)).toEqual({ ok: false, problem });
  });

  it('should read a 29 February from the NIK against the turn date', () => {
    const today = new Date('2026-11-23T02:00:00Z');
    expect(checkNik('3171012902000001', today)).toEqual({ ok: true, nik: '3171012902000001' });
    expect(checkNik('3171012902010001', today)).toEqual({ ok: false, problem: 'date' });
  });
});

describe('maskNik', () => {
  it('should keep only the last four digits', () => {
    expect(maskNik('3174091708900001')).toBe('************0001');
  });
});
