import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { installFerretDb } from '../../src/adapters/mongo/embedded-ferretdb.js';
import { portListening } from '../../src/adapters/mongo/resolve-database.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';

/*
 * Whole processes for the fault tests (test/fault) and the chaos run (scripts/chaos): a Loket
 * server and a FerretDB of their own, to kill, freeze and restart. Here rather than under test/,
 * since the chaos run is a tool of its own and depends on no test support.
 */

/** The bot token a Loket process is given, and the fake Bot API it talks to expects. */
export const TOKEN = '123456:TEST-token-for-loket-tests';

/**
 * Polls `check` until it gives a value (not undefined/false), or fails after `timeoutMs` naming
 * `what` and the last error `check` threw. Fault tests and the chaos run wait on conditions,
 * never on fixed sleeps.
 */
export async function waitUntil<T>(
  what: string | (() => string),
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > until) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const named = typeof what === 'string' ? what : what();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${named}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * A whole Loket server as a child process (`node --import tsx src/main.ts`), configured only by
 * its environment, its log kept for assertions (pino JSON lines on stdout).
 */
export class LoketProcess {
  private output = '';
  private constructor(private readonly child: ChildProcess) {
    const keep = (b: Buffer) => {
      this.output += b.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /**
   * Starts `src/main.ts` with `env` on top of this process's environment; `entry` is what node
   * runs instead (the compiled `dist/src/main.js` the image runs).
   */
  static spawn(
    env: Record<string, string>,
    entry: readonly string[] = ['--import', 'tsx', 'src/main.ts'],
  ): LoketProcess {
    const child = spawn(process.execPath, entry, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new LoketProcess(child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Everything the process wrote so far. */
  get log(): string {
    return this.output;
  }

  /** Waits for the "Loket siap" line; resolves with the HTTP port. Fails if the process exits first. */
  async ready(timeoutMs = 60_000): Promise<number> {
    // 0 stands for "exited": waitUntil retries a check that throws, and this one cannot recover.
    const port = await waitUntil(
      'the Loket child process to be ready',
      () => {
        if (this.child.exitCode !== null) return 0;
        for (const line of this.output.split('\n')) {
          if (!line.includes('Loket siap')) continue;
          const port = (JSON.parse(line) as { port?: number }).port;
          if (port) return port;
        }
        return undefined;
      },
      timeoutMs,
    );
    if (port === 0) throw new Error(`Loket exited with ${this.child.exitCode} before ready:\n${this.output}`);
    return port;
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight finishes. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await exited(this.child);
  }

  /** SIGTERM (a clean shutdown), SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    this.child.kill('SIGTERM');
    await exited(this.child);
    clearTimeout(timer);
  }
}

/**
 * A FerretDB of the test's own (same binary and flags as scripts/test-db.sh run DIR PORT), so
 * the test can kill, pause and restart the database under a running server.
 */
export class FerretDbProcess {
  private child: ChildProcess | undefined;
  private constructor(
    private readonly binary: string,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<FerretDbProcess> {
    const db = new FerretDbProcess(await installFerretDb(), dataDir, await freePort());
    await db.restart();
    return db;
  }

  /** The URI of database `name` on it. */
  uri(name: string): string {
    return `mongodb://127.0.0.1:${this.port}/${name}`;
  }

  /** Starts it (again) on the same data and port; resolves once it accepts connections. */
  async restart(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const child = spawn(
      this.binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${this.dataDir}/`,
        `--listen-addr=127.0.0.1:${this.port}`,
        `--state-dir=${this.dataDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitUntil(
      `FerretDB to listen on ${this.port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`FerretDB exited with ${child.exitCode}`);
        return portListening(this.port);
      },
      20_000,
    );
  }

  /** SIGKILL: every connection drops at once, as when the database host dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  /** SIGSTOP: connections stay open and nothing answers, as on a frozen host. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  }
}
