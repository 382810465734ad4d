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
import { aboveAreas, DEFAULT_AREAS, inAreas, isDesaCode, normalizeAreaCodes } from './area-codes.js';
import { createNationalIndex, type NationalIndex, type VillageTable } from './national-search.js';
import type { Office } from '../domain/office.js';

/** Which areas get offices and villages; the region check always covers the whole country. */
export interface LoadAreasOptions {
  /**
   * Kemendagri codes of provinces ("31"), kabupaten/kota ("32.01") or kecamatan ("32.01.01");
   * default DKI Jakarta. See `LOKET_AREAS`.
   */
  areas?: readonly string[];
  /** The folder holding the CSVs; default the installed idn-area-data package. */
  dataDir?: string;
}

/** The loaded area data. */
export interface Areas {
  /**
   * Offices of the served areas and the province and kabupaten/kota above each, parents first:
   * provinsi, kota/kabupaten, kecamatan and kelurahan/desa.
   */
  offices: Office[];
  /** The villages a citizen can choose, with the national list for those from elsewhere. */
  kelurahan: KelurahanIndex;
  /** Whether a district code "PP.KK.CC" exists anywhere in Indonesia (for `validateNik`). */
  regionExists: (code6: string) => boolean;
  /** The served areas by name ("Kabupaten Bogor"), in the order configured. */
  servedNames: string[];
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

/** "Desa Cibinong" or "Kelurahan Cideng": a village office is named for what it is. */
function villageTitle(code: string, name: string): string {
  return `${isDesaCode(code) ? 'Desa' : 'Kelurahan'} ${name}`;
}

/** A configured code that is in no list; start-up stops with it. */
export class UnknownAreaError extends Error {
  override name = 'UnknownAreaError';
  constructor(readonly codes: string[]) {
    super(
      `LOKET_AREAS: kode wilayah tidak dikenal / unknown area code(s): ${codes.join(', ')} ` +
        '(contoh / e.g. 31 = DKI Jakarta, 32.01 = Kabupaten Bogor, 32.01.01 = a kecamatan)',
    );
  }
}

/**
 * Reads the area CSVs once at start-up. Throws `UnknownAreaError` when a requested code is in no
 * list, so a typo in the configuration stops start-up instead of leaving citizens with no village.
 */
export async function loadAreas(options: LoadAreasOptions = {}): Promise<Areas> {
  const dir = options.dataDir ?? areaDataDir();
  const wanted = normalizeAreaCodes(options.areas ?? DEFAULT_AREAS);
  const [provinces, regencies, districts, villages] = await Promise.all([
    read(dir, 'provinces.csv', ['code', 'name']),
    read(dir, 'regencies.csv', ['code', 'province_code', 'name']),
    read(dir, 'districts.csv', ['code', 'regency_code', 'name']),
    read(dir, 'villages.csv', ['code', 'district_code', 'name']),
  ]);
  const names = new Map<string, string>();
  for (const list of [provinces, regencies, districts]) for (const r of list) names.set(r.code, r.name);
  const unknown = wanted.filter((code) => !names.has(code));
  if (unknown.length > 0) throw new UnknownAreaError(unknown);

  const kept = (code: string): boolean => inAreas(wanted, code) || aboveAreas(wanted, code);
  const offices: Office[] = [];
  const add = (id: string, name: string, level: Office['level'], parentId: string | null): void => {
    offices.push({ id, name, level, parentId, hours: DEFAULT_HOURS });
  };
  for (const p of provinces.filter((p) => kept(p.code)).map(owned))
    add(p.code, `Provinsi ${p.name}`, 'provinsi', null);
  for (const r of regencies.filter((r) => kept(r.code)).map(owned))
    add(r.code, r.name, 'kota', r.province_code);
  const served = new Map<string, Record<'code' | 'regency_code' | 'name', string>>();
  for (const d of districts.filter((d) => inAreas(wanted, d.code)).map(owned)) {
    served.set(d.code, d);
    add(d.code, `Kecamatan ${d.name}`, 'kecamatan', d.regency_code);
  }
  const cities = new Map(
    regencies.filter((r) => kept(r.code)).map((r) => [r.code, cityName(ownText(r.name))]),
  );
  const entries: KelurahanEntry[] = [];
  for (const row of villages) {
    const d = served.get(row.district_code);
    if (!d) continue;
    const v = owned(row);
    add(v.code, villageTitle(v.code, v.name), 'kelurahan', d.code);
    entries.push({
      code: v.code,
      name: v.name,
      district: d.name,
      districtCode: d.code,
      city: cities.get(d.regency_code) ?? '',
    });
  }
  const servedNames = wanted.map((code) => areaName(code, names));
  // The national list is worked out from the rows read here on the first out-of-area question,
  // not at every start.
  let national: NationalIndex | undefined;
  const index = createKelurahanIndex(entries);
  const allDistricts = new Set(districts.map((d) => ownText(d.code)));
  return {
    offices,
    kelurahan: {
      ...index,
      servedArea: servedNames,
      // Served villages among the national matches are left out (the served search answers for
      // them), so a few more are asked for.
      elsewhere: (text, limit = 10) =>
        (national ??= createNationalIndex(villageTable(regencies, districts, villages)))
          .match(text, limit + 20)
          .filter((m) => !inAreas(wanted, m.entry.districtCode))
          .slice(0, limit),
    },
    regionExists: (code6) => allDistricts.has(code6),
    servedNames,
  };
}

/** Every village in the country with its kecamatan and kota, as the national search reads it (`npm run bench:areas`). */
export async function readVillageTable(dataDir = areaDataDir()): Promise<VillageTable> {
  const [regencies, districts, villages] = await Promise.all([
    read(dataDir, 'regencies.csv', ['code', 'province_code', 'name']),
    read(dataDir, 'districts.csv', ['code', 'regency_code', 'name']),
    read(dataDir, 'villages.csv', ['code', 'district_code', 'name']),
  ]);
  return villageTable(regencies, districts, villages);
}

/** "Provinsi Jawa Barat", "Kabupaten Bogor", "Kecamatan Cibinong, Kabupaten Bogor". */
function areaName(code: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(code) ?? code;
  const parts = code.split('.');
  if (parts.length === 1) return `Provinsi ${name}`;
  if (parts.length === 2) return name;
  return `Kecamatan ${name}, ${names.get(parts.slice(0, 2).join('.')) ?? ''}`;
}

/** Every village in the country, compact, with its kecamatan and kota names shared. */
function villageTable(
  regencies: ReadonlyArray<Record<'code' | 'name', string>>,
  districts: ReadonlyArray<Record<'code' | 'regency_code' | 'name', string>>,
  villages: ReadonlyArray<Record<'code' | 'district_code' | 'name', string>>,
): VillageTable {
  const cities = new Map(regencies.map((r) => [r.code, cityName(ownText(r.name))]));
  const at = new Map<string, number>();
  const table = districts.map((d, i) => {
    at.set(d.code, i);
    return { code: ownText(d.code), name: ownText(d.name), city: cities.get(d.regency_code) ?? '' };
  });
  const rows: VillageTable['villages'][number][] = [];
  for (const v of villages) {
    const district = at.get(v.district_code);
    // Cut strings of 13 characters or more would keep villages.csv alive (see `owned`); a code is
    // rebuilt from its kecamatan's own code and its last digits instead.
    if (district === undefined) continue;
    const name = v.name.length >= 13 ? ownText(v.name) : v.name;
    rows.push({ name, district, code: `${table[district]!.code}${v.code.slice(8)}` });
  }
  return { districts: table, villages: rows };
}
