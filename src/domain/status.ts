/**
 * The status lifecycle of an application. Only the transitions listed here exist, so an officer
 * console bug or a replayed request can never move an application somewhere the law and the
 * citizen do not expect (e.g. from REJECTED back to APPROVED).
 */
import type { Actor, Application, ApplicationStatus, RevisionRequest } from './application.js';

type ActorKind = Actor['kind'];

/** Who may take each step. Review decisions are the officer's; cancelling is the citizen's alone. */
const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationStatus, ActorKind[]>>>> = {
  SUBMITTED: { IN_REVIEW: ['officer'], CANCELLED: ['citizen'] },
  IN_REVIEW: {
    NEEDS_REVISION: ['officer'],
    APPROVED: ['officer'],
    REJECTED: ['officer'],
    CANCELLED: ['citizen'],
  },
  // The citizen's fix sends it back to review by itself; an officer may also resume review.
  NEEDS_REVISION: { IN_REVIEW: ['citizen', 'officer'], REJECTED: ['officer'], CANCELLED: ['citizen'] },
  APPROVED: { READY_FOR_PICKUP: ['officer'] },
  READY_FOR_PICKUP: { COMPLETED: ['officer'] },
  COMPLETED: {},
  REJECTED: {},
  CANCELLED: {},
};

const WORDS: Readonly<Record<ApplicationStatus, { id: string; en: string }>> = {
  SUBMITTED: { id: 'Sudah diterima, menunggu diperiksa', en: 'Received, waiting to be checked' },
  IN_REVIEW: { id: 'Sedang diperiksa petugas', en: 'Being checked by an officer' },
  NEEDS_REVISION: { id: 'Perlu perbaikan dari Anda', en: 'Needs a correction from you' },
  APPROVED: { id: 'Disetujui, sedang disiapkan', en: 'Approved, being prepared' },
  READY_FOR_PICKUP: { id: 'Siap diambil di kantor', en: 'Ready for pickup at the office' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  REJECTED: { id: 'Ditolak', en: 'Rejected' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
};

const ACTOR_WORDS: Readonly<Record<ActorKind, string>> = {
  citizen: 'pemohon',
  officer: 'petugas',
  system: 'sistem',
};

/** Thrown when a status change is not in the lifecycle, or not by someone allowed to make it. */
export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly from: ApplicationStatus,
    readonly to: ApplicationStatus,
    readonly actor: ActorKind,
  ) {
    super(
      `Status tidak dapat diubah dari "${WORDS[from].id}" ke "${WORDS[to].id}" oleh ${ACTOR_WORDS[actor]} ` +
        `(${from} -> ${to} by ${actor} is not allowed).`,
    );
  }
}

/** Thrown when a rejection has no reason or a revision request says nothing about what to fix. */
export class MissingReasonError extends Error {
  override readonly name = 'MissingReasonError';
  constructor(
    readonly to: ApplicationStatus,
    readonly field: 'reason' | 'revision',
  ) {
    super(
      field === 'reason'
        ? `Penolakan wajib disertai alasan (${to} needs a reason).`
        : `Permintaan perbaikan wajib menyebut langkah dan catatannya (${to} needs a revision { stepId, note }).`,
    );
  }
}

/** Whether `actor` may move an application from `from` to `to`; the officer console greys out the rest. */
export function canTransition(from: ApplicationStatus, to: ApplicationStatus, actor: Actor): boolean {
  return TRANSITIONS[from][to]?.includes(actor.kind) ?? false;
}

/** The statuses `actor` may choose next: the buttons the officer console and the citizen see. */
export function allowedNext(status: ApplicationStatus, actor: Actor): ApplicationStatus[] {
  return (Object.keys(TRANSITIONS[status]) as ApplicationStatus[]).filter((to) =>
    canTransition(status, to, actor),
  );
}

/** No transition leaves these: reminders and SLA checks stop here. */
export function isFinal(status: ApplicationStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}

/** A status in plain words for citizens, not the code officers see. */
export function describeStatus(status: ApplicationStatus, lang: 'id' | 'en'): string {
  return WORDS[status][lang];
}

/** What a status change carries besides the target status. */
export interface ChangeStatusInput {
  by: Actor;
  at: Date;
  note?: string;
  /** Required for REJECTED: the citizen is told why. */
  reason?: string;
  /** Required for NEEDS_REVISION: which answer or document to fix. */
  revision?: RevisionRequest;
}

/**
 * Moves an application to `to`, recording who, when and why in its history. Returns a new
 * object (the input is untouched) so a failed save leaves the caller's copy as it was.
 * @throws InvalidTransitionError when the lifecycle or the actor does not allow it.
 * @throws MissingReasonError for REJECTED without a reason or NEEDS_REVISION without a revision.
 */
export function changeStatus(app: Application, to: ApplicationStatus, input: ChangeStatusInput): Application {
  const from = app.status;
  if (!canTransition(from, to, input.by)) throw new InvalidTransitionError(from, to, input.by.kind);
  const reason = input.reason?.trim();
  if (to === 'REJECTED' && !reason) throw new MissingReasonError(to, 'reason');
  const revision = input.revision;
  if (to === 'NEEDS_REVISION' && (!revision?.stepId.trim() || !revision.note.trim())) {
    throw new MissingReasonError(to, 'revision');
  }
  const note =
    input.note ?? (to === 'REJECTED' ? reason : to === 'NEEDS_REVISION' ? revision?.note : undefined);
  const next: Application = {
    ...app,
    status: to,
    statusHistory: [
      ...app.statusHistory,
      { from, to, at: input.at, by: input.by, ...(note !== undefined ? { note } : {}) },
    ],
    updatedAt: input.at,
  };
  if (to === 'REJECTED') next.rejectionReason = reason;
  if (to === 'NEEDS_REVISION' && revision) next.revision = { stepId: revision.stepId, note: revision.note };
  else delete next.revision;
  return next;
}
