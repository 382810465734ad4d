import type { Ctx } from './context.js';
import { emit, t } from './context.js';
import { formatDate, formatDateTime } from './dates.js';
import { clearFlow } from './flow-runner.js';
import { flowOf, serviceName } from './flow-steps.js';
import { askPending } from './pending-action.js';
import { answerThenResume } from './present.js';
import type { MyDataView, SystemEvent } from './types.js';

/**
 * The citizen's rights over their data (UU 27/2022): "data saya" shows what Loket holds about
 * the chat and sends it as a file; "hapus data saya" asks for it to be deleted, which a supervisor
 * decides within three times twenty-four hours. The engine only words and asks; the use cases
 * gather, store and erase.
 */

/** The data-subject requests a citizen can make at any moment (a command or an intent). */
export type PrivacyRequest = 'my_data' | 'delete_my_data';

/** Answers a data-subject request: the summary and export, or the deletion question. */
export function privacyRequest(ctx: Ctx, kind: PrivacyRequest): void {
  if (kind === 'my_data') showMyData(ctx);
  else askDeletion(ctx);
}

/** "data saya": the use case gathers it and sends the file; the answer comes back as `my_data`. */
export function showMyData(ctx: Ctx): void {
  ctx.state.misunderstood = 0;
  emit(ctx, { kind: 'show_my_data' });
}

/**
 * "hapus data saya": asked first with Ya/Tidak, since a deletion must never follow a
 * misunderstanding; the same pending question as the guarded readings (pending-action.ts), whose
 * yes emits `request_deletion` (confirm.ts).
 */
export function askDeletion(ctx: Ctx): void {
  askPending(ctx, { action: 'delete_my_data', service: null });
}

function nameOf(ctx: Ctx, serviceId: string): string {
  return flowOf(ctx, serviceId) ? serviceName(ctx, serviceId) : serviceId;
}

function applicationLines(ctx: Ctx, view: MyDataView): string[] {
  if (view.applications.length === 0) return [t(ctx, 'privacy.applications_none')];
  const lang = ctx.state.lang;
  return [
    t(ctx, 'privacy.applications', { count: view.applications.length }),
    ...view.applications.map((a) =>
      t(ctx, 'privacy.application', {
        tracking: a.trackingNumber,
        service: nameOf(ctx, a.serviceId),
        status: t(ctx, `status.names.${a.status}`),
        date: formatDate(a.submittedAt, lang),
        nik: a.nik ?? '-',
      }),
    ),
    t(ctx, 'privacy.applications_kept', { days: view.retentionDays }),
  ];
}

/** The "data saya" answer: each kind of data, how long it is kept, the file, how to delete. */
export function onMyData(ctx: Ctx, view: MyDataView): void {
  const lang = ctx.state.lang;
  const draft = view.draft;
  const lines = [
    t(ctx, 'privacy.title'),
    draft
      ? t(ctx, 'privacy.draft', {
          service: nameOf(ctx, draft.serviceId),
          answers: draft.answers,
          documents: draft.documents,
          days: view.draftDays,
        })
      : t(ctx, 'privacy.draft_none'),
    ...applicationLines(ctx, view),
    view.handoffs.count > 0
      ? t(ctx, 'privacy.handoffs', {
          count: view.handoffs.count,
          dates: view.handoffs.dates.map((d) => formatDate(d, lang)).join(', '),
          days: view.retentionDays,
        })
      : t(ctx, 'privacy.handoffs_none'),
    t(ctx, 'privacy.satisfaction', { count: view.satisfaction }),
    '',
    view.file ? t(ctx, 'privacy.file', { file: view.file }) : t(ctx, 'privacy.file_failed'),
    view.deletionDueAt
      ? t(ctx, 'privacy.pending', { due: formatDateTime(view.deletionDueAt, lang) })
      : t(ctx, 'privacy.how_delete'),
  ];
  answerThenResume(ctx, lines.join('\n'));
}

function trackingList(numbers: readonly string[]): string {
  return numbers.join(', ');
}

/** The request is stored (or was already): when the answer comes, and what must stay for now. */
export function onDeletionRequested(
  ctx: Ctx,
  ev: Extract<SystemEvent, { kind: 'deletion_requested' }>,
): void {
  const due = formatDateTime(ev.dueAt, ctx.state.lang);
  const lines = [t(ctx, ev.already ? 'privacy.already' : 'privacy.requested', { due })];
  if (ev.inProgress.length > 0)
    lines.push(t(ctx, 'privacy.in_progress', { list: trackingList(ev.inProgress) }));
  answerThenResume(ctx, lines.join('\n\n'));
}

/**
 * The supervisor's decision. Approved: the conversation forgets the draft (its files are
 * discarded), the recent lines, open questions and the consent given, so nothing of it is kept;
 * the language stays, and an officer conversation or a requested fix of an application still in
 * progress goes on.
 */
export function onDeletionDecided(ctx: Ctx, ev: Extract<SystemEvent, { kind: 'deletion_decided' }>): void {
  if (!ev.approved) {
    answerThenResume(ctx, t(ctx, 'privacy.refused', { reason: ev.reason ?? '-' }));
    return;
  }
  clearFlow(ctx);
  ctx.state.consent = null;
  ctx.state.misunderstood = 0;
  ctx.state.statusProof = undefined;
  ctx.state.survey = undefined;
  ctx.state.confirming = undefined;
  delete ctx.state.undo;
  ctx.state.menu = undefined;
  ctx.prevMenu = undefined;
  delete ctx.state.recent;
  const lines = [t(ctx, 'privacy.approved')];
  if (ev.kept.length > 0) lines.push(t(ctx, 'privacy.approved_kept', { list: trackingList(ev.kept) }));
  answerThenResume(ctx, lines.join('\n\n'));
}
