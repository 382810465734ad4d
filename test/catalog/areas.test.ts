import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Areas } from '../../src/catalog/areas.js';
import { areaDataDir, loadAreas } from '../../src/catalog/areas.js';
import { areaTokens } from '../../src/catalog/kelurahan-search.js';
import { ancestors, isWithin } from '../../src/domain/office.js';
import { validateNik } from '../../src/domain/nik.js';

let areas: Areas;

beforeAll(async () => {
  areas = await loadAreas();
});

function names(text: string, limit?: number): string[] {
  return areas.kelurahan.search(text, limit).map((e) => e.name);
}

describe('loadAreas', () => {
  it('should build the Jakarta office tree: 1 province, 6 kota, 44 kecamatan, 267 kelurahan', () => {
    const count = (level: string): number => areas.offices.filter((o) => o.level === level).length;
    expect(count('provinsi')).toBe(1);
    expect(count('kota')).toBe(6);
    expect(count('kecamatan')).toBe(44);
    expect(count('kelurahan')).toBe(267);
    expect(areas.kelurahan.size).toBe(267);
  });

  it('should link every office to an existing parent, parents listed first', () => {
    const seen = new Set<string>();
    for (const o of areas.offices) {
      if (o.parentId !== null) expect(seen.has(o.parentId)).toBe(true);
      seen.add(o.id);
    }
    const byId = new Map(areas.offices.map((o) => [o.id, o]));
    const path = ancestors('31.71.01.1002', (id) => byId.get(id)).map((o) => o.name);
    expect(path).toEqual([
      'Kecamatan Gambir',
      'Kota Administrasi Jakarta Pusat',
      'Provinsi Daerah Khusus Ibukota Jakarta',
    ]);
    expect(isWithin('31.74.09.1005', '31.74', (id) => byId.get(id))).toBe(true);
    expect(byId.get('31.71.01.1002')).toMatchObject({
      name: 'Kelurahan Cideng',
      level: 'kelurahan',
      parentId: '31.71.01',
    });
  });

  it('should give each office the default opening hours', () => {
    for (const o of areas.offices) expect(o.hours.mon).toEqual([{ open: '08:00', close: '15:00' }]);
  });

  it('should describe a kelurahan with its kecamatan and the kota as people say it', () => {
    expect(areas.kelurahan.get('31.74.09.1005')).toEqual({
      code: '31.74.09.1005',
      name: 'Tanjung Barat',
      district: 'Jagakarsa',
      districtCode: '31.74.09',
      city: 'Jakarta Selatan',
    });
    expect(areas.kelurahan.get('31.01.01.1001')?.city).toBe('Kepulauan Seribu');
    expect(areas.kelurahan.get('99.99.99.9999')).toBeUndefined();
  });

  it('should check NIK districts for all of Indonesia', () => {
    expect(areas.regionExists('31.71.01')).toBe(true);
    expect(areas.regionExists('11.01.01')).toBe(true);
    expect(areas.regionExists('96.01.01') || areas.regionExists('96.02.01')).toBe(true);
    expect(areas.regionExists('31.71.99')).toBe(false);
    expect(areas.regionExists('31.71')).toBe(false);
    const today = new Date('2026-03-15T00:00:00Z');
    expect(validateNik('1101010101900001', { regionExists: areas.regionExists, today }).ok).toBe(true);
    expect(validateNik('3171990101900001', { regionExists: areas.regionExists, today })).toEqual({
      ok: false,
      reason: 'region',
    });
  });

  it('should load other provinces on request, with desa named as such', async () => {
    const aceh = await loadAreas({ areas: ['11'] });
    expect(aceh.offices.filter((o) => o.level === 'provinsi').map((o) => o.id)).toEqual(['11']);
    expect(aceh.offices.find((o) => o.id === '11.01.01.2001')?.name).toBe('Desa Keude Bakongan');
    expect(aceh.kelurahan.get('31.71.01.1001')).toBeUndefined();
  });

  it('should refuse an unknown province code', async () => {
    await expect(loadAreas({ areas: ['31', '77'] })).rejects.toThrow(/unknown area code\(s\).*77/);
  });

  it('should read the CSVs from the installed idn-area-data package', () => {
    expect(areaDataDir()).toMatch(/idn-area-data[\\/]data$/);
  });

  it('should read a quoted name with a comma from a data folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'loket-areas-'));
    await writeFile(path.join(dir, 'provinces.csv'), 'code,name\n12,Sumatera Utara\n');
    await writeFile(
      path.join(dir, 'regencies.csv'),
      'code,province_code,name\n12.07,12,Kabupaten Deli Serdang\n',
    );
    await writeFile(path.join(dir, 'districts.csv'), 'code,regency_code,name\n12.07.28,12.07,Lubuk Pakam\n');
    await writeFile(
      path.join(dir, 'villages.csv'),
      'code,district_code,name\n12.07.28.1007,12.07.28,"Lubuk Pakam I,II"\n',
    );
    const small = await loadAreas({ areas: ['12'], dataDir: dir });
    expect(small.kelurahan.get('12.07.28.1007')).toMatchObject({
      name: 'Lubuk Pakam I,II',
      city: 'Kabupaten Deli Serdang',
    });
    expect(small.offices).toHaveLength(4);
  });
});

describe('KelurahanIndex.search on the Jakarta list', () => {
  it('should expand tj to tanjung', () => {
    expect(names('tj barat')).toEqual(['Tanjung Barat']);
    expect(names('Tg. Barat')).toEqual(['Tanjung Barat']);
  });

  it('should find exact names, whatever the case', () => {
    expect(names('kebon jeruk')).toEqual(['Kebon Jeruk']);
    expect(names('GAMBIR')).toEqual(['Gambir']);
    expect(names('cideng')).toEqual(['Cideng']);
  });

  it('should expand utr, kb, pd, kp, psr and numbers', () => {
    expect(names('petojo utr')).toEqual(['Petojo Utara']);
    expect(names('kb jeruk')).toEqual(['Kebon Jeruk']);
    expect(names('pd labu')).toEqual(['Pondok Labu']);
    expect(names('kp melayu')).toEqual(['Kampung Melayu']);
    expect(names('psr minggu')).toEqual(['Pasar Minggu']);
    expect(names('duren 3')).toEqual(['Duren Tiga']);
  });

  it('should drop kel., kelurahan and sentence filler', () => {
    expect(names('kel. cideng')).toEqual(['Cideng']);
    expect(names('Kelurahan Gambir')).toEqual(['Gambir']);
    expect(names('saya tinggal di cideng')).toEqual(['Cideng']);
  });

  it('should match names with or without the space', () => {
    expect(names('kramat jati')).toEqual(['Kramatjati']);
    expect(names('setiabudi')).toEqual(['Setia Budi']);
    expect(names('pulogadung')).toEqual(['Pulo Gadung']);
    expect(names('rawa mangun')).toEqual(['Rawamangun']);
  });

  it('should forgive typos in longer words', () => {
    expect(names('cidneg')).toEqual(['Cideng']);
    expect(names('tanjng barat')).toEqual(['Tanjung Barat']);
    expect(names('lebak bulu')).toEqual(['Lebak Bulus']);
  });

  it('should not guess from a typo when a name matches directly', () => {
    expect(names('gambir')).toEqual(['Gambir']);
  });

  it('should list every kelurahan a partial name fits, the exact one first', () => {
    expect(names('petojo')).toEqual(['Petojo Utara', 'Petojo Selatan']);
    expect(names('menteng')[0]).toBe('Menteng');
    expect(names('menteng')).toEqual(expect.arrayContaining(['Menteng Atas', 'Menteng Dalam']));
    expect(names('kelapa dua')).toEqual(['Kelapa Dua', 'Kelapa Dua Wetan']);
    expect(names('kota bambu')).toEqual(['Kota Bambu Utara', 'Kota Bambu Selatan']);
  });

  it('should narrow by kecamatan or kota, and survive a wrong kota', () => {
    expect(names('cideng jakpus')).toEqual(['Cideng']);
    expect(names('kebon jeruk jakbar')).toEqual(['Kebon Jeruk']);
    expect(names('kebon jeruk jak sel')).toEqual(['Kebon Jeruk']);
    expect(names('cideng kec gambir')).toEqual(['Cideng']);
  });

  it('should ask about a guess: a stray word, a wrong kota or a typo makes a match weak', () => {
    const read = (text: string): Array<[string, boolean]> =>
      areas.kelurahan.match(text).map((m) => [m.entry.name, m.weak]);
    expect(read('Budi Santoso')).toEqual([['Setia Budi', true]]);
    expect(read('kebon jeruk jak sel')).toEqual([['Kebon Jeruk', true]]);
    expect(read('cidneg')).toEqual([['Cideng', true]]);
    expect(read('setia budi')).toEqual([['Setia Budi', false]]);
    expect(read('cideng jakpus')).toEqual([['Cideng', false]]);
    expect(read('tj barat')).toEqual([['Tanjung Barat', false]]);
  });

  it('should honour the limit', () => {
    expect(names('kebon', 3)).toHaveLength(3);
    expect(names('kebon').length).toBeGreaterThan(3);
  });

  it('should find nothing for a kota alone or for unrelated text', () => {
    expect(names('jaksel')).toEqual([]);
    expect(names('jakarta barat')).toEqual([]);
    expect(names('xyz')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('tidak tahu')).toEqual([]);
  });

  it('should find every kelurahan by its own name, first', () => {
    const all = areas.offices.filter((o) => o.level === 'kelurahan');
    for (const o of all) {
      const entry = areas.kelurahan.get(o.id);
      expect(areas.kelurahan.search(entry?.name ?? '')[0]?.name).toBe(entry?.name);
    }
  });

  it('should not drop or rewrite any word of a Jakarta kelurahan name', () => {
    for (const o of areas.offices.filter((x) => x.level === 'kelurahan')) {
      const name = areas.kelurahan.get(o.id)?.name ?? '';
      expect(areaTokens(name).join(' ')).toBe(name.toLowerCase());
    }
    expect(areaTokens('Kel. Tj. Barat, Jaksel')).toEqual(['tanjung', 'barat', 'jakarta', 'selatan']);
  });
});

describe('KelurahanIndex.match on a province with namesakes', () => {
  it('should find many villages called Sukamaju in Jawa Barat, each told apart by kecamatan and kota', async () => {
    const jabar = await loadAreas({ areas: ['32'] });
    const hits = jabar.kelurahan.match('sukamaju', 6);
    expect(hits).toHaveLength(6);
    expect(hits.every((m) => m.entry.name === 'Sukamaju' && !m.weak)).toBe(true);
    expect(new Set(hits.map((m) => `${m.entry.district}/${m.entry.city}`)).size).toBe(6);
  });
});
