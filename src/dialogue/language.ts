import type { Ctx } from './context.js';
import { note, say, t } from './context.js';
import { presentCurrent } from './present.js';
import type { Lang } from './types.js';

/** An English message this many words long is clear enough on its own to switch to English. */
export const LONG_MESSAGE_WORDS = 6;

/** Clear English messages in a row it takes to switch a conversation to English. */
const ENGLISH_RUN = 2;

/**
 * Follows the language the citizen writes in, message by message, so replies come in it: a
 * neutral message ("2", "ok", a NIK) keeps the language; one clear Indonesian message switches
 * to Indonesian, the first language; English needs two clear English messages in a row, or
 * one long one, since Indonesian chat borrows English words. A switch is said in one line
 * before the answer to the message.
 */
export function followLanguage(ctx: Ctx, text: string): void {
  const language = ctx.understand(text).language;
  if (language === undefined || language === 'neutral') return;
  const before = typeof ctx.state.englishRun === 'number' ? ctx.state.englishRun : 0;
  const run = language === 'en' ? before + 1 : 0;
  if (language === ctx.state.lang) {
    delete ctx.state.englishRun;
    return;
  }
  const long = (text.match(/\p{L}+/gu) ?? []).length >= LONG_MESSAGE_WORDS;
  if (language === 'en' && run < ENGLISH_RUN && !long) {
    ctx.state.englishRun = run;
    return;
  }
  delete ctx.state.englishRun;
  ctx.state.lang = language;
  note(ctx, t(ctx, 'lang.switched'));
}

/**
 * Switches the conversation's language and shows the current step again in it; in handoff the
 * bot stays quiet apart from the confirmation.
 */
export function switchLanguage(ctx: Ctx, to: Lang | 'toggle'): void {
  ctx.state.lang = to === 'toggle' ? (ctx.state.lang === 'id' ? 'en' : 'id') : to;
  ctx.state.misunderstood = 0;
  if (ctx.state.mode === 'handoff') {
    say(ctx, `${t(ctx, 'lang.switched')}\n${t(ctx, 'handoff.still_connected')}`);
    return;
  }
  note(ctx, t(ctx, 'lang.switched'));
  presentCurrent(ctx);
}
