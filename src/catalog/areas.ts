/**
 * The official area list (Kemendagri codes, from the npm package idn-area-data, data ODbL) turned
 * into what Loket needs: the office tree for routing and officer scope, the kelurahan a citizen
 * can choose, and the district check for NIKs. The package's JS API needs Node 22, so its CSV
 * files are read directly.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { KelurahanEntry, KelurahanIndex } from './catalog.js';
import { csvRecords } from './area-csv.js';
import { createKelurahanIndex } from './kelurahan-search.js';
import { DEFAULT_HOURS } from '../domain/office.js';
import type { Office } from '../domain/office.js';

/** Which provinces get offices; the region check always covers the whole country. */
export interface LoadAreasOptions {
  /** Province codes; default ['31'] (DKI Jakarta). */
  provinces?: readonly string[];
  /** The folder holding the CSVs; default the installed idn-area-data package. */
  dataDir?: string;
}

/** The loaded area data. */
export interface Areas {
  /** Provinsi, kota/kabupaten, kecamatan and kelurahan/desa of the chosen provinces, parents first. */
  offices: Office[];
  kelurahan: KelurahanIndex;
  /** Whether a district code "PP.KK.CC" exists anywhere in Indonesia (for `validateNik`). */
  regionExists: (code6: string) => boolean;
}

/** Where idn-area-data keeps its CSVs. */
export function areaDataDir(): string {
  const pkg = createRequire(import.meta.url).resolve('idn-area-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

async function read<K extends string>(
  dir: string,
  file: string,
  columns: readonly K[],
): Promise<Array<Record<K, string>>> {
  return csvRecords(await readFile(path.join(dir, file), 'utf8'), columns);
}

/** A copy of a string that does not keep the string it was cut from alive. */
function ownText(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * A copy of a CSV record to keep: V8 holds a substring of 13 characters or more (a village code
 * is 13) as a view into the string it was cut from, so one kept village code would keep the
 * whole text of villages.csv for the life of the process. What is made from the copy (names,
 * titles) refers to the copy.
 */
function owned<K extends string>(record: Record<K, string>): Record<K, string> {
  const copy = {} as Record<K, string>;
  for (const key of Object.keys(record) as K[]) copy[key] = ownText(record[key]);
  return copy;
}

/** "Kota Administrasi Jakarta Pusat" -> "Jakarta Pusat": what people call it. */
function cityName(name: string): string {
  return name.replace(/^(Kota|Kabupaten) Administrasi /, '');
}

/** Village codes 1xxx are kelurahan, 2xxx desa (Permendagri numbering). */
function villageTitle(code: string, name: string): string {
  return `${code.split('.')[3]?.startsWith('2') ? 'Desa' : 'Kelurahan'} ${name}`;
}

/**
 * Reads the area CSVs once at start-up. Throws when a requested province code is unknown, so a
 * typo in the configuration stops start-up instead of leaving citizens with no kelurahan.
 */
export async function loadAreas(options: LoadAreasOptions = {}): Promise<Areas> {
  const dir = options.dataDir ?? areaDataDir();
  const wanted = new Set(options.provinces ?? ['31']);
  const [provinces, regencies, districts, villages] = await Promise.all([
    read(dir, 'provinces.csv', ['code', 'name']),
    read(dir, 'regencies.csv', ['code', 'province_code', 'name']),
    read(dir, 'districts.csv', ['code', 'regency_code', 'name']),
    read(dir, 'villages.csv', ['code', 'district_code', 'name']),
  ]);
  const unknown = [...wanted].filter((code) => !provinces.some((p) => p.code === code));
  if (unknown.length > 0) throw new Error(`unknown province code(s) in the area list: ${unknown.join(', ')}`);

  const offices: Office[] = [];
  const add = (id: string, name: string, level: Office['level'], parentId: string | null): void => {
    offices.push({ id, name, level, parentId, hours: DEFAULT_HOURS });
  };
  for (const p of provinces.filter((p) => wanted.has(p.code)).map(owned))
    add(p.code, `Provinsi ${p.name}`, 'provinsi', null);

  const cities = new Map<string, string>();
  for (const r of regencies.filter((r) => wanted.has(r.province_code)).map(owned)) {
    cities.set(r.code, cityName(r.name));
    add(r.code, r.name, 'kota', r.province_code);
  }
  const districtNames = new Map<string, string>();
  for (const d of districts.filter((d) => cities.has(d.regency_code)).map(owned)) {
    districtNames.set(d.code, d.name);
    add(d.code, `Kecamatan ${d.name}`, 'kecamatan', d.regency_code);
  }
  const entries: KelurahanEntry[] = [];
  for (const v of villages.filter((v) => districtNames.has(v.district_code)).map(owned)) {
    const district = districtNames.get(v.district_code) ?? '';
    add(v.code, villageTitle(v.code, v.name), 'kelurahan', v.district_code);
    entries.push({
      code: v.code,
      name: v.name,
      district,
      districtCode: v.district_code,
      city: cities.get(v.district_code.slice(0, 5)) ?? '',
    });
  }

  const allDistricts = new Set(districts.map((d) => ownText(d.code)));
  return {
    offices,
    kelurahan: createKelurahanIndex(entries),
    regionExists: (code6) => allDistricts.has(code6),
  };
}
