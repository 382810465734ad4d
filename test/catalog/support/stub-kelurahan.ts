import type { KelurahanEntry, KelurahanIndex } from '../../../src/catalog/catalog.js';

const ENTRY: KelurahanEntry = {
  code: '31.74.09.1002',
  name: 'Tanjung Barat',
  district: 'Jagakarsa',
  districtCode: '31.74.09',
  city: 'Jakarta Selatan',
};

/** One kelurahan: the catalog only carries the index, so tests need no area data. */
export const stubKelurahan: KelurahanIndex = {
  search: (text) => (/tanjung|tj/i.test(text) ? [ENTRY] : []),
  match: (text) => (/tanjung|tj/i.test(text) ? [{ entry: ENTRY, weak: false }] : []),
  get: (code) => (code === ENTRY.code ? ENTRY : undefined),
  size: 1,
};
