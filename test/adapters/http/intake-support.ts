import { readFileSync } from 'node:fs';
import type { IntakeSettings } from '../../../src/app/officer/assisted-intake.js';
import { loadAreas } from '../../../src/catalog/areas.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { ENGINE_MESSAGE_KEYS } from '../../../src/dialogue/message-keys.js';

/** The real catalog (flows/, locales/, Jakarta's kelurahan), as the server loads it. */
export async function intakeSettings(): Promise<IntakeSettings> {
  const areas = await loadAreas();
  const catalog = await loadCatalog({ kelurahan: areas.kelurahan, requiredKeys: ENGINE_MESSAGE_KEYS });
  return { catalog, trackingPrefix: 'PTSP', holidays: [], uploadMaxBytes: 1024 * 1024 };
}

/** A fixture file's bytes. */
export function fixtureFile(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));
}

/** A valid NIK (Jakarta Pusat, born 7 August 1990, woman). */
export const NIK = '3171014708900003';

/** The text answers of a complete "KTP hilang" form, routed to Gambir (31.71.01.1001). */
export const KTP_HILANG: Record<string, string> = {
  jenis: 'hilang',
  nama: 'Siti Rahmawati',
  nik: NIK,
  telepon: '0812 3456 7890',
  kelurahan: 'Gambir, Kec. Gambir, Jakarta Pusat (31.71.01.1001)',
  no_kk: '3171010101010001',
};

/** A multipart form as a browser would send it: text fields, then files per step. */
export function form(
  fields: Record<string, string>,
  files: Record<string, Array<[string, Buffer]>> = {},
): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const [step, list] of Object.entries(files)) {
    for (const [name, bytes] of list) fd.append(step, new Blob([new Uint8Array(bytes)]), name);
  }
  return fd;
}
