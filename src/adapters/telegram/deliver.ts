import type { Context } from 'grammy';
import type { Logger } from '../../config/logger.js';
import type { HandleInbound, HandleResult, InboundMessage } from '../../app/inbound.js';
import type { Lang } from '../../dialogue/types.js';
import { FileDownloadError } from './download.js';
import { UpdateNotProcessedError, loggableError } from './errors.js';
import { TELEGRAM_MESSAGES, langOf } from './messages.js';
import { sendReplies } from './send-replies.js';
import { startTyping } from './typing.js';

/** Hands one citizen input to the use case and sends its replies; shared by every feature composer. */
export type Deliver = (ctx: Context, content: InboundMessage['content']) => Promise<HandleResult['status']>;

/** What delivering needs. */
export interface DeliverDeps {
  handleInbound: HandleInbound;
  logger: Logger;
  /** The time of an input that carries none (a button press has no date); tests pin it. */
  now?: () => Date;
}

/** Remembered update ids already told "try again", so a retried update does not repeat it. */
const TOLD_LIMIT = 1000;

/**
 * Builds the one path from a Telegram update to the use case: the update id is the idempotency
 * key, "typing" runs meanwhile, replies go out in order. `busy` or a failure throws
 * UpdateNotProcessedError so polling does not confirm the update and a webhook answers 5xx; on
 * a failure the citizen is told once to try again.
 */
export function makeDeliver(deps: DeliverDeps): Deliver {
  const told = new Set<number>();
  return async function deliver(ctx, content) {
    const chatId = ctx.chat?.id ?? ctx.from?.id;
    if (chatId === undefined) throw new Error('update without a chat');
    const updateId = ctx.update.update_id;
    const lang = langOf(ctx.from?.language_code);
    const name = [ctx.from?.first_name, ctx.from?.last_name].filter(Boolean).join(' ');
    const msg: InboundMessage = {
      channel: 'telegram',
      chatId: String(chatId),
      messageId: String(updateId),
      at: ctx.message ? new Date(ctx.message.date * 1000) : (deps.now?.() ?? new Date()),
      ...(name ? { sender: { name } } : {}),
      ...(lang ? { lang } : {}),
      content,
    };
    const stopTyping = startTyping(ctx.api, chatId);
    let result: HandleResult;
    try {
      result = await deps.handleInbound(msg);
    } catch (err) {
      stopTyping();
      deps.logger.warn(
        { err: loggableError(err), updateId, kind: content.kind },
        'telegram update not processed',
      );
      if (!told.has(updateId)) {
        remember(told, updateId);
        const text =
          TELEGRAM_MESSAGES[err instanceof FileDownloadError ? 'fileRetry' : 'retry'][lang ?? 'id'];
        await sendReplies(ctx.api, chatId, [{ kind: 'text', text }]).catch(() => undefined);
      }
      throw new UpdateNotProcessedError(updateId, 'failed', { cause: err });
    }
    stopTyping();
    if (result.status === 'busy') throw new UpdateNotProcessedError(updateId, 'busy');
    // The replies went out on the outbound path (recorded with the turn, sent in order, retried).
    return result.status;
  };
}

function remember(set: Set<number>, id: number): void {
  set.add(id);
  if (set.size > TOLD_LIMIT) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}

/** The language for the adapter's own texts. */
export function adapterLang(ctx: Context): Lang {
  return langOf(ctx.from?.language_code) ?? 'id';
}
