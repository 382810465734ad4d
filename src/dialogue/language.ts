import type { Ctx } from './context.js';
import { note, say, t } from './context.js';
import { presentCurrent } from './present.js';
import type { Lang } from './types.js';

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
