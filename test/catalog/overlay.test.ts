import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { checkCatalog } from '../../src/catalog/check.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import { ENGINE_MESSAGE_KEYS } from '../../src/dialogue/message-keys.js';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import { Chat } from '../dialogue/fixture.js';
import { shippedFingerprint, tempOverlay } from './support/overlay.js';
import { stubKelurahan } from './support/stub-kelurahan.js';

const load = (overlayDir: string) =>
  loadCatalog({ overlayDir, kelurahan: stubKelurahan, requiredKeys: ENGINE_MESSAGE_KEYS });

describe('the catalog overlay (CATALOG_DIR)', () => {
  it('should replace a shipped requirement list and fee text, and keep every other shipped message', async () => {
    const t = await tempOverlay();
    try {
      const shipped = await loadCatalog({ kelurahan: stubKelurahan });
      const catalog = await load(t.root);
      expect(catalog.messages.id['pbg.requirements']).toContain(
        'Surat pernyataan tanah tidak dalam sengketa',
      );
      expect(catalog.messages.en['pbg.fee_note']).toMatch(/Kabupaten Bogor treasury/);
      expect(catalog.messages.id['pbg.name']).toBe(shipped.messages.id['pbg.name']);
      expect(Object.keys(catalog.messages.id)).toEqual(Object.keys(shipped.messages.id));

      // What a citizen asking about PBG reads.
      const chat = new Chat({ catalog });
      chat.command('start');
      chat.press('service:pbg');
      expect(chat.text).toContain('Surat pernyataan tanah tidak dalam sengketa');
      expect(chat.text).toContain('bayar hanya ke Kas Daerah Kabupaten Bogor');
    } finally {
      await t.cleanup();
    }
  });

  it('should add a service with its flow, messages and phrases, reachable from the menu', async () => {
    const t = await tempOverlay({ tenth: true });
    try {
      expect(
        (await checkCatalog({ overlayDir: t.root, requiredKeys: ENGINE_MESSAGE_KEYS })).problems,
      ).toEqual([]);
      const catalog = await load(t.root);
      expect([...catalog.flows.keys()]).toHaveLength(10);
      expect([...catalog.flows.keys()].at(-1)).toBe('skck_pengantar');

      const chat = new Chat({ catalog });
      chat.command('start');
      expect(chat.options).toContain('service:skck_pengantar');
      chat.press('service:skck_pengantar');
      expect(chat.text).toContain('Surat Pengantar SKCK');

      // The NLU is trained on the overlay's phrases too, so "mau bikin skck" finds it.
      const intents = await loadIntentData(path.join(PROJECT_ROOT, 'intents'), path.join(t.root, 'intents'));
      expect(intents.services.skck_pengantar?.examples.length).toBeGreaterThan(0);
      expect(Object.keys(intents.services)).toContain('ktp');
    } finally {
      await t.cleanup();
    }
  });

  it('should replace a whole flow, dropping the shipped messages of the steps it no longer has', async () => {
    const t = await tempOverlay();
    try {
      const pbg = parse(await readFile(path.join(PROJECT_ROOT, 'flows/pbg.yaml'), 'utf8')) as {
        sla_working_days: number;
        steps: Array<{ id: string }>;
      };
      pbg.sla_working_days = 20;
      pbg.steps = pbg.steps.filter((s) => s.id !== 'jumlah_lantai');
      await t.write('flows/pbg.yaml', stringify(pbg));

      const catalog = await load(t.root);
      expect(catalog.flows.get('pbg')?.sla_working_days).toBe(20);
      expect(catalog.flows.get('pbg')?.steps.map((s) => s.id)).not.toContain('jumlah_lantai');
      expect(catalog.messages.id['pbg.jumlah_lantai.ask']).toBeUndefined();
      expect(catalog.messages.id['pbg.luas_bangunan.ask']).toBeDefined();
      // The menu order is still the shipped one.
      expect([...catalog.flows.keys()].at(-1)).toBe('pbg');
    } finally {
      await t.cleanup();
    }
  });

  it('should leave the shipped flows/, locales/ and intents/ as they were', async () => {
    const before = await shippedFingerprint();
    const t = await tempOverlay({ tenth: true });
    try {
      await t.write('flows/pbg.yaml', 'id: pbg\nsteps: [');
      await checkCatalog({ overlayDir: t.root });
      await t.remove('flows/pbg.yaml');
      await load(t.root);
      expect(await shippedFingerprint()).toBe(before);
    } finally {
      await t.cleanup();
    }
  });
});
