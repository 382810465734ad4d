import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { OwedTakeBacks } from '../../app/owed-take-backs.js';
import type { Logger } from '../../config/logger.js';
import { loggableError } from './errors.js';
import { logFailure, makePoisonGuard, type FailureVerdict, type PoisonOptions } from './poison.js';

/** What became of one update: handled (`done`), or its failure's verdict (poison.ts). */
export type UpdateOutcome = 'done' | FailureVerdict;

/**
 * Runs one update (`handle` is `bot.handleUpdate`) through the durable count of its tries, and
 * answers what became of it; polling confirms `done` and `parked`, the webhook answers them 200.
 */
export type RunUpdate = (update: Update, handle: () => Promise<void>) => Promise<UpdateOutcome>;

/**
 * The one path from a fetched or posted update to the bot, shared by polling and the webhook.
 * A try is recorded in the database BEFORE the update is handed over, so the count survives a
 * restart and includes a try that crashed or hung the process: once the recorded tries reach the
 * limit, the update is parked (dead letter, citizen told once) without being tried again, and
 * the chat and the offset go on. A try that ended while the database was away, or found the
 * update busy elsewhere, is taken back: an outage never counts. When the database refuses the
 * record (it is away) the update is still tried, so the citizen hears "try again" as before, but
 * that try is not counted either. A handled update's tries are forgotten; a parked one's stay
 * until the purge, so a redelivery is parked again without being tried.
 */
export function makeRunUpdate(api: Api, logger: Logger, opts: PoisonOptions | undefined): RunUpdate {
  const guard = makePoisonGuard(api, logger, opts);
  const owed = new OwedTakeBacks<number>();
  return async (update, handle) => {
    const id = update.update_id;
    const attempts = opts ? await begin(opts, logger, id, owed) : undefined;
    if (attempts !== undefined && attempts > guard.max) {
      const verdict = await guard.parkUnfinished(update, Math.min(attempts - 1, guard.max));
      logFailure(logger, id, undefined, verdict);
      return verdict;
    }
    try {
      await handle();
    } catch (err) {
      const cause = (err as { error?: unknown }).error ?? err;
      const verdict = await guard.judge(update, cause, attempts).catch(() => 'unhealthy' as const);
      logFailure(logger, id, cause, verdict);
      if (opts && attempts !== undefined && (verdict === 'busy' || verdict === 'unhealthy'))
        await opts.attempts.excuse('telegram', String(id)).catch(() => owed.owe(id));
      return verdict;
    }
    // Best effort: a row left behind only waits for the purge.
    await opts?.attempts.forget('telegram', String(id)).catch(() => undefined);
    owed.forget(id);
    return 'done';
  };
}

/**
 * Records a try, handing back the take-backs owed from earlier tries; undefined when the
 * database refused (it is away, so this try could not count anyway).
 */
async function begin(
  opts: PoisonOptions,
  logger: Logger,
  id: number,
  owed: OwedTakeBacks<number>,
): Promise<number | undefined> {
  try {
    return await owed.handBack(id, (excused) =>
      opts.attempts.begin('telegram', String(id), opts.now?.() ?? new Date(), excused),
    );
  } catch (err) {
    logger.warn({ err: loggableError(err), updateId: id }, 'telegram update try not recorded');
    return undefined;
  }
}
