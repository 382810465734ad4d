import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/project-root.js';

/**
 * The tools (scripts/, bench/) import no test support: a tool runs on its own, and a test's
 * helper may change with its tests. What both need lives in scripts/support/.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'data' || e.name === 'node_modules' ? [] : sources(full);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every relative import of `file` that lands under test/, as `file: specifier`. */
function intoTests(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)];
  const tests = path.join(PROJECT_ROOT, 'test') + path.sep;
  return specifiers
    .map((m) => m[1]!)
    .filter((s) => path.resolve(path.dirname(file), s).startsWith(tests))
    .map((s) => `${path.relative(PROJECT_ROOT, file)}: ${s}`);
}

describe('tool imports', () => {
  it('should keep scripts/ and bench/ free of imports from test/', () => {
    const files = ['scripts', 'bench'].flatMap((d) => sources(path.join(PROJECT_ROOT, d)));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(intoTests)).toEqual([]);
  });
});
