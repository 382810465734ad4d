import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../config/logger.js';
import type { DeadLetterStore } from '../../ports/dead-letter-store.js';
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
  /** Failures with the database healthy after which an update is parked; 5 unless given. */
  maxAttempts?: number;
  now?: () => Date;
}

/**
 * What a failed update gets: `busy` (another process holds its claim) and `unhealthy` (the
 * database is away) are retried without counting; `strike` is retried and counts towards
 * parking; `parked` is in the dead letters, the citizen told, and may be confirmed.
 */
export type FailureVerdict = 'busy' | 'unhealthy' | 'strike' | 'parked';

/** Judges one failure of an update, given how many strikes it already had. */
export type JudgeFailure = (update: Update, err: unknown, strikesBefore: number) => Promise<FailureVerdict>;

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
export function makeJudgeFailure(api: Api, logger: Logger, opts: PoisonOptions | undefined): JudgeFailure {
  const max = opts?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return async (update, err, strikesBefore) => {
    if (err instanceof UpdateNotProcessedError && err.reason === 'busy') return 'busy';
    if (!opts) return 'strike';
    const healthy = await opts.databaseHealthy().catch(() => false);
    if (!healthy) return 'unhealthy';
    const attempts = strikesBefore + 1;
    if (attempts < max) return 'strike';
    try {
      await park(api, logger, opts, update, attempts, err);
      return 'parked';
    } catch (parkErr) {
      // Parking needs the database too: try again later rather than confirm an unparked update.
      logger.warn(
        { err: loggableError(parkErr), updateId: update.update_id },
        'telegram dead letter not saved',
      );
      return 'unhealthy';
    }
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
