import type { Application, ApplicationStatus, RevisionRequest } from '../../domain/application.js';
import {
  InvalidTransitionError,
  MissingReasonError,
  changeStatus as applyStatus,
} from '../../domain/status.js';
import type { PendingEffect } from '../../ports/application-repository.js';
import { ConcurrencyError } from '../../ports/errors.js';
import { completeEffectsNow, type EffectCompletionDeps } from '../application-effects.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import type { PushConversationEvent } from './push-conversation-event.js';
import { assertInScope } from './scope.js';
import { noticeToApplicant } from '../citizen-lang.js';
import { statusNotice } from './status-notice.js';
import type { ConversationStore } from '../../ports/conversation-store.js';

/** What changing a status needs from the rest of the program. */
export interface ChangeStatusDeps extends EffectCompletionDeps {
  push: PushConversationEvent;
  /** For the citizen's language in the notice. */
  conversations: Pick<ConversationStore, 'read'>;
  now: () => Date;
}

/** An officer's status decision, as the console and the API send it. */
export interface ChangeStatusRequest {
  applicationId: string;
  to: ApplicationStatus;
  note?: string;
  /** Required for REJECTED. */
  reason?: string;
  /** Required for NEEDS_REVISION: which answer or document the citizen must fix. */
  revision?: RevisionRequest;
  /** The version the officer saw; a stale page gets a conflict instead of overwriting. */
  expectedVersion?: number;
}

/** The saved application and whether the citizen's chat was told at once (the outbox follows anyway). */
export interface ChangeStatusResult {
  application: Application;
  notified: boolean;
}

/**
 * Moves an application along the lifecycle for an officer: only allowed transitions (the
 * domain decides), only within the officer's office subtree, with an audit event (before and
 * after) and an outbox row keyed `status:<id>:<version>` so the citizen hears of it exactly once.
 * Both are follow-ups saved by the same write as the status (no transactions on FerretDB), then
 * completed; after a crash in between, the reconciler completes them.
 * NEEDS_REVISION also tells the citizen's conversation which one step to ask again.
 */
export async function changeApplicationStatus(
  deps: ChangeStatusDeps,
  officer: OfficerActor,
  req: ChangeStatusRequest,
): Promise<ChangeStatusResult> {
  const app = await deps.applications.findById(req.applicationId);
  if (!app) throw new OfficerActionError('not_found', 'Permohonan tidak ditemukan (application not found).');
  assertInScope(officer, app.officeId);
  if (req.expectedVersion !== undefined && req.expectedVersion !== app.version) throw staleError();
  if (req.to === 'NEEDS_REVISION' && req.revision && !hasStep(app, req.revision.stepId)) {
    throw new OfficerActionError('invalid', 'Langkah yang diminta diperbaiki tidak ada di permohonan ini.', {
      'revision.stepId': 'Pilih salah satu jawaban atau dokumen permohonan ini.',
    });
  }
  const at = deps.now();
  let next: Application;
  try {
    next = applyStatus(app, req.to, {
      by: actorOf(officer),
      at,
      ...(req.note?.trim() ? { note: req.note.trim() } : {}),
      ...(req.reason !== undefined ? { reason: req.reason } : {}),
      ...(req.revision ? { revision: req.revision } : {}),
    });
  } catch (err) {
    if (err instanceof InvalidTransitionError) throw new OfficerActionError('conflict', err.message);
    if (err instanceof MissingReasonError) {
      const field = err.field === 'reason' ? 'reason' : 'revision';
      throw new OfficerActionError('invalid', err.message, { [field]: err.message });
    }
    throw err;
  }
  const effect = await statusEffect(deps, officer, app, { ...next, version: app.version + 1 }, at);
  let saved: Application;
  try {
    saved = await deps.applications.save(next, app.version, { effects: [effect] });
  } catch (err) {
    if (err instanceof ConcurrencyError) throw staleError();
    throw err;
  }
  await completeEffectsNow(deps, saved.id, [effect]);
  const contact = saved.applicant.contact;
  if (!contact) return { application: saved, notified: false };
  if (saved.status !== 'NEEDS_REVISION' || !saved.revision) return { application: saved, notified: false };
  try {
    await deps.push(contact, {
      kind: 'revision_requested',
      trackingNumber: saved.trackingNumber,
      serviceId: saved.serviceId,
      stepId: saved.revision.stepId,
      note: saved.revision.note,
    });
    return { application: saved, notified: true };
  } catch {
    // The outbox row still tells the citizen; the bot asks for the fix when they write next.
    return { application: saved, notified: false };
  }
}

/** The audit event and the citizen's notice of a status change, as one follow-up of its save. */
async function statusEffect(
  deps: ChangeStatusDeps,
  officer: OfficerActor,
  app: Application,
  after: Application,
  at: Date,
): Promise<PendingEffect> {
  const id = `status:${after.id}:${after.version}`;
  const note = after.statusHistory.at(-1)?.note;
  return {
    id,
    at,
    audit: {
      type: 'application.status_changed',
      applicationId: after.id,
      trackingNumber: after.trackingNumber,
      officeId: after.officeId,
      actor: actorOf(officer),
      at,
      before: { status: app.status, version: app.version },
      after: {
        status: after.status,
        version: after.version,
        ...(note ? { note } : {}),
        ...(after.revision ? { revision: { ...after.revision } } : {}),
      },
    },
    ...(await noticeToApplicant(deps.conversations, after.applicant, id, (lang) =>
      statusNotice(after, lang),
    )),
  };
}

function hasStep(app: Application, stepId: string): boolean {
  return stepId in app.answers || app.documents.some((d) => d.stepId === stepId);
}

function staleError(): OfficerActionError {
  return new OfficerActionError(
    'conflict',
    'Permohonan sudah diubah orang lain; muat ulang halaman lalu coba lagi (changed by someone else).',
  );
}
