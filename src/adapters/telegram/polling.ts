import { createConcurrentSink, createRunner, createSource, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../config/logger.js';
import { ConfirmingSupplier } from './confirming-supplier.js';
import type { RunUpdate } from './attempt-gate.js';
import { loggableError } from './errors.js';

/** A running long-polling loop. */
export interface Polling {
  /** Stops fetching, waits (bounded) for updates in flight, then confirms what was handled. */
  stop(): Promise<void>;
  /** Settles when polling ends; rejects on an unrecoverable error (wrong token, a second poller). */
  task: Promise<void>;
}

/** Tuning for tests; production uses the defaults. */
export interface PollingOptions {
  concurrency?: number;
  retryDelaysMs?: number[];
  pollTimeoutSeconds?: number;
  idleWaitMs?: number;
  drainTimeoutMs?: number;
}

/**
 * Long polling with @grammyjs/runner: updates of different chats are handled concurrently (one
 * chat at a time, by the sequentialize middleware), and the offset is confirmed only past
 * updates that were handled (ConfirmingSupplier), so a failed download is fetched again and an
 * update that came during a database outage is retried until the database is back. Only a
 * poison update (`run` answers `parked`) is confirmed without being handled.
 */
export async function startPolling(
  bot: Bot,
  logger: Logger,
  opts: PollingOptions = {},
  run: RunUpdate = async (_update, handle) => {
    await handle();
    return 'done';
  },
): Promise<Polling> {
  await bot.init();
  // Polling and a webhook exclude each other; keep pending updates, they are citizens' messages.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const supplier = new ConfirmingSupplier({
    getUpdates: (args, signal) => bot.api.getUpdates(args, signal),
    logger,
    ...(opts.retryDelaysMs ? { retryDelaysMs: opts.retryDelaysMs } : {}),
    ...(opts.pollTimeoutSeconds !== undefined ? { pollTimeoutSeconds: opts.pollTimeoutSeconds } : {}),
    ...(opts.idleWaitMs !== undefined ? { idleWaitMs: opts.idleWaitMs } : {}),
  });
  const sink = createConcurrentSink<Update, unknown>(
    {
      consume: async (update) => {
        const id = update.update_id;
        const outcome = await run(update, () => bot.handleUpdate(update)).catch(() => 'unhealthy' as const);
        if (outcome === 'done' || outcome === 'parked') supplier.done(id);
        else supplier.failed(id);
      },
    },
    async (err) => {
      // consume settles every update itself; anything here escaped it.
      logger.error({ err: loggableError((err as { error?: unknown }).error ?? err) }, 'telegram sink error');
      await Promise.resolve();
    },
    { concurrency: opts.concurrency ?? 100 },
  );
  const runner: RunnerHandle = createRunner(createSource(supplier), sink);
  runner.start();
  const task = runner.task() ?? Promise.resolve();
  task.catch((err: unknown) => logger.error({ err: loggableError(err) }, 'telegram polling stopped'));
  logger.info({ bot: bot.botInfo.username }, 'telegram long polling started');

  return {
    task,
    async stop() {
      await runner.stop();
      const until = Date.now() + (opts.drainTimeoutMs ?? 10_000);
      while (supplier.running > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      // Tell Telegram what was handled, so a restart does not fetch it again.
      if (supplier.offset > 0)
        await bot.api.getUpdates({ offset: supplier.offset, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}
