import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { clearFlow } from './flow-runner.js';
import { serviceName } from './flow-steps.js';
import { loose } from './normalize.js';
import { presentCurrent } from './present.js';
import type { Input } from './types.js';

/** What the citizen types, after the reminder, to go on with the draft (the reminder names the first ones). */
const RESUME = new Set(['lanjut', 'lanjutkan', 'teruskan', 'lanjut saja', 'continue', 'go on', 'resume']);

/**
 * Keeps the draft's marks in the state after a turn: any message of the citizen touches the
 * draft (and so answers a reminder); an event does not, except to date a draft that has no
 * touch yet (one started before drafts were dated). The store keeps them beside the state for
 * the draft expiry (`DraftMarks`).
 */
export function markDraft(ctx: Ctx, input: Input): void {
  const flow = ctx.state.flow;
  if (!flow) return;
  const byCitizen =
    input.kind === 'text' ||
    input.kind === 'choice' ||
    input.kind === 'file' ||
    input.kind === 'voice' ||
    input.kind === 'command';
  if (byCitizen) {
    flow.touchedAt = ctx.at;
    delete flow.remindedAt;
  } else if (!flow.touchedAt) flow.touchedAt = ctx.at;
}

/**
 * After a reminder, "lanjut" (or "continue") goes on with the draft where it stood, instead of
 * being taken as an answer to the question it stood at. True when it did.
 */
export function resumedDraft(ctx: Ctx, input: Input): boolean {
  const flow = ctx.state.flow;
  if (!flow?.remindedAt || input.kind !== 'text' || !RESUME.has(loose(input.text))) return false;
  note(ctx, t(ctx, 'flow.resumed', { service: serviceName(ctx, flow.draft.serviceId) }));
  presentCurrent(ctx);
  return true;
}

/**
 * The draft has lain untouched long enough: the citizen is reminded, once, that it will be removed
 * in `days` days, and how to go on or stop. Nothing while an officer has the conversation (the
 * job does not ask then), nor when there is no draft or it was reminded already.
 */
export function onDraftExpiring(ctx: Ctx, days: number): void {
  const flow = ctx.state.flow;
  if (!flow || flow.remindedAt || ctx.state.mode === 'handoff') return;
  flow.remindedAt = ctx.at;
  note(ctx, t(ctx, 'flow.expiring', { service: serviceName(ctx, flow.draft.serviceId), days }));
}

/**
 * The draft was not touched for `days` days after all: it is removed (its uploads let go of, for
 * the discard sweep) and the citizen is told once, with how to start again. Only a reminded draft
 * goes; nothing while an officer has the conversation.
 */
export function onDraftExpired(ctx: Ctx, days: number): void {
  const flow = ctx.state.flow;
  if (!flow?.remindedAt || ctx.state.mode === 'handoff') return;
  const service = serviceName(ctx, flow.draft.serviceId);
  clearFlow(ctx);
  ctx.state.menu = undefined;
  note(ctx, t(ctx, 'flow.expired', { service, days }));
}
