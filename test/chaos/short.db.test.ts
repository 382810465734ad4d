import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Row } from '../../scripts/chaos/check.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';

/** The short chaos run CI affords: the same driver as `npm run chaos`, with small numbers. */
const SHORT = {
  CHAOS_SEED: '2101',
  CHAOS_CITIZENS: '10',
  CHAOS_TERMINAL_SHARE: '0.1',
  CHAOS_KILLS: '3',
  CHAOS_DB_FAULTS: '1',
  CHAOS_DURATION: '50',
  CHAOS_REPLY_TIMEOUT: '60',
  CHAOS_SETTLE: '30',
  CHAOS_OFFICER_PAUSE: '2',
};

interface Report {
  done: { kills: number; dbPauses: number; dbKills: number };
  rows: Row[];
}

/** Runs the driver to its end; resolves with its exit code, its output and its report. */
async function runChaos(): Promise<{ code: number | null; output: string; report: Report }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'loket-chaos-test-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chaos/run.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...SHORT, CHAOS_REPORT: reportFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    const report = JSON.parse(await readFile(reportFile, 'utf8').catch(() => '{"rows":[]}')) as Report;
    return { code, output, report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('npm run chaos (short)', () => {
  it('should lose, duplicate and reorder nothing while Loket is killed and the database faulted', async () => {
    const { code, output, report } = await runChaos();
    const row = (start: string) => report.rows.find((r) => r.counted.startsWith(start));
    // Every row of the table is there, and what it counted is what the test sees.
    expect(report.rows.map((r) => r.counted)).toHaveLength(8);
    expect(report.done).toEqual(expect.objectContaining({ kills: 3 }));
    expect(report.done.dbPauses + report.done.dbKills).toBe(1);
    expect(row('applications')?.found).toMatch(/^10 \//);
    const failed = report.rows
      .filter((r) => !r.ok)
      .map((r) => `${r.counted}: ${r.found} (must be ${r.mustBe})`);
    expect({ failed, output: failed.length > 0 ? output : '' }).toEqual({ failed: [], output: '' });
    expect(code).toBe(0);
  }, 180_000);
});
