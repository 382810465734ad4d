import type { Effect } from './types.js';
import type { Ctx } from './context.js';
import { emit, note, say, t } from './context.js';
import { formatDateTime } from './dates.js';
import { OFFER_OFFICER_AFTER } from './flow-runner.js';
import { presentCurrent } from './present.js';

type HandoffReason = Extract<Effect, { kind: 'open_handoff' }>['reason'];

/** Long digit runs (a NIK, a phone) hidden, so the officer's context and logs never hold them whole. */
export function maskDigits(text: string): string {
  return text.replace(/\d{8,}/g, (d) => `${'*'.repeat(d.length - 4)}${d.slice(-4)}`);
}

/**
 * Queues the citizen for an officer. After repeated misunderstandings the reason says so,
 * whether the citizen pressed the offer or typed "petugas". While waiting, the bot is quiet.
 * The officer gets the conversation so far (the state's `recent`, this message included).
 */
export function openHandoff(ctx: Ctx, reason: HandoffReason): void {
  const why: HandoffReason =
    reason === 'asked' && ctx.state.misunderstood >= OFFER_OFFICER_AFTER ? 'not_understood' : reason;
  const priority = why === 'complaint';
  if (ctx.state.mode === 'handoff' && !priority) {
    say(ctx, t(ctx, 'handoff.already'));
    return;
  }
  emit(ctx, { kind: 'open_handoff', reason: why, priority, history: ctx.state.recent ?? [] });
  ctx.state.mode = 'handoff';
  ctx.state.misunderstood = 0;
  say(ctx, t(ctx, priority ? 'handoff.connecting_priority' : 'handoff.connecting'));
}

/**
 * Queue position and office hours: open now, or when it opens next. In counter hours with no
 * officer marked available the citizen is told so, rather than promised a quick answer.
 */
export function onHandoffOpened(
  ctx: Ctx,
  position: number,
  openNow: boolean,
  nextOpening?: string,
  availableOfficers?: number,
): void {
  ctx.state.mode = 'handoff';
  const hours =
    openNow && availableOfficers === 0
      ? t(ctx, 'handoff.none_available')
      : hoursLine(ctx, openNow, nextOpening);
  say(ctx, [t(ctx, 'handoff.queued', { position }), hours, t(ctx, 'handoff.relay_note')].join('\n\n'));
}

/** Still nobody after a long wait: an apology, the place in the queue, and when someone will answer. */
export function onHandoffWaiting(
  ctx: Ctx,
  ev: { position: number; waitedMinutes: number; officeOpenNow: boolean; nextOpening?: string },
): void {
  // Back with the bot meanwhile (cancelled, or the officer closed it): nothing to say.
  if (ctx.state.mode !== 'handoff') return;
  const hours = ev.officeOpenNow ? t(ctx, 'handoff.busy_open') : hoursLine(ctx, false, ev.nextOpening);
  say(
    ctx,
    [
      t(ctx, 'handoff.still_waiting', { minutes: ev.waitedMinutes, position: ev.position }),
      hours,
      t(ctx, 'handoff.still_waiting_keep'),
    ].join('\n\n'),
  );
}

function hoursLine(ctx: Ctx, openNow: boolean, nextOpening?: string): string {
  if (openNow) return t(ctx, 'handoff.open_now');
  return nextOpening
    ? t(ctx, 'handoff.closed_until', { next: formatDateTime(nextOpening, ctx.state.lang) })
    : t(ctx, 'handoff.closed');
}

/** An officer picked the conversation up. */
export function onOfficerJoined(ctx: Ctx, officerName: string): void {
  say(ctx, t(ctx, 'handoff.officer_joined', { officer: officerName }));
}

/** The officer's words, passed on with their name so the citizen knows a person is writing. */
export function onOfficerMessage(ctx: Ctx, officerName: string, text: string): void {
  say(ctx, t(ctx, 'handoff.officer_message', { officer: officerName, text }));
}

/** Back to the bot, with the line that says the officer's part is over; the caller says what next. */
export function endHandoff(ctx: Ctx, byOfficer: boolean): void {
  ctx.state.mode = 'bot';
  ctx.state.misunderstood = 0;
  note(ctx, t(ctx, byOfficer ? 'handoff.closed_by_officer' : 'handoff.ended'));
}

/** Back to the bot: where the citizen was, or the menu. */
export function onHandoffClosed(ctx: Ctx, byOfficer: boolean): void {
  endHandoff(ctx, byOfficer);
  presentCurrent(ctx);
}

/**
 * The officer hands the citizen back to the bot mid-application: the draft stays as it was, so
 * the open step (or the menu, with no draft) is asked again right after the notice.
 */
export function onHandedBack(ctx: Ctx, officerName: string): void {
  ctx.state.mode = 'bot';
  ctx.state.misunderstood = 0;
  note(ctx, t(ctx, 'handoff.handed_back', { officer: officerName }));
  presentCurrent(ctx);
}

/** The citizen leaves the queue ("batal" while waiting or talking). */
export function cancelHandoff(ctx: Ctx): void {
  emit(ctx, { kind: 'cancel_handoff' });
  ctx.state.mode = 'bot';
  ctx.state.misunderstood = 0;
  note(ctx, t(ctx, 'handoff.cancelled'));
  presentCurrent(ctx);
}
