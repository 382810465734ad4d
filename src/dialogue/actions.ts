import { runCommand } from './commands.js';
import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { askStep, giveConsent, startFlow } from './flow-runner.js';
import { flowOf } from './flow-steps.js';
import { handleIntent } from './global-intents.js';
import { openHandoff } from './handoff.js';
import { answerInfo } from './info.js';
import { decode } from './menu-values.js';
import { presentCurrent } from './present.js';
import { restoreDraft } from './restore.js';
import { requestStatus } from './status.js';
import { atSummary, confirmDraft, editAnswer } from './summary.js';

/** A press or number from a menu that no longer applies: say so and show what does. */
export function stale(ctx: Ctx): void {
  note(ctx, t(ctx, 'menu.stale'));
  presentCurrent(ctx);
}

/** Acts on a menu option's value, whether pressed or typed as its number or label. */
export function handleAction(ctx: Ctx, value: string): void {
  const action = decode(value);
  if (!action) {
    stale(ctx);
    return;
  }
  switch (action.kind) {
    case 'menu':
      runCommand(ctx, 'menu');
      return;
    case 'help':
      runCommand(ctx, 'help');
      return;
    case 'resume':
      ctx.state.misunderstood = 0;
      presentCurrent(ctx);
      return;
    case 'restore':
      restoreDraft(ctx);
      return;
    case 'officer':
      openHandoff(ctx, 'asked');
      return;
    case 'status':
      requestStatus(ctx, action.trackingNumber);
      return;
    case 'consent':
      giveConsent(ctx, action.given);
      return;
    case 'confirm':
      if (atSummary(ctx)) confirmDraft(ctx);
      else stale(ctx);
      return;
    case 'edit': {
      const step = atSummary(ctx) ? editAnswer(ctx, action.step) : undefined;
      const flow = flowOf(ctx, ctx.state.flow?.draft.serviceId);
      if (step && flow) askStep(ctx, flow, step);
      else stale(ctx);
      return;
    }
    case 'apply':
      if (flowOf(ctx, action.service)) startFlow(ctx, action.service);
      else stale(ctx);
      return;
    case 'service':
      if (flowOf(ctx, action.service)) answerInfo(ctx, 'overview', action.service);
      else stale(ctx);
      return;
    case 'intent':
      handleIntent(ctx, action.intent, action.service);
      return;
    case 'kelurahan':
    case 'kelurahan_again':
      stale(ctx);
      return;
  }
}
