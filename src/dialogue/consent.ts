import type { Ctx } from './context.js';
import { emit, note, sayMenu, t } from './context.js';
import { advance } from './flow-runner.js';
import { serviceName } from './flow-steps.js';
import { showMainMenu } from './menus.js';
import { encode } from './menu-values.js';

/**
 * The privacy notice before the first personal question (UU 27/2022): what is collected, why,
 * how long it is kept, then yes/no.
 */
export function showConsent(ctx: Ctx, serviceId: string): void {
  sayMenu(ctx, 'consent', t(ctx, 'consent.text', { service: serviceName(ctx, serviceId) }), [
    { value: encode({ kind: 'consent', given: true }), label: t(ctx, 'consent.yes') },
    { value: encode({ kind: 'consent', given: false }), label: t(ctx, 'consent.no') },
  ]);
}

/**
 * Records the answer. Yes starts the flow's questions; no drops the draft (nothing personal
 * was asked yet) and leaves every question about services open.
 */
export function giveConsent(ctx: Ctx, given: boolean): void {
  ctx.state.consent = given;
  ctx.state.misunderstood = 0;
  emit(ctx, { kind: 'record_consent', given });
  const f = ctx.state.flow;
  const waiting = f !== undefined && 'phase' in f.at && f.at.phase === 'consent';
  if (given && waiting) {
    note(ctx, t(ctx, 'consent.thanks'));
    advance(ctx);
    return;
  }
  if (waiting) ctx.state.flow = undefined;
  note(ctx, t(ctx, given ? 'consent.thanks' : 'consent.refused'));
  showMainMenu(ctx);
}
