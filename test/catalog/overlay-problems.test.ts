import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkCatalog } from '../../src/catalog/check.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { CatalogError, type CatalogProblem } from '../../src/catalog/problem.js';
import { ENGINE_MESSAGE_KEYS } from '../../src/dialogue/message-keys.js';
import { runTsTool } from '../support/run-tool.js';
import { tempOverlay } from './support/overlay.js';
import { stubKelurahan } from './support/stub-kelurahan.js';

const problemsOf = async (overlayDir: string): Promise<CatalogProblem[]> =>
  (await checkCatalog({ overlayDir, requiredKeys: ENGINE_MESSAGE_KEYS })).problems;

describe('catalog overlay problems', () => {
  it('should name the overlay file, the place and the fix for a broken flow, and stop the load', async () => {
    const t = await tempOverlay();
    try {
      await t.write('flows/pbg.yaml', 'id: pbg\nsla_working_days: -1\n');
      const file = path.join(t.root, 'flows/pbg.yaml');
      const problems = await problemsOf(t.root);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.file === file)).toBe(true);
      expect(problems).toContainEqual(expect.objectContaining({ file, path: 'sla_working_days' }));
      expect(problems.every((p) => p.fix.length > 0)).toBe(true);

      const error = await loadCatalog({ overlayDir: t.root, kelurahan: stubKelurahan }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).message).toContain(`${file} > sla_working_days`);
    } finally {
      await t.cleanup();
    }
  });

  it('should report a misspelt message key in the overlay, which would leave the shipped text in place', async () => {
    const t = await tempOverlay();
    try {
      await t.append('locales/id.services.yaml', 'info:\n  fee_levyy: Ada retribusi.\n');
      await t.append('locales/en.services.yaml', '  fee_not: A levy.\n');
      const problems = await problemsOf(t.root);
      expect(problems).toContainEqual({
        file: path.join(t.root, 'locales/id.services.yaml'),
        path: 'info.fee_levyy',
        message: 'this key replaces no shipped message and no flow uses it',
        fix: 'correct its spelling to the key of the shipped message it should replace (in locales/id.*.yaml), or remove it',
      });
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: path.join(t.root, 'locales/en.services.yaml'),
          path: 'pbg.fee_not',
          message: 'no step, option or rejection of flow "pbg" uses this message',
        }),
      );
    } finally {
      await t.cleanup();
    }
  });

  it('should ask for what a new service lacks in the overlay, never in the shipped folders', async () => {
    const t = await tempOverlay({ tenth: true });
    try {
      await t.remove('intents');
      await t.remove('locales/en.skck_pengantar.yaml');
      const problems = await problemsOf(t.root);
      const phrases = path.join(t.root, 'intents/services/skck_pengantar.yaml');
      expect(problems).toContainEqual(
        expect.objectContaining({ file: phrases, fix: expect.stringContaining(`create ${phrases}`) }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: path.join(t.root, 'flows/skck_pengantar.yaml'),
          fix: `add skck_pengantar.name to ${path.join(t.root, 'locales')}/en.services.yaml`,
        }),
      );
    } finally {
      await t.cleanup();
    }
  });

  it('should report a missing CATALOG_DIR and a folder Loket does not read', async () => {
    const missing = await problemsOf('/nonexistent-loket-overlay');
    expect(missing).toEqual([
      {
        file: '/nonexistent-loket-overlay',
        path: '',
        message: 'the CATALOG_DIR folder does not exist',
        fix: 'create it with flows/, locales/ or intents/services/ inside, or correct CATALOG_DIR',
      },
    ]);
    const t = await tempOverlay();
    try {
      await mkdir(path.join(t.root, 'flow'));
      await t.write('intents/greeting.yaml', { examples: ['halo'] });
      const problems = await problemsOf(t.root);
      expect(problems.map((p) => p.file)).toEqual([
        path.join(t.root, 'flow'),
        path.join(t.root, 'intents/greeting.yaml'),
      ]);
    } finally {
      await t.cleanup();
    }
  });
});

describe('npm run catalog:check with an overlay', () => {
  it('should check the overlay named by --catalog-dir or CATALOG_DIR', async () => {
    const t = await tempOverlay({ tenth: true });
    try {
      const ok = await runTsTool('src/catalog/cli.ts', ['--catalog-dir', t.root]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(new RegExp(`^Catalog OK with the overlay ${t.root}: 10 services \\(ktp, `));

      await t.write('flows/pbg.yaml', 'id: pbg\nsteps: [\n');
      const bad = await runTsTool('src/catalog/cli.ts', [], { CATALOG_DIR: t.root });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(
        `1. ${path.join(t.root, 'flows/pbg.yaml')} > line 3, column 1: YAML syntax error`,
      );
      expect(bad.stdout).toMatch(/\n {4}fix: /);
    } finally {
      await t.cleanup();
    }
  });
});
