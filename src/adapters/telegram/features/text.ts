import { Composer, type Context } from 'grammy';
import type { Deliver } from '../deliver.js';

/** Free text, including a menu answer typed as its number or its words (the engine matches it). */
export function textFeature(deliver: Deliver): Composer<Context> {
  const composer = new Composer();
  composer.on('message:text', async (ctx) => {
    await deliver(ctx, { kind: 'text', text: ctx.msg.text });
  });
  return composer;
}
