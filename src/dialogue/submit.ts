import type { Ctx } from './context.js';
import { note, say, t } from './context.js';
import { has } from './render.js';
import { formatDate } from './dates.js';
import { flowOf, serviceName } from './flow-steps.js';
import { showSummary } from './summary.js';
import type { SystemEvent } from './types.js';

/**
 * The application exists: tracking number, expected completion date, and what happens next
 * (the in-person step, bringing originals), and where it went when the citizen's own office
 * does not offer the service. The draft is done with.
 */
export function onSubmitted(ctx: Ctx, ev: Extract<SystemEvent, { kind: 'submitted' }>): void {
  const { trackingNumber, dueAt } = ev;
  const flow = flowOf(ctx, ctx.state.flow?.draft.serviceId);
  ctx.state.flow = undefined;
  ctx.state.misunderstood = 0;
  const lines = [
    t(ctx, 'submit.done', {
      service: flow ? serviceName(ctx, flow.id) : '',
      tracking: trackingNumber,
      due: formatDate(dueAt, ctx.state.lang),
    }),
    t(ctx, 'submit.next'),
  ];
  if (ev.routedFrom && ev.routedTo) {
    const service = flow ? serviceName(ctx, flow.id) : '';
    lines.splice(1, 0, t(ctx, 'submit.routed_up', { service, from: ev.routedFrom, to: ev.routedTo }));
  }
  if (flow?.in_person) lines.push(t(ctx, `${flow.id}.in_person`));
  const bring = flow && has(ctx.catalog, ctx.state.lang, [`${flow.id}.bring_originals`]);
  lines.push(t(ctx, bring ? `${flow.id}.bring_originals` : 'submit.bring_originals'), t(ctx, 'submit.hint'));
  say(ctx, lines.join('\n\n'));
}

/** Submission failed: apologise and keep the draft at the summary so confirming can be retried. */
export function onSubmitFailed(ctx: Ctx): void {
  const f = ctx.state.flow;
  note(ctx, t(ctx, 'submit.failed'));
  if (f && flowOf(ctx, f.draft.serviceId)) {
    f.at = { phase: 'summary' };
    showSummary(ctx);
    return;
  }
  say(ctx, t(ctx, 'hint.nav'));
}
