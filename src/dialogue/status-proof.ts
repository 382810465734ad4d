import type { Ctx } from './context.js';
import { emit, sayMenu, t } from './context.js';
import { jakartaDay, parseDate } from './dates.js';
import { keywordCommand } from './keywords.js';
import { encode } from './menu-values.js';
import { answerThenResume } from './present.js';
import type { StatusProof } from './types.js';

/** Always a way out of the question: the menu or an officer, never a dead end. */
function ask(ctx: Ctx, body: string): void {
  sayMenu(ctx, 'status_proof', body, [
    { value: encode({ kind: 'menu' }), label: t(ctx, 'status.proof_menu') },
    { value: encode({ kind: 'officer' }), label: t(ctx, 'menu.officer') },
  ]);
}

/** Someone else's application was found: only that, and the question that would show more. */
export function onStatusNeedsProof(ctx: Ctx, trackingNumber: string): void {
  ctx.state.statusProof = { trackingNumber };
  ask(ctx, t(ctx, 'status.proof_ask', { tracking: trackingNumber }));
}

/** The answer did not match: how many tries are left, and the question again. */
export function onStatusProofWrong(ctx: Ctx, trackingNumber: string, remaining: number): void {
  ctx.state.statusProof = { trackingNumber };
  ask(
    ctx,
    `${t(ctx, 'status.proof_wrong', { remaining })}\n\n${t(ctx, 'status.proof_ask', { tracking: trackingNumber })}`,
  );
}

/** Too many wrong answers: no question any more, the wait, and the officer as the way on. */
export function onStatusProofLimited(ctx: Ctx, retryMinutes: number): void {
  ctx.state.statusProof = undefined;
  answerThenResume(ctx, t(ctx, 'status.proof_limited', { minutes: retryMinutes }));
}

/** The typed answer as a proof: 4 digits are the NIK's last 4, anything else is tried as a date. */
function proofOf(text: string, at: string): StatusProof | 'unreadable' | undefined {
  const compact = text.replace(/[\s.-]+/g, '');
  if (/^\d{4}$/.test(compact)) return { kind: 'nik_last4', digits: compact };
  const date = parseDate(text, jakartaDay(at));
  if (date.ok) return { kind: 'birth_date', date: date.iso };
  // Digits that are neither: a slip in the answer, asked again; words are something else.
  return /\d{2,}/.test(text) ? 'unreadable' : undefined;
}

/**
 * A message while the question is open. Returns whether it was the answer (asked with the
 * number to the use case) or an unreadable try (asked again); anything else (a command, a menu
 * number, a question) drops the question and is handled as usual.
 */
export function answerStatusProof(ctx: Ctx, waiting: { trackingNumber: string }, typed: string): boolean {
  if (keywordCommand(typed.trim())) return false;
  const proof = proofOf(typed.trim(), ctx.at);
  if (proof === undefined) return false;
  if (proof === 'unreadable') {
    ctx.state.statusProof = waiting;
    ask(
      ctx,
      `${t(ctx, 'status.proof_unreadable')}\n\n${t(ctx, 'status.proof_ask', { tracking: waiting.trackingNumber })}`,
    );
    return true;
  }
  ctx.state.misunderstood = 0;
  emit(ctx, { kind: 'lookup_status', trackingNumber: waiting.trackingNumber, proof });
  return true;
}
