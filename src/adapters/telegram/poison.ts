import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../config/logger.js';
import type { DeadLetterStore } from '../../ports/dead-letter-store.js';
import type { InboundAttemptLog } from '../../ports/inbound-attempts.js';
import { UpdateNotProcessedError, loggableError } from './errors.js';
import { TELEGRAM_MESSAGES, langOf } from './messages.js';
import { sendReplies } from './send-replies.js';

/** How a failed update is told apart from a database outage, and where a poison one is parked. */
export interface PoisonOptions {
  /**
   * Answers whether the database answers right now (a ping with a short time-out). A failure
   * while it does not is the outage's, never the update's: it is retried for as long as it lasts.
   */
  databaseHealthy: () => Promise<boolean>;
  deadLetters: DeadLetterStore;
  /**
   * The tries at each update, recorded before each one (attempt-gate.ts): the count survives a
   * restart and includes a try that crashed or hung the process.
   */
  attempts: InboundAttemptLog;
  /** Tries with the database healthy after which an update is parked; 5 unless given. */
  maxAttempts?: number;
  now?: () => Date;
}

/**
 * What a failed update gets: `busy` (another process holds its claim) and `unhealthy` (the
 * database is away) are retried without counting; `strike` is retried and counted towards
 * parking; `parked` is in the dead letters, the citizen told, and may be confirmed.
 */
export type FailureVerdict = 'busy' | 'unhealthy' | 'strike' | 'parked';

/**
 * Judges one failure of an update, given its recorded tries including this one (undefined when
 * the try could not be recorded: its count is unknown, so it is never parked on it).
 */
export type JudgeFailure = (
  update: Update,
  err: unknown,
  attempts: number | undefined,
) => Promise<FailureVerdict>;

/** The poison judgement and the parking polling and the webhook share (through attempt-gate.ts). */
export interface PoisonGuard {
  judge: JudgeFailure;
  /**
   * Parks an update whose recorded tries already reached the limit without trying it again
   * (they crashed or hung the process): `parked`, or `unhealthy` when parking failed.
   */
  parkUnfinished(update: Update, attempts: number): Promise<'parked' | 'unhealthy'>;
  /** The tries after which an update is parked. */
  max: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/** The chat an update belongs to: its chat, or for a button press without one, the user. */
export function chatOf(u: Update): string | undefined {
  const id = u.message?.chat.id ?? u.callback_query?.message?.chat.id ?? u.callback_query?.from.id;
  return id === undefined ? undefined : String(id);
}

/** The kind of content an update carried, for the dead letter (never the content itself). */
export function kindOf(u: Update): string {
  const m = u.message;
  if (u.callback_query) return 'button';
  if (!m) return 'other';
  if (m.text !== undefined) return 'text';
  if (m.photo) return 'photo';
  if (m.document) return 'document';
  return 'other';
}

/** The error behind an UpdateNotProcessedError, named without its payload. */
function describe(err: unknown): string {
  const cause = err instanceof UpdateNotProcessedError && err.cause !== undefined ? err.cause : err;
  const e = loggableError(cause);
  return `${e.name}: ${e.message}`;
}

/**
 * The one judgement polling and the webhook share. Without `opts` (tests of the adapter alone)
 * nothing can be parked: every failure is a strike and is retried.
 */
export function makePoisonGuard(api: Api, logger: Logger, opts: PoisonOptions | undefined): PoisonGuard {
  const max = opts?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const parkLogged = async (
    o: PoisonOptions,
    update: Update,
    attempts: number,
    err: unknown,
  ): Promise<boolean> => {
    try {
      await park(api, logger, o, update, attempts, err);
      return true;
    } catch (parkErr) {
      logger.warn(
        { err: loggableError(parkErr), updateId: update.update_id },
        'telegram dead letter not saved',
      );
      return false;
    }
  };
  return {
    max,
    async judge(update, err, attempts) {
      if (err instanceof UpdateNotProcessedError && err.reason === 'busy') return 'busy';
      if (!opts) return 'strike';
      const healthy = await opts.databaseHealthy().catch(() => false);
      if (!healthy) return 'unhealthy';
      if (attempts === undefined || attempts < max) return 'strike';
      // Parking needs the database too: when it fails, the try still counted (the database
      // answered), so the next one finds the limit reached and parks without trying.
      return (await parkLogged(opts, update, attempts, err)) ? 'parked' : 'strike';
    },
    async parkUnfinished(update, attempts) {
      if (!opts) return 'unhealthy';
      const err = new Error(`handling never finished (the process stopped or hung) ${attempts} times`);
      err.name = 'Unfinished';
      return (await parkLogged(opts, update, attempts, err)) ? 'parked' : 'unhealthy';
    },
  };
}

/** Writes the dead letter, then tells the citizen once to contact an officer. */
async function park(
  api: Api,
  logger: Logger,
  opts: PoisonOptions,
  update: Update,
  attempts: number,
  err: unknown,
): Promise<void> {
  const chat = chatOf(update);
  const messageId = String(update.update_id);
  const letter = await opts.deadLetters.park({
    channel: 'telegram',
    messageId,
    ...(chat !== undefined ? { chatId: chat } : {}),
    kind: kindOf(update),
    error: describe(err),
    attempts,
    parkedAt: opts.now?.() ?? new Date(),
  });
  logger.error(
    { updateId: update.update_id, kind: letter.kind, attempts, err: { message: letter.error } },
    'telegram update parked as a dead letter after failing with the database healthy',
  );
  if (letter.notifiedAt || chat === undefined) return;
  const from = update.message?.from ?? update.callback_query?.from;
  const lang = langOf(from?.language_code) ?? 'id';
  try {
    await sendReplies(api, chat, [{ kind: 'text', text: TELEGRAM_MESSAGES.parked[lang] }]);
    await opts.deadLetters.markNotified('telegram', messageId, opts.now?.() ?? new Date());
  } catch (sendErr) {
    logger.warn({ err: loggableError(sendErr), updateId: update.update_id }, 'dead letter: citizen not told');
  }
}

/** Logs a failure at the level its verdict deserves (an outage is expected; a strike is a bug). */
export function logFailure(logger: Logger, updateId: number, err: unknown, verdict: FailureVerdict): void {
  if (verdict === 'busy') logger.info({ updateId }, 'telegram update busy elsewhere; will be retried');
  else if (verdict === 'unhealthy')
    logger.warn({ updateId }, 'telegram update not processed: database unavailable; will be retried');
  else if (verdict === 'strike')
    logger.error({ err: { message: describe(err) }, updateId }, 'telegram update failed; will be retried');
}
