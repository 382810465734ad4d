import type { Ctx } from './context.js';
import { note, t } from './context.js';
import { clearFlow } from './flow-runner.js';
import { flowOf, serviceName } from './flow-steps.js';
import { encode } from './menu-values.js';
import { showMainMenu } from './menus.js';
import { loose } from './normalize.js';
import { presentCurrent } from './present.js';
import type { Input, MenuOption } from './types.js';

/**
 * A draft is never lost to a misunderstanding: a cancel sets the draft aside (service, answers,
 * uploads, the step it stood at) instead of forgetting it, and "batal tadi salah", "kembalikan",
 * "undo" or the menu's "Kembalikan isian tadi" bring it back for a short while. Short, because
 * a cancelled draft holds personal data the citizen asked to let go of; the discard sweep keeps
 * its uploads exactly as long (src/app/orphan-uploads.ts).
 */

/** Minutes a cancelled draft can be restored, as the citizen is told. */
export const RESTORE_MINUTES = 10;
/** The same window in milliseconds, for the engine (input times) and the discard sweep. */
export const RESTORE_WINDOW_MS = RESTORE_MINUTES * 60_000;

/** Whole messages that ask for the cancelled draft back. */
const PHRASES: ReadonlySet<string> = new Set([
  'batal tadi salah',
  'tadi salah',
  'salah batal',
  'salah pencet',
  'kembalikan',
  'kembalikan isian',
  'kembalikan isian tadi',
  'kembalikan isian saya',
  'gak jadi batal',
  'ga jadi batal',
  'nggak jadi batal',
  'tidak jadi batal',
  'jangan dibatalkan',
  'undo',
  'restore',
  'undo cancel',
  'restore what i entered',
]);

/** Whether a cancel at `cancelledAt` can still be undone at `at` (both ISO). */
export function restorable(cancelledAt: string, at: string): boolean {
  const elapsed = Date.parse(at) - Date.parse(cancelledAt);
  return Number.isFinite(elapsed) && elapsed <= RESTORE_WINDOW_MS;
}

/**
 * Keeps the draft in progress aside before a cancel clears it; true when there was one. A draft
 * already handed to submission is the application's now, and a revision is no draft.
 */
export function setAside(ctx: Ctx): boolean {
  const f = ctx.state.flow;
  if (!f || ('phase' in f.at && f.at.phase === 'confirm')) return false;
  ctx.state.undo = { flow: structuredClone(f), cancelledAt: ctx.at };
  return true;
}

/** The cancel reply's menu: the main menu with "Kembalikan isian tadi" at the end. */
export function showMenuWithRestore(ctx: Ctx): void {
  const option: MenuOption = { value: encode({ kind: 'restore' }), label: t(ctx, 'restore.option') };
  showMainMenu(ctx, [option]);
}

/**
 * Brings the cancelled draft back and asks its open question again. A draft begun since is set
 * aside in its place (so that one is not lost either); past the window it says it is too late.
 * While another application is being submitted it waits: that one must not be overwritten.
 */
export function restoreDraft(ctx: Ctx): void {
  const current = ctx.state.flow?.at;
  if (current && 'phase' in current && current.phase === 'confirm') {
    presentCurrent(ctx);
    return;
  }
  const undo = ctx.state.undo;
  delete ctx.state.undo;
  ctx.state.misunderstood = 0;
  if (!undo || !restorable(undo.cancelledAt, ctx.at) || !flowOf(ctx, undo.flow.draft.serviceId)) {
    note(ctx, t(ctx, 'restore.expired', { minutes: RESTORE_MINUTES }));
    showMainMenu(ctx);
    return;
  }
  if (setAside(ctx)) clearFlow(ctx);
  ctx.state.flow = undo.flow;
  note(ctx, t(ctx, 'restore.done', { service: serviceName(ctx, undo.flow.draft.serviceId) }));
  presentCurrent(ctx);
}

/**
 * A typed "batal tadi salah" while a cancelled draft is kept: restored (true). Any other turn
 * first lets go of a draft kept past its window, so its answers are not held for nothing.
 */
export function typedRestore(ctx: Ctx, input: Input): boolean {
  const undo = ctx.state.undo;
  if (!undo) return false;
  if (input.kind === 'text' && PHRASES.has(loose(input.text))) {
    restoreDraft(ctx);
    return true;
  }
  if (!restorable(undo.cancelledAt, ctx.at)) delete ctx.state.undo;
  return false;
}

/** A stored set-aside draft without a draft or a date (an old or damaged state) is dropped. */
export function saneUndo(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { flow?: { draft?: { serviceId?: unknown }; at?: unknown }; cancelledAt?: unknown };
  return (
    typeof v.cancelledAt === 'string' &&
    typeof v.flow?.draft?.serviceId === 'string' &&
    typeof v.flow.at === 'object' &&
    v.flow.at !== null
  );
}
