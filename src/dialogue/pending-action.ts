import type { Ctx } from './context.js';
import { sayMenu, t } from './context.js';
import { parseYesNo } from './keywords.js';
import type { CitizenInput, ConfirmedAction, ConversationState, PendingConfirmation } from './types.js';

/**
 * The one yes/no question before an action (decision 0011): the guarded readings (confirm.ts) and
 * "hapus data saya" (privacy.ts) alike. The action waits in `state.confirming`; the next message
 * answers it ("ya"/1 or "tidak"/2, typed or pressed) or, if it is no yes/no, drops it. A leaf both
 * modules import: confirm.ts reaches privacy.ts through the commands, so neither imports the other.
 */

/** How each action is asked: the question, its yes option, its no option, and the reply to no. */
const WORDING: Readonly<Record<ConfirmedAction, { ask: string; yes: string; no: string; kept: string }>> = {
  cancel: { ask: 'confirm.cancel', yes: 'confirm.cancel_yes', no: 'confirm.no', kept: 'confirm.kept' },
  complaint: {
    ask: 'confirm.complaint',
    yes: 'confirm.complaint_yes',
    no: 'confirm.no',
    kept: 'confirm.kept',
  },
  officer: { ask: 'confirm.officer', yes: 'confirm.officer_yes', no: 'confirm.no', kept: 'confirm.kept' },
  delete_my_data: {
    ask: 'privacy.delete_confirm',
    yes: 'privacy.delete_yes',
    no: 'privacy.delete_no',
    kept: 'privacy.delete_kept',
  },
};

/**
 * The actions still asked about while an officer has the conversation: a complaint escalates it
 * to supervisors, and a deletion request is the citizen's right anywhere. Others drop there.
 */
const WITH_OFFICER: ReadonlySet<ConfirmedAction> = new Set(['complaint', 'delete_my_data']);

/**
 * The options' values name the action, so an old question's button pressed while another is open
 * is no answer to it.
 */
const valueOf = (action: ConfirmedAction, yes: boolean): string => `confirm:${action}:${yes ? 'yes' : 'no'}`;

/** Asks the question for `pending` and keeps it open for the next message. */
export function askPending(ctx: Ctx, pending: PendingConfirmation): void {
  const wording = WORDING[pending.action];
  ctx.state.misunderstood = 0;
  ctx.state.confirming = pending;
  sayMenu(ctx, 'confirm_action', t(ctx, wording.ask), [
    { value: valueOf(pending.action, true), label: t(ctx, wording.yes) },
    { value: valueOf(pending.action, false), label: t(ctx, wording.no) },
  ]);
}

/** Yes, no, or neither, from the answer (a press of this question's option, "1"/"2", "ya"/"tidak"). */
function answerOf(action: ConfirmedAction, input: CitizenInput): boolean | undefined {
  if (input.kind === 'choice') {
    if (input.value === valueOf(action, true)) return true;
    return input.value === valueOf(action, false) ? false : undefined;
  }
  if (input.kind !== 'text') return undefined;
  const typed = input.text.trim();
  if (typed === '1') return true;
  if (typed === '2') return false;
  return parseYesNo(typed);
}

/**
 * Closes the open question with this message: the pending action and whether the answer was yes,
 * or undefined when nothing was pending or the message is no yes/no (then handled as usual).
 */
export function takeAnswer(
  ctx: Ctx,
  input: CitizenInput,
): { pending: PendingConfirmation; yes: boolean } | undefined {
  const pending = ctx.state.confirming;
  if (!pending) return undefined;
  ctx.state.confirming = undefined;
  const yes = answerOf(pending.action, input);
  return yes === undefined ? undefined : { pending, yes };
}

/** The reply to "no": the action is left, and the citizen goes on where they were. */
export function keptText(ctx: Ctx, action: ConfirmedAction): string {
  return t(ctx, WORDING[action].kept);
}

/**
 * Whether a stored pending question still holds: one of ours (not an old or damaged state), and,
 * with an officer, one that is still asked there.
 */
export function sanePending(value: unknown, mode: ConversationState['mode']): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { action?: unknown; service?: unknown };
  if (typeof v.action !== 'string' || !Object.hasOwn(WORDING, v.action)) return false;
  if (mode !== 'bot' && !WITH_OFFICER.has(v.action as ConfirmedAction)) return false;
  return v.service === null || typeof v.service === 'string';
}
