import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { askStep } from './flow-runner.js';
import { flowOf, serviceName, stepLabel, stepOf } from './flow-steps.js';
import { answerThenResume } from './present.js';

/**
 * An officer asked for one answer or document to be fixed: say which and why, then ask exactly
 * that step with its usual validation. The answer becomes a `save_revision` effect.
 */
export function onRevisionRequested(
  ctx: Ctx,
  ev: { trackingNumber: string; serviceId: string; stepId: string; note: string },
): void {
  const flow = flowOf(ctx, ev.serviceId);
  const step = flow && stepOf(flow, ev.stepId);
  if (!flow || !step) {
    answerThenResume(ctx, t(ctx, 'revision.unknown', { tracking: ev.trackingNumber, note: ev.note }));
    return;
  }
  ctx.state.revision = { trackingNumber: ev.trackingNumber, serviceId: ev.serviceId, stepId: ev.stepId };
  note(
    ctx,
    t(ctx, 'revision.requested', {
      tracking: ev.trackingNumber,
      service: serviceName(ctx, flow.id),
      label: stepLabel(ctx, flow.id, step.id),
      note: ev.note,
    }),
  );
  askStep(ctx, flow, step);
}

/** The fix is stored: confirm, then back to whatever was in progress. */
export function onRevisionSaved(ctx: Ctx, trackingNumber: string): void {
  answerThenResume(ctx, t(ctx, 'revision.saved', { tracking: trackingNumber }));
}
