import { Composer, type Context } from 'grammy';
import { adapterLang } from '../deliver.js';
import { TELEGRAM_MESSAGES } from '../messages.js';

/** Stickers, locations, contacts...: a polite answer instead of silence; the engine is not involved (voice notes go to it, see upload.ts). */
export function unsupportedFeature(): Composer<Context> {
  const composer = new Composer();
  composer.on('message', async (ctx) => {
    // Best effort: nothing was stored, so a failed answer is not worth a redelivery.
    await ctx.reply(TELEGRAM_MESSAGES.unsupported[adapterLang(ctx)]).catch(() => undefined);
  });
  return composer;
}
