import type { Flow, Step } from '../catalog/flow-schema.js';
import { conditionHolds } from '../catalog/condition.js';
import type { Ctx } from './context.js';
import { t } from './context.js';
import { lookup } from './render.js';
import type { Draft } from './types.js';

/** A flow by service id; undefined for an id the catalog no longer has (an old stored state). */
export function flowOf(ctx: Ctx, serviceId: string | null | undefined): Flow | undefined {
  return serviceId ? ctx.catalog.flows.get(serviceId) : undefined;
}

/** A step of a flow by id. */
export function stepOf(flow: Flow, stepId: string): Step | undefined {
  return flow.steps.find((s) => s.id === stepId);
}

/** The service's display name (`<service>.name`). */
export function serviceName(ctx: Ctx, serviceId: string): string {
  return t(ctx, `${serviceId}.name`);
}

/**
 * A step's short name for summaries and "Foto KTP diterima": `<service>.<step>.label`, then
 * `steps.<step>.label`, else the step id in words, so a flow without labels still reads.
 */
export function stepLabel(ctx: Ctx, serviceId: string, stepId: string): string {
  const m = lookup(ctx.catalog, ctx.state.lang, [`${serviceId}.${stepId}.label`, `steps.${stepId}.label`]);
  if (typeof m === 'string') return m;
  const words = stepId.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A choice option's label (`<service>.<step>.options.<value>`). */
export function optionLabel(ctx: Ctx, serviceId: string, stepId: string, value: string): string {
  return t(ctx, `${serviceId}.${stepId}.options.${value}`);
}

/** Documents count as answered once enough arrived, or none when the step is optional and skipped. */
export function isAnswered(step: Step, draft: Draft): boolean {
  if (step.kind === 'document') {
    const files = draft.documents[step.id];
    return files !== undefined && (files.length >= step.min_files || step.optional);
  }
  return Object.hasOwn(draft.answers, step.id);
}

/** Whether the step's `when:` holds for the answers so far. */
export function applies(step: Step, draft: Draft): boolean {
  return conditionHolds(step.when, draft.answers);
}

/**
 * The next step to ask: the first one whose condition holds and that has no answer. One rule
 * serves the normal walk, a changed answer at the summary (a newly required step is asked,
 * the rest is kept) and a conversation resumed from storage.
 */
export function nextStep(flow: Flow, draft: Draft): Step | undefined {
  return flow.steps.find((step) => applies(step, draft) && !isAnswered(step, draft));
}
