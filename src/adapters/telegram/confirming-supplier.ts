import type { UpdateSupplier } from '@grammyjs/runner';
import type { Update } from 'grammy/types';
import type { Logger } from '../../config/logger.js';
import { chatOf } from './poison.js';

/** The runner's abort signal (its abort-controller polyfill, the type grammY's API methods take too). */
export type RunnerSignal = Parameters<UpdateSupplier<Update>['supply']>[1];

/** The getUpdates call the supplier needs (bot.api.getUpdates, or a fake in tests). */
export type GetUpdates = (
  args: {
    offset: number;
    limit: number;
    timeout: number;
    allowed_updates: readonly ('message' | 'callback_query')[];
  },
  signal: RunnerSignal,
) => Promise<Update[]>;

/** How the supplier polls and how patiently it retries an update that was not processed. */
export interface ConfirmingSupplierOptions {
  getUpdates: GetUpdates;
  logger: Logger;
  /** Long-poll time-out in seconds when nothing is in flight. */
  pollTimeoutSeconds?: number;
  /**
   * Waits before each retry of an unprocessed update; the last one repeats for as long as the
   * update stays unprocessed. An update is never given up here: Telegram keeps it 24 h, and a
   * database outage may last long. Only a poison update is let go, once parked (polling.ts).
   */
  retryDelaysMs?: number[];
  /** How long to wait for a change while every fetched update is already in flight. */
  idleWaitMs?: number;
}

/**
 * One fetched update: `waiting` (held back behind an unfinished earlier update of its chat),
 * `running`, `failed` (fetched again at `retryAt`) or `done`.
 */
interface Entry {
  state: 'waiting' | 'running' | 'failed' | 'done';
  /** Failures in this process, for the back-off only (the tries that count are recorded: attempt-gate.ts). */
  attempts: number;
  retryAt: number;
  /** The chat it belongs to (as sequentialize keys it); undefined for updates without one. */
  chat: string | undefined;
}

/** Raised for getUpdates failures retrying cannot fix: a wrong token (401) or a second poller (409). */
function unrecoverable(err: unknown): boolean {
  const code = (err as { error_code?: unknown } | null)?.error_code;
  return code === 401 || code === 409;
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 10000];

/**
 * An update supplier for @grammyjs/runner whose getUpdates offset only moves past an update
 * once it was handled. The runner's own fetcher confirms every update as soon as it is
 * fetched, so a file whose download failed would be lost; here it is fetched again and
 * retried. Updates fetched again while still in flight (or handled, but behind an earlier
 * unfinished one) are filtered out; the use case's idempotency log catches the rest (after a
 * restart every unconfirmed update comes back and is answered as a duplicate).
 */
export class ConfirmingSupplier implements UpdateSupplier<Update> {
  private readonly entries = new Map<number, Entry>();
  private nextOffset = 0;
  private wake: (() => void) | undefined;
  private readonly retryDelays: number[];
  private readonly idleWaitMs: number;
  private readonly pollTimeout: number;

  constructor(private readonly opts: ConfirmingSupplierOptions) {
    this.retryDelays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.idleWaitMs = opts.idleWaitMs ?? 1000;
    this.pollTimeout = opts.pollTimeoutSeconds ?? 30;
  }

  /** The offset Telegram has been (or will be, on the next call) told: everything below it is handled. */
  get offset(): number {
    return this.nextOffset;
  }

  /** Updates fetched and not yet finished (running, behind an earlier one of its chat, or waiting for a retry). */
  get unfinished(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.state !== 'done') n++;
    return n;
  }

  /** Updates being handled right now. */
  get running(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.state === 'running') n++;
    return n;
  }

  supply = async (batchSize: number, signal: RunnerSignal): Promise<Update[]> => {
    let errorWait = 500;
    for (;;) {
      const inFlight = this.entries.size;
      let updates: Update[];
      try {
        updates = await this.opts.getUpdates(
          {
            offset: this.nextOffset,
            limit: Math.max(1, Math.min(100, inFlight + batchSize)),
            // Unconfirmed updates come back at once, so long polling only helps when none are left.
            timeout: inFlight > 0 ? 0 : this.pollTimeout,
            allowed_updates: ['message', 'callback_query'],
          },
          signal,
        );
      } catch (err) {
        if (signal.aborted || unrecoverable(err)) throw err;
        this.opts.logger.warn(
          { err: { message: (err as Error).message } },
          'telegram getUpdates failed; retrying',
        );
        await this.sleep(errorWait, signal);
        errorWait = Math.min(errorWait * 2, 30_000);
        continue;
      }
      const fresh = this.takeReady(updates, Date.now());
      if (fresh.length > 0) return fresh;
      await this.sleep(this.waitForChange(Date.now()), signal);
    }
  };

  /**
   * Of the fetched updates, those to handle now, marked running: new ones and failed ones due
   * for their retry, but at most one per chat and never ahead of an unfinished earlier update
   * of the same chat. A chat's messages are thus handled in the order the citizen sent them,
   * even when one of them fails and waits for its retry (the runner would otherwise hand the
   * later ones out meanwhile). Updates of other chats are not held back.
   */
  private takeReady(updates: Update[], now: number): Update[] {
    const byId = new Map(updates.map((u) => [u.update_id, u]));
    for (const u of updates)
      if (!this.entries.has(u.update_id))
        this.entries.set(u.update_id, {
          state: 'waiting',
          attempts: 0,
          retryAt: 0,
          chat: chatOf(u),
        });
    const busyChats = new Set<string>();
    const ready: Update[] = [];
    for (const id of [...this.entries.keys()].sort((a, b) => a - b)) {
      const e = this.entries.get(id)!;
      if (e.state === 'done') continue;
      const behind = e.chat !== undefined && busyChats.has(e.chat);
      if (e.chat !== undefined) busyChats.add(e.chat);
      if (behind || e.state === 'running' || (e.state === 'failed' && e.retryAt > now)) continue;
      const u = byId.get(id);
      // Not in this answer (beyond its limit): the next getUpdates brings it again.
      if (!u) continue;
      e.state = 'running';
      ready.push(u);
    }
    return ready;
  }

  /** The update was handled (or answered as a duplicate): it may be confirmed. */
  done(updateId: number): void {
    const e = this.entries.get(updateId);
    this.entries.set(updateId, {
      state: 'done',
      attempts: e?.attempts ?? 0,
      retryAt: 0,
      chat: e?.chat,
    });
    this.advance();
  }

  /**
   * The update was not processed: fetch it again after the next delay (the last delay repeats,
   * never a give-up).
   */
  failed(updateId: number): void {
    const e = this.entries.get(updateId);
    const live = e && e.state !== 'done';
    const attempts = (live ? e.attempts : 0) + 1;
    const delay = this.retryDelays[Math.min(attempts, this.retryDelays.length) - 1] ?? 1000;
    this.entries.set(updateId, {
      state: 'failed',
      attempts,
      retryAt: Date.now() + delay,
      chat: e?.chat,
    });
    this.poke();
  }

  private advance(): void {
    const ids = [...this.entries.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      if (this.entries.get(id)?.state !== 'done') break;
      this.entries.delete(id);
      this.nextOffset = Math.max(this.nextOffset, id + 1);
    }
    this.poke();
  }

  private waitForChange(now: number): number {
    let wait = this.idleWaitMs;
    for (const e of this.entries.values())
      if (e.state === 'failed') wait = Math.min(wait, Math.max(0, e.retryAt - now));
    return wait;
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private sleep(ms: number, signal: RunnerSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
