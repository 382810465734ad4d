import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/project-root.js';

const execFileAsync = promisify(execFile);
const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'test-db.sh');

/** A FerretDB process this program started, and how to reach and stop it. */
export interface EmbeddedDb {
  uri: string;
  binary: string;
  stop(): Promise<void>;
}

/** Builds FerretDB if this machine has not yet (see scripts/test-db.sh) and returns the binary's path. */
export async function installFerretDb(): Promise<string> {
  const { stdout } = await execFileAsync('bash', [SCRIPT, 'install'], {
    maxBuffer: 1 << 20,
    timeout: 15 * 60_000,
  });
  return stdout.trim().split('\n').at(-1) ?? '';
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`FerretDB exited with code ${child.exitCode} before listening`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts FerretDB (SQLite backend) with its data in `dataDir`, listening on loopback only.
 * Used by `npm start` without MONGODB_URI and by the test suite's global set-up.
 */
export async function startEmbeddedFerretDb(opts: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDb> {
  const binary = await installFerretDb();
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${opts.port}`,
      `--state-dir=${dataDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const forward = (b: Buffer) =>
    b
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((l) => opts.onLog?.(l));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  await waitForPort(opts.port, child, 20_000);
  return {
    uri: `mongodb://127.0.0.1:${opts.port}/`,
    binary,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
