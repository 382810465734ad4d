import { GrammyError, HttpError } from 'grammy';

/**
 * Thrown out of the middleware when an update was not processed (the use case was busy with it
 * elsewhere, or failed and released its claim): polling does not confirm it and a webhook
 * answers 5xx, so Telegram delivers it again.
 */
export class UpdateNotProcessedError extends Error {
  override readonly name = 'UpdateNotProcessedError';
  constructor(
    readonly updateId: number,
    readonly reason: 'busy' | 'failed',
    options?: { cause?: unknown },
  ) {
    super(`update ${updateId} not processed (${reason})`, options);
  }
}

const UNREACHABLE =
  /bot was blocked by the user|user is deactivated|chat not found|bot was kicked|bot can't initiate/i;

/**
 * What a failed Bot API call means for the caller: `unreachable` (the citizen blocked the bot or
 * is gone; never retry), `retry` (flood limit, Telegram down, network), `failed` (our request
 * was wrong; retrying will not help).
 */
export function classifyTelegramError(err: unknown): 'unreachable' | 'retry' | 'failed' {
  if (err instanceof GrammyError) {
    if ((err.error_code === 403 || err.error_code === 400) && UNREACHABLE.test(err.description))
      return 'unreachable';
    if (err.error_code === 429 || err.error_code >= 500) return 'retry';
    return 'failed';
  }
  if (err instanceof HttpError) return 'retry';
  return 'failed';
}

/**
 * A Bot API error for the log without its payload: a GrammyError carries the message it tried
 * to send, and a summary message holds the citizen's NIK.
 */
export function loggableError(err: unknown): { name: string; message: string; code?: number } {
  if (err instanceof GrammyError) return { name: err.name, message: err.description, code: err.error_code };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'unknown', message: String(err) };
}
