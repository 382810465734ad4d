import { showConsent } from './consent.js';
import type { Ctx } from './context.js';
import { note, say, t } from './context.js';
import { advance, askStep, currentTarget } from './flow-runner.js';
import { flowOf } from './flow-steps.js';
import { showMainMenu } from './menus.js';
import { showSummary } from './summary.js';

/**
 * Shows again what the citizen is in the middle of (the open step, the consent question, the
 * summary) or the main menu: how every interruption (help, status, a stale button) ends, so
 * no turn is a dead end. While an officer has the conversation it only says so. A stored state pointing at a step the catalog no longer has falls
 * back to the menu.
 */
export function presentCurrent(ctx: Ctx): void {
  if (ctx.state.mode === 'handoff') {
    say(ctx, t(ctx, 'handoff.still_connected'));
    return;
  }
  const target = currentTarget(ctx);
  if (target) {
    askStep(ctx, target.flow, target.step);
    return;
  }
  ctx.state.revision = undefined;
  const f = ctx.state.flow;
  if (f && flowOf(ctx, f.draft.serviceId) && 'phase' in f.at) {
    switch (f.at.phase) {
      case 'consent':
        if (ctx.state.consent === true) advance(ctx);
        else showConsent(ctx, f.draft.serviceId);
        return;
      case 'summary':
        showSummary(ctx);
        return;
      case 'confirm':
        say(ctx, `${t(ctx, 'submit.waiting')}\n\n${t(ctx, 'hint.nav')}`);
        return;
    }
  }
  ctx.state.flow = undefined;
  showMainMenu(ctx);
}

/** Whether something is in progress that an answer should return to. */
export function busy(ctx: Ctx): boolean {
  return ctx.state.flow !== undefined || ctx.state.revision !== undefined;
}

/**
 * Says an answer, then goes back to what the citizen was doing; with nothing in progress it
 * ends with the short "menu / petugas" hint instead of the whole menu.
 */
export function answerThenResume(ctx: Ctx, body: string): void {
  if (busy(ctx) || ctx.state.mode === 'handoff') {
    note(ctx, body);
    presentCurrent(ctx);
    return;
  }
  say(ctx, `${body}\n\n${t(ctx, 'hint.nav')}`);
}
