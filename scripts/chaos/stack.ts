/**
 * What the chaos run starts and breaks: its own FerretDB, a fake Telegram Bot API in this
 * process, and Loket as a child process (`node --import tsx src/main.ts`), always on the same
 * port so officers' requests simply fail while it is down.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAesGcmCipher } from '../../src/adapters/crypto/aes-gcm-cipher.js';
import { FerretDbProcess, LoketProcess, TOKEN, freePort, waitUntil } from '../support/processes.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

/** The data key of the chaos stack, so the checker can open the applications it reads raw. */
export const CHAOS_DATA_KEY = Buffer.alloc(32, 3).toString('base64');

/** Opens what the stack's processes sealed (they share CHAOS_DATA_KEY). */
export const chaosCipher = createAesGcmCipher(Buffer.from(CHAOS_DATA_KEY, 'base64'));

/** The running pieces and the switches that break them. */
export class ChaosStack {
  private loket: LoketProcess | undefined;
  /** Every Loket process started, for the log check at the end. */
  readonly processes: LoketProcess[] = [];
  private constructor(
    readonly dir: string,
    readonly db: FerretDbProcess,
    readonly api: FakeBotApi,
    readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  /** Starts the database and the fake API; Loket is started by `startLoket`. */
  static async create(): Promise<ChaosStack> {
    const dir = await mkdtemp(path.join(tmpdir(), 'loket-chaos-'));
    const db = await FerretDbProcess.start(path.join(dir, 'db'));
    const api = new FakeBotApi(TOKEN);
    const apiRoot = await api.listen();
    const port = await freePort();
    const env = {
      MONGODB_URI: db.uri('chaos'),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      SESSION_SECRET: 's'.repeat(40),
      // Given, not generated into DATA_DIR: the checks open the sealed fields with it.
      LOKET_DATA_KEY: CHAOS_DATA_KEY,
      CSRF_SECRET: 'c'.repeat(40),
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      // A killed process's claim on a message lapses sooner than the default, so the run
      // measures loss, not the lease; downloads must still fit inside the lease.
      INBOUND_LEASE_MS: '10000',
      TELEGRAM_DOWNLOAD_TIMEOUT_MS: '8000',
      WHATSAPP_DOWNLOAD_TIMEOUT_MS: '8000',
      OUTBOX_INTERVAL_MS: '1000',
      SHUTDOWN_GRACE_MS: '2000',
      LOG_LEVEL: 'warn',
    };
    return new ChaosStack(dir, db, api, env, port);
  }

  /** The database Loket and the checks use. */
  get mongoUri(): string {
    return this.db.uri('chaos');
  }

  /** The API's base URL while Loket is up. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get loketUp(): boolean {
    return this.loket !== undefined;
  }

  /** Starts a Loket process and waits until it says it is ready. */
  async startLoket(): Promise<void> {
    const p = LoketProcess.spawn({ ...this.env, LOG_LEVEL: 'info' });
    this.processes.push(p);
    await p.ready(120_000);
    this.loket = p;
  }

  /** SIGKILL Loket (nothing in flight finishes), then start a new one. */
  async killLoket(): Promise<void> {
    const p = this.loket;
    this.loket = undefined;
    if (p) await p.kill();
    // The fake answers the dead process's parked long polls once their sockets close.
    await waitUntil('the killed process to hang up', () => this.api.parkedRequests === 0, 10_000);
    await this.startLoket();
  }

  /** SIGSTOP the database for `ms`, then SIGCONT: a frozen host, connections kept. */
  async pauseDb(ms: number): Promise<void> {
    this.db.pause();
    await new Promise((r) => setTimeout(r, ms));
    this.db.resume();
  }

  /** SIGKILL the database and start it again on the same data and port. */
  async killDb(): Promise<void> {
    await this.db.kill();
    await this.db.restart();
  }

  /**
   * Stops everything and removes the temp directory; with `keep`, the directory stays with each
   * Loket process's log (loket-N.log) next to the database, to find out what went wrong.
   */
  async close(keep = false): Promise<void> {
    for (const p of this.processes) await p.stop(5000);
    await this.api.close();
    await this.db.stop();
    if (keep) {
      for (const [i, p] of this.processes.entries())
        await writeFile(path.join(this.dir, `loket-${i}.log`), p.log);
    } else await rm(this.dir, { recursive: true, force: true });
  }
}
