import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { installFerretDb } from '../../src/adapters/mongo/embedded-ferretdb.js';
import { portListening } from '../../src/adapters/mongo/resolve-database.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import type { FakeBotApi } from '../support/fake-bot-api.js';

export const FILES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'files');
export const TOKEN = '123456:TEST-token-for-loket-tests';

/**
 * Polls `check` until it gives a value (not undefined/false), or fails after `timeoutMs` naming
 * `what` and the last error `check` threw. Fault tests wait on conditions, never on fixed sleeps.
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

/** What Telegram shows for a message in HTML parse mode. */
export function plain(html: unknown): string {
  return String(html)
    .replace(/<\/?[a-z]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * One citizen in a private Telegram chat, talking through the fake Bot API to whatever process
 * polls it (or whatever the test posts to a webhook): pushes updates, reads replies.
 */
export class FakeChat {
  private seq = 0;
  constructor(
    private readonly api: FakeBotApi,
    readonly chatId: number,
  ) {}

  private message(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      message_id: ++this.seq,
      date: Math.floor(Date.now() / 1000),
      chat: { id: this.chatId, type: 'private', first_name: 'Warga' },
      from: { id: this.chatId, is_bot: false, first_name: 'Warga', language_code: 'id' },
      ...extra,
    };
  }

  /** An update of this chat, not queued (for webhooks and redeliveries). */
  textUpdate(updateId: number, text: string): { update_id: number; message: Record<string, unknown> } {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
    return { update_id: updateId, message: this.message({ text, ...(entities ? { entities } : {}) }) };
  }

  /** Queues a typed message; returns its update_id. */
  say(text: string): number {
    const { message } = this.textUpdate(0, text);
    return this.api.push({ message });
  }

  /** Queues a photo (file downloadable from the fake); returns its update_id. */
  photo(bytes: Buffer): number {
    const id = `photo-${this.chatId}-${this.seq + 1}`;
    this.api.addFile(id, bytes);
    return this.api.push({
      message: this.message({
        photo: [{ file_id: id, file_unique_id: `${id}u`, width: 1280, height: 960, file_size: bytes.length }],
      }),
    });
  }

  /** Queues a file sent "as a document"; returns its update_id. */
  document(bytes: Buffer, fileName: string, mimeType: string): number {
    const id = `doc-${this.chatId}-${this.seq + 1}`;
    this.api.addFile(id, bytes);
    return this.api.push({
      message: this.message({
        document: {
          file_id: id,
          file_unique_id: `${id}u`,
          file_name: fileName,
          mime_type: mimeType,
          file_size: bytes.length,
        },
      }),
    });
  }

  /** Texts the bot sent to this chat (HTML removed), oldest first. */
  replies(): string[] {
    return this.api.sent.filter((m) => Number(m.chat_id) === this.chatId).map((m) => plain(m.text));
  }

  /** Waits for a reply to this chat, after the first `since`, that matches `pattern`. */
  async reply(pattern: RegExp, since: number, timeoutMs = 30_000): Promise<string> {
    return waitUntil(
      () => `a reply matching ${String(pattern)} (got: ${JSON.stringify(this.replies().slice(since))})`,
      () =>
        this.replies()
          .slice(since)
          .find((t) => pattern.test(t)),
      timeoutMs,
    );
  }

  /** Sends `text` and waits for the reply matching `pattern`. */
  async turn(text: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const since = this.replies().length;
    this.say(text);
    return this.reply(pattern, since, timeoutMs);
  }
}

/** The collections `messageState` reads, on any connection (a test's own or a server's). */
interface HasCollections {
  collection(name: string): {
    findOne(filter: Record<string, unknown>): Promise<Record<string, unknown> | null>;
    find(filter: Record<string, unknown>): { toArray(): Promise<Array<Record<string, unknown>>> };
  };
}

/** Whether a stored conversation version lists `messageId` as handled (a JSON array in a string). */
function lists(version: Record<string, unknown>, messageId: string): boolean {
  return (JSON.parse(String(version.handled)) as string[]).includes(messageId);
}

/**
 * Where an inbound message is in its handling, as the database says: `done` once its turn saved
 * a conversation version naming or listing it (or a redelivery marked its claim so), `processing`
 * while claimed (uploads and turns with effects claim theirs), `unseen` before.
 */
export async function messageState(
  conn: HasCollections,
  channel: string,
  messageId: string,
): Promise<'unseen' | 'processing' | 'done'> {
  const versions = await conn.collection('conversations').find({ channel }).toArray();
  if (versions.some((v) => v.messageId === messageId || lists(v, messageId))) return 'done';
  const claim = await conn.collection('inbound_messages').findOne({ channel, messageId });
  if (!claim) return 'unseen';
  return claim.status === 'done' ? 'done' : 'processing';
}
