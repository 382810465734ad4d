import { execFile } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { demoFiles, tempCatalog } from './support/temp-catalog.js';
import { expectUsageError, runTsTool } from '../support/run-tool.js';

const run = async (root: string): Promise<{ code: number; stdout: string }> => {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/catalog/cli.ts'), '--root', root],
      { cwd: PROJECT_ROOT },
    );
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
};

describe('catalog:check', () => {
  it('should print a one-line summary and exit 0 for a good catalog', async () => {
    const t = await tempCatalog(demoFiles());
    try {
      const { code, stdout } = await run(t.root);
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /^Catalog OK: 1 services \(demo\), \d+ messages in id and en, training phrases for every service\.\n$/,
      );
    } finally {
      await t.cleanup();
    }
  });

  it('should print every problem with file, path and fix and exit 1', async () => {
    const t = await tempCatalog(demoFiles());
    try {
      await t.remove('intents');
      await t.write('flows/_order.yaml', ['ghost']);
      const { code, stdout } = await run(t.root);
      expect(code).toBe(1);
      expect(stdout).toContain(
        '1. flows/_order.yaml > [0]: there is no flow "ghost"\n    fix: remove it or add flows/ghost.yaml',
      );
      expect(stdout).toContain('2. intents/services/demo.yaml: service "demo" has no training phrases');
      expect(stdout).toContain('Catalog check failed: 2 problems');
    } finally {
      await t.cleanup();
    }
  });

  it.each([
    [['--root'], /Option '--root <value>' argument missing/],
    [['--roots', '.'], /Unknown option '--roots'/],
    [['flows'], /Unexpected argument 'flows'/],
  ])('should answer %j with the usage and exit 2, without a stack trace', async (args, problem) => {
    expectUsageError(
      await runTsTool('src/catalog/cli.ts', args),
      /Pemakaian \/ usage: npm run catalog:check -- \[--root DIR\]/,
      problem,
    );
  });
});
