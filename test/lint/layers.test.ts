import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/config/project-root.js';

const run = promisify(execFile);

/** A copy of what the layer check reads: src/, its configuration, tsconfig.json, node_modules. */
function copyOfRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loket-layers-'));
  cpSync(join(PROJECT_ROOT, 'src'), join(dir, 'src'), { recursive: true });
  for (const file of ['.dependency-cruiser.js', 'tsconfig.json', 'package.json']) {
    cpSync(join(PROJECT_ROOT, file), join(dir, file));
  }
  // Libraries must resolve for the rules that keep each library in its adapter.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function plant(dir: string, file: string, source: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), source);
}

/** Runs the same check as `npm run lint`, in `dir`. */
async function checkLayers(dir: string): Promise<{ code: number; output: string }> {
  const script = join(PROJECT_ROOT, 'scripts', 'check-layers.js');
  try {
    const { stdout, stderr } = await run(process.execPath, [script], { cwd: dir, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * The layer rules of .dependency-cruiser.js (run by `npm run lint`): the repository as it is
 * passes silently, and each kind of forbidden import is reported by the rule that forbids it.
 */
describe('layer rules (scripts/check-layers.js)', () => {
  const dirs: string[] = [];
  let clean: { code: number; output: string };
  let broken: { code: number; output: string };

  beforeAll(async () => {
    const [asIs, planted] = [copyOfRepository(), copyOfRepository()];
    dirs.push(asIs, planted);
    // Type-only, on purpose: a type import is a dependency too (tsPreCompilationDeps).
    plant(
      planted,
      'src/domain/planted-outward.ts',
      "import type { Connection } from '../adapters/mongo/connection.js';\nexport type Planted = Connection;\n",
    );
    plant(
      planted,
      'src/adapters/telegram/planted-neighbour.ts',
      "import { sendToWhatsApp } from '../whatsapp/sender.js';\nexport const planted = sendToWhatsApp;\n",
    );
    plant(
      planted,
      'src/dialogue/planted-a.ts',
      "import { b } from './planted-b.js';\nexport const a = (): number => b();\n",
    );
    plant(
      planted,
      'src/dialogue/planted-b.ts',
      "import { a } from './planted-a.js';\nexport const b = (): number => a();\n",
    );
    plant(
      planted,
      'src/app/planted-db.ts',
      "import mongoose from 'mongoose';\nexport const planted = mongoose;\n",
    );
    plant(
      planted,
      'src/app/planted-adapter.ts',
      "export { planted } from '../adapters/http/planted-http.js';\n",
    );
    plant(
      planted,
      'src/adapters/http/planted-http.ts',
      "import type { Request } from 'express';\nexport type Planted = Request;\nexport const planted = 1;\n",
    );
    plant(
      planted,
      'src/adapters/telegram/planted-express.ts',
      "import type { Request } from 'express';\nexport type Planted = Request;\n",
    );
    plant(planted, 'src/catalog/planted-dialogue.ts', "export type { Draft } from '../dialogue/types.js';\n");
    plant(planted, 'src/nlu/planted-settings.ts', "export { loadConfig } from '../config/config.js';\n");
    [clean, broken] = await Promise.all([checkLayers(asIs), checkLayers(planted)]);
  }, 60_000);

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('should pass silently on the repository as it is', () => {
    expect(clean.output).toBe('');
    expect(clean.code).toBe(0);
  });

  it.each([
    ['domain-is-pure', 'src/domain/planted-outward.ts → src/adapters/mongo/connection.ts'],
    [
      'adapters-do-not-import-each-other',
      'src/adapters/telegram/planted-neighbour.ts → src/adapters/whatsapp/',
    ],
    ['no-cycles', 'src/dialogue/planted-a.ts'],
    ['mongo-only-in-its-adapter', 'src/app/planted-db.ts'],
    ['express-only-in-its-adapter', 'src/adapters/telegram/planted-express.ts'],
    ['app-does-not-import-adapters', 'src/app/planted-adapter.ts → src/adapters/http/planted-http.ts'],
    ['catalog-and-nlu-do-not-import-dialogue', 'src/catalog/planted-dialogue.ts → src/dialogue/types.ts'],
    ['settings-are-read-at-the-edges', 'src/nlu/planted-settings.ts → src/config/config.ts'],
  ])('should fail on a planted import, naming the rule %s', (rule, where) => {
    expect(broken.code).not.toBe(0);
    const line = broken.output.split('\n').find((l) => l.includes(`error ${rule}:`) && l.includes(where));
    expect(line ?? broken.output).toContain(where);
  });

  it('should not blame the imports that are allowed', () => {
    // An adapter may use its own library (express inside src/adapters/http).
    expect(broken.output).not.toMatch(/express-only-in-its-adapter: src\/adapters\/http\//);
  });
});
