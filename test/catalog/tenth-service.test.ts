import { cp, readFile } from 'node:fs/promises';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkCatalog } from '../../src/catalog/check.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { askKey, helpKey } from '../../src/catalog/message-keys.js';
import { stubKelurahan } from './support/stub-kelurahan.js';
import { copyRealCatalog } from './support/temp-catalog.js';

const FIXTURE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'catalog-tenth');

describe('adding a tenth service', () => {
  it('should take a flow file, locale lines and training phrases, and no code', async () => {
    const t = await copyRealCatalog();
    try {
      await cp(path.join(FIXTURE, 'flows'), path.join(t.root, 'flows'), { recursive: true });
      await cp(path.join(FIXTURE, 'intents'), path.join(t.root, 'intents'), { recursive: true });
      for (const lang of ['id', 'en']) {
        const lines = await readFile(path.join(FIXTURE, 'locales', `${lang}.services.yaml`), 'utf8');
        await t.append(`locales/${lang}.services.yaml`, lines);
      }

      expect((await checkCatalog({ root: t.root })).problems).toEqual([]);
      const catalog = await loadCatalog({ root: t.root, kelurahan: stubKelurahan });
      // Not in flows/_order.yaml, so it follows the nine.
      expect([...catalog.flows.keys()]).toHaveLength(10);
      expect([...catalog.flows.keys()].at(-1)).toBe('skck_pengantar');

      const flow = catalog.flows.get('skck_pengantar');
      expect(flow?.steps.map((s) => s.id)).toEqual([
        'keperluan',
        'keperluan_lainnya',
        'nama',
        'nik',
        'telepon',
        'kelurahan',
        'foto_ktp',
        'pas_foto',
      ]);
      const id = catalog.messages.id;
      expect(id['skck_pengantar.name']).toBe('Surat Pengantar SKCK');
      expect(catalog.messages.en['skck_pengantar.keperluan.options.melamar_kerja']).toBe('Job application');
      // Common steps take the shared prompts and photo advice; its own steps its own lines.
      expect(askKey(id, 'skck_pengantar', 'nik')).toBe('steps.nik.ask');
      expect(helpKey(id, 'skck_pengantar', 'foto_ktp')).toBe('steps.foto_ktp.help');
      expect(askKey(id, 'skck_pengantar', 'pas_foto')).toBe('skck_pengantar.pas_foto.ask');
    } finally {
      await t.cleanup();
    }
  });

  it('should be caught by the check when its locale lines are forgotten', async () => {
    const t = await copyRealCatalog();
    try {
      await cp(path.join(FIXTURE, 'flows'), path.join(t.root, 'flows'), { recursive: true });
      await cp(path.join(FIXTURE, 'intents'), path.join(t.root, 'intents'), { recursive: true });
      const { problems } = await checkCatalog({ root: t.root });
      expect(problems.length).toBeGreaterThan(0);
      expect(
        problems.every(
          (p) => p.file === 'flows/skck_pengantar.yaml' && p.message.startsWith('missing message'),
        ),
      ).toBe(true);
      expect(problems).toContainEqual(
        expect.objectContaining({ fix: 'add skck_pengantar.name to locales/id.services.yaml' }),
      );
    } finally {
      await t.cleanup();
    }
  });
});
