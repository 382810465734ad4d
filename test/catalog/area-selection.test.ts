import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Areas } from '../../src/catalog/areas.js';
import { loadAreas, UnknownAreaError } from '../../src/catalog/areas.js';
import { inAreas, isDesaCode, normalizeAreaCodes } from '../../src/catalog/area-codes.js';
import { loadConfig, ConfigError } from '../../src/config/config.js';

const count = (areas: Areas, level: string): number => areas.offices.filter((o) => o.level === level).length;

describe('LOKET_AREAS in the configuration', () => {
  it('should default to DKI Jakarta and read comma-separated codes of every level', () => {
    expect(loadConfig({}).LOKET_AREAS).toEqual(['31']);
    expect(loadConfig({ LOKET_AREAS: '32.01, 35.78,32.01.01 ' }).LOKET_AREAS).toEqual([
      '32.01',
      '35.78',
      '32.01.01',
    ]);
  });

  it('should stop start-up on a malformed code, naming it', () => {
    for (const bad of ['3201', '32.1', '32.01.01.2001', 'bogor', ',']) {
      expect(() => loadConfig({ LOKET_AREAS: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ LOKET_AREAS: '31,32-01' })).toThrow(
      /LOKET_AREAS.*"32-01" bukan kode wilayah Kemendagri/s,
    );
  });
});

describe('area codes', () => {
  it('should drop duplicates and codes inside another listed code', () => {
    expect(normalizeAreaCodes(['32', '32.01', ' 31 ', '31', '35.78.01'])).toEqual(['32', '31', '35.78.01']);
  });

  it('should tell what lies inside a selection, and desa from kelurahan', () => {
    expect(inAreas(['32.01'], '32.01.01.2001')).toBe(true);
    expect(inAreas(['32.01'], '32.010')).toBe(false);
    expect(inAreas(['32.01'], '32.02.01')).toBe(false);
    expect(isDesaCode('32.01.11.2008')).toBe(true);
    expect(isDesaCode('32.01.01.1006')).toBe(false);
    expect(isDesaCode('32.01.01')).toBe(false);
  });
});

describe('loadAreas with LOKET_AREAS', () => {
  let bogor: Areas;
  beforeAll(async () => {
    bogor = await loadAreas({ areas: ['32.01'] });
  });

  it('should serve Kabupaten Bogor: its 40 kecamatan and their desa and kelurahan, under Jawa Barat', () => {
    expect(bogor.servedNames).toEqual(['Kabupaten Bogor']);
    expect(bogor.offices.filter((o) => o.level === 'provinsi').map((o) => o.name)).toEqual([
      'Provinsi Jawa Barat',
    ]);
    expect(bogor.offices.filter((o) => o.level === 'kota').map((o) => o.id)).toEqual(['32.01']);
    expect(count(bogor, 'kecamatan')).toBe(40);
    expect(count(bogor, 'kelurahan')).toBe(435);
    expect(bogor.kelurahan.size).toBe(435);
    expect(bogor.offices.find((o) => o.id === '32.01.11.2008')).toMatchObject({
      name: 'Desa Cibinong',
      level: 'kelurahan',
      parentId: '32.01.11',
    });
    expect(bogor.offices.find((o) => o.id === '32.01.01.1006')?.name).toBe('Kelurahan Cibinong');
    expect(bogor.kelurahan.get('31.71.01.1002')).toBeUndefined();
    expect(bogor.kelurahan.search('cibinong').map((e) => e.code)).toEqual(['32.01.01.1006', '32.01.11.2008']);
  });

  it('should link every office to a parent listed before it', () => {
    const seen = new Set<string>();
    for (const o of bogor.offices) {
      if (o.parentId !== null) expect(seen.has(o.parentId)).toBe(true);
      seen.add(o.id);
    }
  });

  it('should keep DKI Jakarta as the default, with the same offices as asked by code', async () => {
    const jakarta = await loadAreas({ areas: ['31'] });
    expect((await loadAreas()).offices).toEqual(jakarta.offices);
    expect(jakarta.servedNames).toEqual(['Provinsi Daerah Khusus Ibukota Jakarta']);
    expect(count(jakarta, 'kelurahan')).toBe(267);
  });

  it('should serve a single kecamatan with the kabupaten and province above it', async () => {
    const cibinong = await loadAreas({ areas: ['32.01.01'] });
    expect(cibinong.servedNames).toEqual(['Kecamatan Cibinong, Kabupaten Bogor']);
    expect(cibinong.offices.slice(0, 3).map((o) => [o.id, o.level])).toEqual([
      ['32', 'provinsi'],
      ['32.01', 'kota'],
      ['32.01.01', 'kecamatan'],
    ]);
    expect(count(cibinong, 'kecamatan')).toBe(1);
    expect(count(cibinong, 'kelurahan')).toBe(13);
    expect(cibinong.kelurahan.size).toBe(13);
  });

  it('should combine areas of different levels', async () => {
    const both = await loadAreas({ areas: ['35.78', '32.01.01'] });
    expect(both.servedNames).toEqual(['Kota Surabaya', 'Kecamatan Cibinong, Kabupaten Bogor']);
    expect(both.offices.filter((o) => o.level === 'provinsi').map((o) => o.id)).toEqual(['32', '35']);
    expect(both.kelurahan.search('cibinong').map((e) => e.code)).toEqual(['32.01.01.1006']);
  });

  it('should refuse a code in no list, naming it', async () => {
    await expect(loadAreas({ areas: ['32.01', '32.99'] })).rejects.toThrow(UnknownAreaError);
    await expect(loadAreas({ areas: ['32.01.99'] })).rejects.toThrow(
      /kode wilayah tidak dikenal.*32\.01\.99/,
    );
  });

  it('should find a village outside the served area in the national list, with its kecamatan and kota', () => {
    // In Bogor only look-alikes: a Cipinang, a Muarajaya.
    expect(bogor.kelurahan.match('cipinang muara').every((m) => m.weak)).toBe(true);
    expect(bogor.kelurahan.servedArea).toEqual(['Kabupaten Bogor']);
    expect(bogor.kelurahan.elsewhere?.('cipinang muara').map((m) => [m.entry, m.weak])).toEqual([
      [
        {
          code: '31.75.03.1006',
          name: 'Cipinang Muara',
          district: 'Jatinegara',
          districtCode: '31.75.03',
          city: 'Jakarta Timur',
        },
        false,
      ],
    ]);
    // Served villages are left to the served search.
    const cibinong = bogor.kelurahan.elsewhere?.('cibinong').map((m) => m.entry.code);
    expect(cibinong).toContain('32.14.03.2006');
    expect(cibinong?.filter((code) => code.startsWith('32.01.'))).toEqual([]);
  });
});
