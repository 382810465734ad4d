import { handleAction, stale } from './actions.js';
import type { Ctx } from './context.js';
import { commit, currentTarget } from './flow-runner.js';
import { isAlwaysValid } from './menu-values.js';
import { choiceAnswer } from './validate.js';

/**
 * A pressed option. It answers the open step when it is one of its options; otherwise it must
 * come from the menu last shown (or be one of the few that mean the same everywhere), so an
 * old button from earlier in the chat cannot jump the conversation somewhere unexpected.
 */
export function handleChoice(ctx: Ctx, value: string): void {
  const target = currentTarget(ctx);
  if (target) {
    const attempt = choiceAnswer(ctx, target.step, value);
    if (attempt) {
      commit(ctx, target, attempt);
      return;
    }
  }
  const known = ctx.prevMenu?.options.some((o) => o.value === value) === true || isAlwaysValid(value);
  if (!known) {
    stale(ctx);
    return;
  }
  handleAction(ctx, value);
}
