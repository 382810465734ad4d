import { cancelAll } from './commands.js';
import { complain } from './complaint.js';
import type { Ctx } from './context.js';
import { emit } from './context.js';
import { openHandoff } from './handoff.js';
import { askPending, keptText, takeAnswer } from './pending-action.js';
import { answerThenResume, busy } from './present.js';
import type { CitizenInput, GuardedAction, Understanding } from './types.js';

/**
 * Confirm before destructive or escalating steps: cancelling a draft in progress, a complaint
 * (it goes to supervisors as possible pungli), and an officer in the middle of a flow. A reading
 * of the NLU acts at once only at or above its calibrated confidence; below, the bot asks one
 * yes/no question and keeps the action pending (pending-action.ts, as for "hapus data saya"), so
 * the next message answers it. Typed commands ("batal", "/batal", "petugas") and pressed menu options are no
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

/**
 * The action to ask about before acting on this reading, if any. Cancel and officer are asked
 * only while something is in progress (otherwise nothing is lost); a complaint always is.
 */
export function mustConfirm(ctx: Ctx, intent: string, confidence: number): GuardedAction | undefined {
  const action = GUARDED.get(intent);
  if (!action || confidence >= ACT_AT[action]) return undefined;
  return action === 'complaint' || busy(ctx) ? action : undefined;
}

/**
 * Asks first ("Maksud Anda membatalkan permohonan ini? 1. Ya, batalkan 2. Tidak, lanjutkan") when
 * the reading is not sure enough for its guarded action; true when it asked.
 */
export function askedFirst(ctx: Ctx, u: Pick<Understanding, 'intent' | 'confidence' | 'service'>): boolean {
  const action = mustConfirm(ctx, u.intent, u.confidence);
  if (!action) return false;
  askPending(ctx, { action, service: u.service });
  return true;
}

/**
 * The message after the question: yes acts, no goes back exactly where the citizen was (the open
 * question asked again); anything else drops the question and is handled as usual (false). Ahead
 * of every other handling, so a "ya" is never taken as the answer to a step of the flow underneath.
 */
export function answeredConfirmation(ctx: Ctx, input: CitizenInput): boolean {
  const answer = takeAnswer(ctx, input);
  if (!answer) return false;
  const { pending, yes } = answer;
  if (!yes) {
    ctx.state.misunderstood = 0;
    answerThenResume(ctx, keptText(ctx, pending.action));
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
    case 'delete_my_data':
      // The use case stores the request and answers with `deletion_requested`.
      emit(ctx, { kind: 'request_deletion' });
      break;
  }
  return true;
}
