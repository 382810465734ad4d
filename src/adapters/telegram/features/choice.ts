import { Composer, type Context } from 'grammy';
import type { Logger } from '../../../config/logger.js';
import { decodeChoice } from '../callback-data.js';
import { adapterLang, type Deliver } from '../deliver.js';
import { loggableError } from '../errors.js';
import { escapeHtml } from '../html.js';
import { TELEGRAM_MESSAGES } from '../messages.js';

/**
 * Inline keyboard presses become `choice` inputs. The query is always answered (else the
 * citizen's button spins); malformed data gets a polite answer instead of reaching the engine.
 * A button from an old menu is still sent: the engine knows the current step and says so.
 * After a press the menu message shows the choice and loses its keyboard.
 */
export function choiceFeature(deliver: Deliver, logger: Logger): Composer<Context> {
  const composer = new Composer();
  composer.on('callback_query', async (ctx) => {
    const data = ctx.callbackQuery.data;
    const value = decodeChoice(data);
    if (value === undefined) {
      logger.info(
        { updateId: ctx.update.update_id, bytes: data?.length ?? 0 },
        'telegram callback data refused',
      );
      await answer(ctx, logger, TELEGRAM_MESSAGES.badButton[adapterLang(ctx)]);
      return;
    }
    await answer(ctx, logger);
    const status = await deliver(ctx, { kind: 'choice', value });
    if (status === 'processed') await markChosen(ctx, data ?? '', logger);
  });
  return composer;
}

async function answer(ctx: Context, logger: Logger, text?: string): Promise<void> {
  // A retried update's query is too old to answer; that must not stop the choice itself.
  await ctx.answerCallbackQuery(text ? { text, show_alert: true } : undefined).catch((err: unknown) => {
    logger.debug({ err: loggableError(err) }, 'answerCallbackQuery failed');
  });
}

async function markChosen(ctx: Context, data: string, logger: Logger): Promise<void> {
  const message = ctx.callbackQuery?.message;
  if (!message || !('text' in message) || message.text === undefined) return;
  const button = message.reply_markup?.inline_keyboard
    .flat()
    .find((b) => 'callback_data' in b && b.callback_data === data);
  if (!button) return;
  await ctx
    .editMessageText(`${escapeHtml(message.text)}\n\n✅ ${escapeHtml(button.text)}`, { parse_mode: 'HTML' })
    .catch((err: unknown) => logger.debug({ err: loggableError(err) }, 'menu message not updated'));
}
