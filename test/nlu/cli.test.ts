import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import { modelKey } from '../../src/nlu/nlu-cache.js';
import { tempOverlay } from '../catalog/support/overlay.js';
import { expectUsageError } from '../support/run-tool.js';

/** Runs the CLI as the benchmarks do and collects its output. */
function run(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/nlu/cli.ts', ...args], {
      env: { ...process.env, NODE_OPTIONS: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('nlu cli', () => {
  it('should write one JSON object per input line and nothing else', async () => {
    const { code, stdout } = await run(
      ['classify'],
      'gmn cara bikin ktp\npetugas minta duit 200rb\n\ncek status ptsp-2611-abcd7\n',
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const rows = lines.map(
      (l) => JSON.parse(l) as { text: string; intent: string; service: string | null; confidence: number },
    );
    expect(rows.map((r) => r.text)).toEqual([
      'gmn cara bikin ktp',
      'petugas minta duit 200rb',
      '',
      'cek status ptsp-2611-abcd7',
    ]);
    expect(rows[0]).toMatchObject({ service: 'ktp' });
    expect(['ask_requirements', 'apply']).toContain(rows[0]?.intent);
    expect(rows[1]).toMatchObject({ intent: 'complaint', service: null });
    expect(rows[3]).toMatchObject({ intent: 'check_status' });
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['confidence', 'intent', 'service', 'text']);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('should store the trained model under DATA_DIR, as the Docker image build does (production settings absent)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loket-nlu-store-'));
    try {
      const env = { DATA_DIR: dataDir, NODE_ENV: 'production' };
      const first = await run(['store'], '', env);
      expect(first).toMatchObject({ code: 0, stdout: '' });
      expect(first.stderr).toMatch(/model trained and stored in .*nlu-cache/);
      expect(await readdir(path.join(dataDir, 'nlu-cache'))).toEqual([
        expect.stringMatching(/^nlu-.*\.bin$/),
      ]);
      expect((await run(['store'], '', env)).stderr).toMatch(/model already stored/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('should store the model npm start will look for when CATALOG_DIR adds service phrases', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loket-nlu-store-'));
    const overlay = await tempOverlay({ tenth: true });
    try {
      const stored = await run(['store'], '', { DATA_DIR: dataDir, CATALOG_DIR: overlay.root });
      expect(stored.code).toBe(0);
      const key = await modelKey(await loadIntentData('intents', path.join(overlay.root, 'intents')));
      expect(await readdir(path.join(dataDir, 'nlu-cache'))).toEqual([`nlu-${key.slice(0, 32)}.bin`]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
      await overlay.cleanup();
    }
  });

  it('should refuse an unknown command with usage on stderr', async () => {
    const { code, stdout, stderr } = await run(['parse'], '');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Pemakaian \/ usage: npm run nlu -- classify/);
  });

  it.each([
    [['classify', '--intents'], /Option '--intents <value>' argument missing/],
    [['classify', '-x'], /Unknown option '-x'/],
    [['store', 'extra'], /argumen berlebih \/ unexpected arguments: extra/],
    [[], /classify atau store/],
  ])('should answer %j with the usage and exit 2, without a stack trace', async (args, problem) => {
    expectUsageError(await run(args, ''), /npm run nlu -- store \[--intents DIR\]/, problem);
  });
});
