import { cancelAll } from './commands.js';
import { complain } from './complaint.js';
import type { Ctx } from './context.js';
import { sayMenu, t } from './context.js';
import { openHandoff } from './handoff.js';
import { parseYesNo } from './keywords.js';
import { answerThenResume, busy } from './present.js';
import type { CitizenInput, GuardedAction, Understanding } from './types.js';

/**
 * Confirm before destructive or escalating steps: cancelling a draft in progress, a complaint
 * (it goes to supervisors as possible pungli), and an officer in the middle of a flow. A reading
 * of the NLU acts at once only at or above its calibrated confidence; below, the bot asks one
 * yes/no question and keeps the action pending in the state (`confirming`), so the next message
 * answers it. Typed commands ("batal", "/batal", "petugas") and pressed menu options are no
 * readings: they act at once and never come here. See docs/decisions/0011-confirm-before-acting.md.
 */

/**
 * The confidence at which each guarded reading acts without asking. Calibrated on
 * test/nlu/heldout.tsv and intents/ (test/nlu/confirm-calibration.test.ts): no message of another
 * intent is read as one of these at or above it, and most messages that mean it clear it.
 */
export const ACT_AT: Readonly<Record<GuardedAction, number>> = {
  cancel: 0.9,
  complaint: 0.9,
  officer: 0.9,
};

const GUARDED: ReadonlyMap<string, GuardedAction> = new Map([
  ['cancel', 'cancel'],
  ['complaint', 'complaint'],
  ['talk_to_officer', 'officer'],
]);

/** The values of the question's two options: only meaningful while it is open. */
const YES = 'guard:yes';
const NO = 'guard:no';

/**
 * The action to ask about before acting on this reading, if any. Cancel and officer are asked
 * only while something is in progress (otherwise nothing is lost); a complaint always is.
 */
export function mustConfirm(ctx: Ctx, intent: string, confidence: number): GuardedAction | undefined {
  const action = GUARDED.get(intent);
  if (!action || confidence >= ACT_AT[action]) return undefined;
  return action === 'complaint' || busy(ctx) ? action : undefined;
}

/** "Maksud Anda membatalkan permohonan ini? 1. Ya, batalkan 2. Tidak, lanjutkan". */
export function askConfirmation(ctx: Ctx, action: GuardedAction, service: string | null): void {
  ctx.state.misunderstood = 0;
  ctx.state.confirming = { action, service };
  sayMenu(ctx, 'confirm_action', t(ctx, `confirm.${action}`), [
    { value: YES, label: t(ctx, `confirm.${action}_yes`) },
    { value: NO, label: t(ctx, 'confirm.no') },
  ]);
}

/** Asks first when the reading is not sure enough for its guarded action; true when it asked. */
export function askedFirst(ctx: Ctx, u: Pick<Understanding, 'intent' | 'confidence' | 'service'>): boolean {
  const action = mustConfirm(ctx, u.intent, u.confidence);
  if (!action) return false;
  askConfirmation(ctx, action, u.service);
  return true;
}

/** Yes, no, or neither, from the answer (a press, "1"/"2", "ya"/"tidak"). */
function answerOf(input: CitizenInput): boolean | undefined {
  if (input.kind === 'choice') return input.value === YES ? true : input.value === NO ? false : undefined;
  if (input.kind !== 'text') return undefined;
  const typed = input.text.trim();
  if (typed === '1') return true;
  if (typed === '2') return false;
  return parseYesNo(typed);
}

/**
 * The message after the question: yes acts, no goes back exactly where the citizen was (the open
 * question asked again); anything else drops the question and is handled as usual (false).
 */
export function answeredConfirmation(ctx: Ctx, input: CitizenInput): boolean {
  const pending = ctx.state.confirming;
  if (!pending) return false;
  ctx.state.confirming = undefined;
  const yes = answerOf(input);
  if (yes === undefined) return false;
  if (!yes) {
    ctx.state.misunderstood = 0;
    answerThenResume(ctx, t(ctx, 'confirm.kept'));
    return true;
  }
  switch (pending.action) {
    case 'cancel':
      cancelAll(ctx);
      break;
    case 'complaint':
      complain(ctx, pending.service);
      break;
    case 'officer':
      openHandoff(ctx, 'asked');
      break;
  }
  return true;
}

/** A stored pending question that is not one of ours (an old or damaged state) is dropped. */
export function saneConfirming(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { action?: unknown; service?: unknown };
  const known = [...GUARDED.values()].includes(v.action as GuardedAction);
  return known && (v.service === null || typeof v.service === 'string');
}
