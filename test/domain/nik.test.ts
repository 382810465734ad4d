import { describe, expect, it } from '@jest/globals';
import { maskNik, validateNik } from '../../src/domain/nik.js';

const today = new Date('2026-03-15T05:00:00Z');
const opts = { today };

describe('validateNik', () => {
  it('should read a man born 1 Jan 1990 registered in Gambir', () => {
    expect(validateNik('3171010101900001', opts)).toEqual({
      ok: true,
      nik: '3171010101900001',
      birthDate: '1990-01-01',
      sex: 'L',
      regionCode: '31.71.01',
    });
  });

  it('should read 40 added to the day as a woman', () => {
    const r = validateNik('3171024512850002', opts);
    expect(r).toMatchObject({ ok: true, birthDate: '1985-12-05', sex: 'P', regionCode: '31.71.02' });
  });

  it('should accept spaces, dots and dashes between digits', () => {
    for (const typed of [
      '3171 0101 0190 0001',
      '3171.01.010190.0001',
      '3171-0101-0190-0001',
      ' 3171010101900001 ',
    ]) {
      expect(validateNik(typed, opts)).toMatchObject({ ok: true, nik: '3171010101900001' });
    }
  });

  it('should resolve the century so nobody is born in the future', () => {
    expect(validateNik('3171011503260001', opts)).toMatchObject({ ok: true, birthDate: '2026-03-15' });
    expect(validateNik('3171011603260001', opts)).toMatchObject({ ok: true, birthDate: '1926-03-16' });
    expect(validateNik('3171010101050001', opts)).toMatchObject({ ok: true, birthDate: '2005-01-01' });
    expect(validateNik('3171010101990001', opts)).toMatchObject({ ok: true, birthDate: '1999-01-01' });
  });

  it('should use the Jakarta date for today', () => {
    // 14 Mar 2026 20:00 UTC is already 15 Mar 03:00 WIB.
    const late = { today: new Date('2026-03-14T20:00:00Z') };
    expect(validateNik('3171011503260001', late)).toMatchObject({ ok: true, birthDate: '2026-03-15' });
  });

  it('should give digits for letters or other characters', () => {
    expect(validateNik('31710101019A0001', opts)).toEqual({ ok: false, reason: 'digits' });
    expect(validateNik('3171/0101/0190/0001', opts)).toEqual({ ok: false, reason: 'digits' });
  });

  it('should give length for anything but 16 digits', () => {
    expect(validateNik('317101010190001', opts)).toEqual({ ok: false, reason: 'length' });
    expect(validateNik('31710101019000011', opts)).toEqual({ ok: false, reason: 'length' });
    expect(validateNik('', opts)).toEqual({ ok: false, reason: 'length' });
  });

  it('should give region for an unknown province without an area list', () => {
    expect(validateNik('9971010101900001', opts)).toEqual({ ok: false, reason: 'region' });
    expect(validateNik('2071010101900001', opts)).toEqual({ ok: false, reason: 'region' });
  });

  it('should ask regionExists about the district code when given', () => {
    const asked: string[] = [];
    const regionExists = (code: string): boolean => {
      asked.push(code);
      return code === '31.71.01';
    };
    expect(validateNik('3171010101900001', { ...opts, regionExists })).toMatchObject({ ok: true });
    expect(validateNik('3171990101900001', { ...opts, regionExists })).toEqual({
      ok: false,
      reason: 'region',
    });
    expect(asked).toEqual(['31.71.01', '31.71.99']);
  });

  it('should give date for impossible days and months', () => {
    for (const ddmmyy of [
      '000190',
      '320190',
      '400190',
      '720190',
      '011390',
      '010090',
      '300290',
      '690290',
      '310490',
    ]) {
      expect(validateNik(`317101${ddmmyy}0001`, opts)).toEqual({ ok: false, reason: 'date' });
    }
  });

  it('should accept 29 February only in a leap year, for women too', () => {
    expect(validateNik('3171012902000001', opts)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateNik('3171016902000001', opts)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
      sex: 'P',
    });
    expect(validateNik('3171012902010001', opts)).toEqual({ ok: false, reason: 'date' });
  });

  it('should give serial for 0000', () => {
    expect(validateNik('3171010101900000', opts)).toEqual({ ok: false, reason: 'serial' });
  });

  it('should check in order: digits, length, region, date, serial', () => {
    expect(validateNik('99710100019X0000', opts)).toEqual({ ok: false, reason: 'digits' });
    expect(validateNik('997101000190000', opts)).toEqual({ ok: false, reason: 'length' });
    expect(validateNik('9971010001900000', opts)).toEqual({ ok: false, reason: 'region' });
    expect(validateNik('3171010001900000', opts)).toEqual({ ok: false, reason: 'date' });
  });
});

describe('maskNik', () => {
  it('should hide all but the last four digits', () => {
    expect(maskNik('3171010101901234')).toBe('************1234');
  });

  it('should mask a NIK typed with separators to the same form', () => {
    expect(maskNik('3171 0101 0190 1234')).toBe('************1234');
  });

  it('should reveal nothing of a too-short input', () => {
    expect(maskNik('1234')).toBe('****');
    expect(maskNik('')).toBe('');
  });
});
