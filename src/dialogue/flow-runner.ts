import type { Flow, Step } from '../catalog/flow-schema.js';
import { askKeys } from '../catalog/message-keys.js';
import { showConsent } from './consent.js';
import type { Attempt } from './attempt.js';
import type { Ctx } from './context.js';
import { emit, note, say, sayDocumentRequest, sayMenu, t } from './context.js';
import { applies, flowOf, nextStep, stepOf } from './flow-steps.js';
import { kelurahanMenuId } from './kelurahan-step.js';
import { showMainMenu } from './menus.js';
import { lookup, text } from './render.js';
import { showSummary } from './summary.js';
import type { Draft } from './types.js';
import { stepOptions } from './validate.js';

/** The step the citizen is answering: a flow step, or the one step an officer asked to fix. */
export interface Target {
  flow: Flow;
  step: Step;
  /** Set when the answer goes to an officer-requested revision of this application. */
  revisionOf?: string;
}

/** After this many misunderstandings in a row the bot offers an officer. */
export const OFFER_OFFICER_AFTER = 2;

/** The menu id of a step's own options. */
export function stepMenuId(stepId: string): string {
  return `step:${stepId}`;
}

/** What the citizen is answering now, if a step is open. A revision comes before the flow. */
export function currentTarget(ctx: Ctx): Target | undefined {
  const r = ctx.state.revision;
  if (r) {
    const flow = flowOf(ctx, r.serviceId);
    const step = flow && stepOf(flow, r.stepId);
    if (flow && step) return { flow, step, revisionOf: r.trackingNumber };
  }
  const f = ctx.state.flow;
  if (f && 'step' in f.at) {
    const flow = flowOf(ctx, f.draft.serviceId);
    const step = flow && stepOf(flow, f.at.step);
    if (flow && step) return { flow, step };
  }
  return undefined;
}

/** Asks a step: its prompt, help, what kind of answer fits, and how to get out. */
export function askStep(ctx: Ctx, flow: Flow, step: Step): void {
  const { catalog } = ctx;
  const lang = ctx.state.lang;
  const parts = [t(ctx, askKeys(flow.id, step.id))];
  const helpKeys = [`${flow.id}.${step.id}.help`, `steps.${step.id}.help`];
  if (lookup(catalog, lang, helpKeys) !== undefined) parts.push(text(catalog, lang, helpKeys));
  if (step.kind === 'document' && step.max_files > 1) {
    parts.push(t(ctx, 'document.how_many', { min: step.min_files, max: step.max_files }));
  }
  if (step.optional) parts.push(t(ctx, 'step.optional_hint'));
  const body = `${parts.join('\n')}\n\n${t(ctx, 'hint.step')}`;
  switch (step.kind) {
    case 'choice':
    case 'yes_no':
      sayMenu(ctx, stepMenuId(step.id), body, stepOptions(ctx, flow.id, step));
      return;
    case 'document':
      sayDocumentRequest(ctx, body, [...step.accept], step.max_bytes ?? ctx.opts.uploadMaxBytes);
      return;
    default:
      say(ctx, body);
  }
}

/** Drops answers and files of steps whose `when:` no longer holds (an earlier answer changed). */
function prune(ctx: Ctx, flow: Flow, draft: Draft): void {
  for (const step of flow.steps) {
    if (applies(step, draft)) continue;
    delete draft.answers[step.id];
    const files = draft.documents[step.id];
    if (files) {
      for (const file of files) emit(ctx, { kind: 'discard_document', documentId: file.documentId });
      delete draft.documents[step.id];
    }
  }
}

/** Moves to the next unanswered step, or to the summary when every applicable step is answered. */
export function advance(ctx: Ctx): void {
  const f = ctx.state.flow;
  const flow = flowOf(ctx, f?.draft.serviceId);
  if (!f || !flow) return;
  prune(ctx, flow, f.draft);
  const next = nextStep(flow, f.draft);
  if (next) {
    f.at = { step: next.id };
    askStep(ctx, flow, next);
    return;
  }
  f.at = { phase: 'summary' };
  delete f.returnToSummary;
  showSummary(ctx);
}

/**
 * Ends the flow in progress, discarding its pending uploads (no consent to keep them). A draft
 * already handed to submission keeps its files: they belong to the application now.
 */
export function clearFlow(ctx: Ctx): boolean {
  const f = ctx.state.flow;
  if (!f) return false;
  if (!('phase' in f.at && f.at.phase === 'confirm')) {
    for (const files of Object.values(f.draft.documents)) {
      for (const file of files) emit(ctx, { kind: 'discard_document', documentId: file.documentId });
    }
  }
  ctx.state.flow = undefined;
  return true;
}

/** Starts applying for a service: consent first unless given in this conversation. */
export function startFlow(ctx: Ctx, serviceId: string): void {
  const flow = flowOf(ctx, serviceId);
  if (!flow) return;
  if (
    ctx.state.flow?.draft.serviceId === serviceId &&
    !('phase' in ctx.state.flow.at && ctx.state.flow.at.phase === 'confirm')
  ) {
    advanceOrResume(ctx);
    return;
  }
  clearFlow(ctx);
  ctx.state.flow = { draft: { serviceId, answers: {}, documents: {} }, at: { phase: 'consent' } };
  if (ctx.state.consent === true) advance(ctx);
  else showConsent(ctx, serviceId);
}

function advanceOrResume(ctx: Ctx): void {
  const f = ctx.state.flow;
  if (f && 'phase' in f.at && f.at.phase === 'consent' && ctx.state.consent !== true) {
    showConsent(ctx, f.draft.serviceId);
    return;
  }
  advance(ctx);
}

/**
 * Records the answer to the privacy notice (consent.ts shows it). Yes starts the flow's
 * questions; no drops the draft (nothing personal was asked yet) and leaves every question about
 * services open. It lives here, beside startFlow, because both move the flow past its consent
 * phase; consent.ts only asks, so the two modules do not import each other.
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

/** Says why an answer was refused and asks the same step again; repeated trouble offers an officer. */
export function refuse(
  ctx: Ctx,
  target: Target,
  key: string,
  params?: Readonly<Record<string, string | number>>,
): void {
  ctx.state.misunderstood += 1;
  note(ctx, t(ctx, key, params));
  if (ctx.state.misunderstood >= OFFER_OFFICER_AFTER) note(ctx, t(ctx, 'officer_offer.hint'));
  askStep(ctx, target.flow, target.step);
}

/** Stores an answer (or sends it as a revision) and moves on; refusals ask again. */
export function commit(ctx: Ctx, target: Target, attempt: Attempt): void {
  const { step } = target;
  switch (attempt.kind) {
    case 'invalid':
      refuse(ctx, target, attempt.key, attempt.params);
      return;
    case 'pick':
      sayMenu(
        ctx,
        kelurahanMenuId(step.id),
        t(ctx, attempt.more ? 'kelurahan.many' : 'kelurahan.several'),
        attempt.options,
      );
      return;
    case 'confirm':
      sayMenu(ctx, attempt.menuId, attempt.text, attempt.options);
      return;
    case 'again':
      ctx.state.misunderstood = 0;
      say(ctx, t(ctx, attempt.key));
      return;
    case 'done':
      finishDocuments(ctx, target);
      return;
    case 'value':
      break;
  }
  ctx.state.misunderstood = 0;
  if (attempt.echo) note(ctx, attempt.echo);
  if (target.revisionOf) {
    if (step.kind === 'document') {
      refuse(ctx, target, 'invalid.document.expected');
      return;
    }
    emit(ctx, {
      kind: 'save_revision',
      trackingNumber: target.revisionOf,
      stepId: step.id,
      value: attempt.value,
    });
    ctx.state.revision = undefined;
    note(ctx, t(ctx, 'revision.sending'));
    return;
  }
  const f = ctx.state.flow;
  if (!f) return;
  if (step.kind === 'document') f.draft.documents[step.id] = [];
  else f.draft.answers[step.id] = attempt.value;
  advance(ctx);
}

function finishDocuments(ctx: Ctx, target: Target): void {
  const { step } = target;
  const f = ctx.state.flow;
  if (step.kind !== 'document' || target.revisionOf || !f) {
    refuse(ctx, target, 'invalid.document.expected');
    return;
  }
  const files = f.draft.documents[step.id] ?? [];
  if (files.length < step.min_files && !step.optional) {
    refuse(ctx, target, 'invalid.document.min', { min: step.min_files, count: files.length });
    return;
  }
  ctx.state.misunderstood = 0;
  f.draft.documents[step.id] = files;
  advance(ctx);
}
