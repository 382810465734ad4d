import { describe, expect, it } from '@jest/globals';
import { generateTrackingNumber } from '../../src/domain/tracking-number.js';
import { findDateIn } from '../../src/nlu/dates.js';
import { extractEntities } from '../../src/nlu/entities.js';
import { findNikIn } from '../../src/nlu/nik.js';
import { findTrackingNumberIn } from '../../src/nlu/tracking.js';

describe('findDateIn', () => {
  it.each([
    ['17 agustus 1990', '1990-08-17'],
    ['lahir tgl 17-08-1990', '1990-08-17'],
    ['17/8/90', '1990-08-17'],
    ['17 agt 1990', '1990-08-17'],
    ['1 Jan 2001', '2001-01-01'],
    ['5 pebruari 85', '1985-02-05'],
    ['25 Desember 2023', '2023-12-25'],
    ['3 oct 1999', '1999-10-03'],
    ['August 17, 1990', '1990-08-17'],
    ['1990-08-17', '1990-08-17'],
    ['12.05.2010', '2010-05-12'],
    ['9 mei 15', '2015-05-09'],
  ])('should read %s as %s', (text, iso) => {
    expect(findDateIn(text)).toBe(iso);
  });

  it('should refuse dates that do not exist', () => {
    expect(findDateIn('31 februari 1990')).toBeUndefined();
    expect(findDateIn('32-01-1990')).toBeUndefined();
    expect(findDateIn('tidak ada tanggal')).toBeUndefined();
  });
});

describe('findNikIn', () => {
  it('should read 16 digits with or without separators', () => {
    expect(findNikIn('nik sy 3171010101900001')).toBe('3171010101900001');
    expect(findNikIn('3171 0101 0190 0001')).toBe('3171010101900001');
    expect(findNikIn('31.71.01.010190.0001')).toBe('3171010101900001');
  });

  it('should ignore longer or shorter digit runs', () => {
    expect(findNikIn('31710101019000012')).toBeUndefined();
    expect(findNikIn('317101010190000')).toBeUndefined();
  });
});

describe('findTrackingNumberIn', () => {
  it('should tolerate case, spaces and missing dashes', () => {
    expect(findTrackingNumberIn('cek PTSP-2611-ABCD7')).toBe('PTSP-2611-ABCD7');
    expect(findTrackingNumberIn('ptsp 2611 abcd7')).toBe('PTSP-2611-ABCD7');
    expect(findTrackingNumberIn('ptsp2611abcd7 gmn')).toBe('PTSP-2611-ABCD7');
    expect(findTrackingNumberIn('nomor: Ptsp-2611abcd7.')).toBe('PTSP-2611-ABCD7');
  });

  it('should not read other numbers as tracking numbers', () => {
    expect(findTrackingNumberIn('rp 2000 ribuu')).toBeUndefined();
    expect(findTrackingNumberIn('ptsp-26-abcd7')).toBeUndefined();
  });

  it('should find a number typed without its prefix when its code has a letter', () => {
    const real = generateTrackingNumber({ at: new Date('2026-11-23T02:00:00Z'), random: () => 0.3 });
    expect(findTrackingNumberIn(`status ${real.slice(5).toLowerCase()} gmn`)).toBe(real);
    expect(findTrackingNumberIn('status 2611-abcd7 gmn')).toBeUndefined();
    expect(findTrackingNumberIn('nik sy 3171 0101 0190 0001 lahir')).toBeUndefined();
  });

  it('should use another prefix when the office configures one', () => {
    expect(findTrackingNumberIn('LKT-2611-ABCD7', 'LKT')).toBe('LKT-2611-ABCD7');
  });
});

describe('extractEntities', () => {
  it('should find all three without reading one as another', () => {
    expect(extractEntities('nik 31.71.01.010190.0001 lahir 17 agustus 1990 resi ptsp 2611 abcd7')).toEqual({
      nik: '3171010101900001',
      date: '1990-08-17',
      trackingNumber: 'PTSP-2611-ABCD7',
    });
  });

  it('should cut out a number typed without its prefix before reading dates', () => {
    const real = generateTrackingNumber({ at: new Date('2026-11-23T02:00:00Z'), random: () => 0.3 });
    expect(extractEntities(`resi ${real.slice(5, 9)} ${real.slice(10)} lahir 17-08-1990`)).toEqual({
      trackingNumber: real,
      date: '1990-08-17',
    });
  });

  it('should return nothing for plain text', () => {
    expect(extractEntities('halo kak')).toEqual({});
  });
});
