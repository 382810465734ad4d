import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type Loket } from '../../src/main.js';
import { tempOverlay } from '../catalog/support/overlay.js';
import type { TempCatalog } from '../catalog/support/temp-catalog.js';
import { serverEnv } from '../support/db.js';

describe('a Loket started with CATALOG_DIR', () => {
  let overlay: TempCatalog;
  let loket: Loket;

  beforeAll(async () => {
    overlay = await tempOverlay({ tenth: true });
    const env = serverEnv('catalog_overlay', { CATALOG_DIR: overlay.root, NLU_CACHE: 'off' });
    loket = await createLoket(loadConfig(env), createLogger('silent'));
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
    await overlay.cleanup();
  });

  it('should run on the layered catalog: the local fee text and the added service', () => {
    expect(loket.catalog.messages.id['pbg.fee_note']).toMatch(/Kas Daerah Kabupaten Bogor/);
    expect([...loket.catalog.flows.keys()]).toContain('skck_pengantar');
  });

  it('should train the NLU on the overlay service phrases', () => {
    expect(loket.nlu.understand('gimana cara bikin pengantar skck').service).toBe('skck_pengantar');
  });
});
