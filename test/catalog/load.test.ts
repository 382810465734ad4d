import { describe, expect, it } from '@jest/globals';
import { loadCatalog } from '../../src/catalog/load.js';
import { askKey, helpKey } from '../../src/catalog/message-keys.js';
import { CatalogError } from '../../src/catalog/problem.js';
import { stubKelurahan } from './support/stub-kelurahan.js';
import { demoFiles, tempCatalog } from './support/temp-catalog.js';

const NINE = [
  'ktp',
  'kk',
  'akta_kelahiran',
  'akta_kematian',
  'pindah',
  'domisili',
  'sktm',
  'izin_usaha',
  'pbg',
];

describe('loadCatalog', () => {
  describe('the real catalog', () => {
    it('should load the nine services in menu order', async () => {
      const catalog = await loadCatalog({ kelurahan: stubKelurahan });
      expect([...catalog.flows.keys()]).toEqual(NINE);
      expect(catalog.kelurahan).toBe(stubKelurahan);
    });

    it('should fill the schema defaults', async () => {
      const ktp = (await loadCatalog({ kelurahan: stubKelurahan })).flows.get('ktp');
      expect(ktp?.applicant).toEqual({ name: 'nama', nik: 'nik', phone: 'telepon', office: 'kelurahan' });
      const kk = ktp?.steps.find((s) => s.id === 'foto_kk');
      expect(kk).toMatchObject({
        kind: 'document',
        accept: ['image/jpeg', 'image/png', 'application/pdf'],
        min_files: 1,
        max_files: 1,
        optional: false,
      });
      expect(ktp?.steps.find((s) => s.id === 'nama')).toMatchObject({ kind: 'text', max_length: 100 });
    });

    it('should state the facts of the reference: free population documents, PBG levy, SLA', async () => {
      const { flows } = await loadCatalog({ kelurahan: stubKelurahan });
      for (const id of ['ktp', 'kk', 'akta_kelahiran', 'akta_kematian', 'pindah']) {
        expect(flows.get(id)?.fee).toEqual({ amount: 0, legal_basis: 'UU 24/2013 Pasal 79A' });
      }
      expect(flows.get('pbg')).toMatchObject({ fee: { amount: null }, sla_working_days: 28 });
      expect(flows.get('ktp')?.in_person).toBe(true);
      expect(flows.get('izin_usaha')?.sla_working_days).toBe(1);
    });

    it('should resolve every prompt, option and rejection in both languages', async () => {
      const { flows, messages } = await loadCatalog({ kelurahan: stubKelurahan });
      for (const flow of flows.values()) {
        for (const lang of ['id', 'en'] as const) {
          const m = messages[lang];
          expect(typeof m[`${flow.id}.name`]).toBe('string');
          expect(Array.isArray(m[`${flow.id}.requirements`])).toBe(true);
          for (const step of flow.steps) {
            const key = askKey(m, flow.id, step.id);
            expect([flow.id, step.id, lang, key && typeof m[key]]).toEqual([
              flow.id,
              step.id,
              lang,
              'string',
            ]);
            if (step.kind === 'document') expect(helpKey(m, flow.id, step.id)).toBeDefined();
            if (step.kind === 'choice')
              for (const o of step.options) expect(m[`${flow.id}.${step.id}.options.${o}`]).toBeDefined();
            for (const r of step.rejections) expect(m[r.message]).toBeDefined();
          }
        }
      }
    });

    it('should freeze what it loads', async () => {
      const { flows, messages } = await loadCatalog({ kelurahan: stubKelurahan });
      const ktp = flows.get('ktp');
      expect(Object.isFrozen(ktp)).toBe(true);
      expect(Object.isFrozen(ktp?.steps[0])).toBe(true);
      expect(Object.isFrozen(messages.id)).toBe(true);
      expect(() => {
        (messages.id as Record<string, string>)['ktp.name'] = 'x';
      }).toThrow(TypeError);
    });
  });

  it('should throw a CatalogError that lists every problem', async () => {
    const t = await tempCatalog(demoFiles());
    try {
      await t.remove('locales/en.steps.yaml');
      await t.remove('intents');
      const error = await loadCatalog({ root: t.root, kelurahan: stubKelurahan }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CatalogError);
      const { problems, message, name } = error as CatalogError;
      expect(name).toBe('CatalogError');
      // nama, nik, telepon, kelurahan prompts and the rejection text in en, plus the training phrases.
      expect(problems).toHaveLength(6);
      expect(message).toMatch(
        /^The catalog has 6 problems:\n1\. flows\/demo\.yaml > steps\[1\] \(nama\): missing message/,
      );
      expect(message).toContain('6. intents/services/demo.yaml: service "demo" has no training phrases');
      expect(message).toContain('    fix: add demo.nama.ask to locales/en.services.yaml');
    } finally {
      await t.cleanup();
    }
  });
});
