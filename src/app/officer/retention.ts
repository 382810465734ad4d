import type { Flow } from '../../catalog/flow-schema.js';
import type { AnswerValue, Application } from '../../domain/application.js';
import { maskNik } from '../../domain/nik.js';
import { runUnderLease } from '../lease-run.js';
import { isFinal } from '../../domain/status.js';
import type { ApplicationRepository, PendingEffect } from '../../ports/application-repository.js';
import { completeEffectsNow, type EffectCompletionDeps } from '../application-effects.js';
import type { ErasureCause } from '../privacy/erasure-cause.js';
import type { DocumentStore } from '../../ports/document-store.js';
import { ConcurrencyError } from '../../ports/errors.js';
import type { EventLog } from '../../ports/event-log.js';
import type { LeaseRepository } from '../../ports/lease.js';
import type { RetentionStore } from '../../ports/retention-store.js';

/** What the applicant's name becomes after erasure. */
export const ERASED_NAME = '[dihapus]';

/** The lease that keeps two processes from running retention at once. */
export const RETENTION_LEASE = 'job:retention';

const DAY_MS = 86_400_000;
/** Long enough for a run of `maxPerRun` applications; renewed after every batch anyway. */
const LEASE_TTL_MS = 10 * 60_000;

/** Answer kinds that say nothing about who the citizen is ("KTP hilang", "sudah menikah: ya"). */
const KEPT_KINDS = new Set(['choice', 'yes_no']);

/**
 * The application with its personal data erased (UU 27/2022: kept no longer than needed):
 * no documents, name replaced, NIK masked, phone and chat address gone, and of the answers
 * only the choices that identify nobody (kept for statistics). Status history stays without the
 * officers' free-text notes and the citizen's chat id; the rejection reason stays as the
 * record of the decision.
 */
export function erasePersonalData(app: Application, flow: Flow | undefined, at: Date): Application {
  const identifying = new Set(flow ? Object.values(flow.applicant) : []);
  const answers: Record<string, AnswerValue> = {};
  for (const step of flow?.steps ?? []) {
    if (!KEPT_KINDS.has(step.kind) || identifying.has(step.id)) continue;
    const value = app.answers[step.id];
    if (value !== undefined) answers[step.id] = value;
  }
  const erased: Application = {
    ...app,
    applicant: { name: ERASED_NAME, nik: maskNik(app.applicant.nik) },
    answers,
    documents: [],
    // A citizen actor id is `<channel>:<chat id>`, and a WhatsApp chat id is a phone number.
    statusHistory: app.statusHistory.map(({ note: _note, ...change }) =>
      change.by.kind === 'citizen' ? { ...change, by: { kind: 'citizen', id: 'dihapus' } } : change,
    ),
    // What was asked of an agency and its answer may name the case; who, when and how long stay.
    ...(app.agencySteps
      ? { agencySteps: app.agencySteps.map(({ answerNote: _a, ...s }) => ({ ...s, note: '[dihapus]' })) }
      : {}),
    updatedAt: at,
    erasedAt: at,
  };
  delete erased.revision;
  return erased;
}

/** What the retention job needs. */
export interface RetentionDeps {
  applications: ApplicationRepository;
  retention: RetentionStore;
  documents: DocumentStore;
  events: EventLog;
  leases: LeaseRepository;
  /** The flows, to tell identifying answers from plain choices. */
  flows: ReadonlyMap<string, Flow>;
  /** RETENTION_DAYS: days after the final status before the personal data goes. */
  retentionDays: number;
  /** This process (host:pid), the lease holder. */
  holder: string;
  now: () => Date;
  batchSize?: number;
  /** At most this many applications per run; the next run goes on. */
  maxPerRun?: number;
}

/** What one run did. */
export interface RetentionReport {
  /** False when another process held the lease. */
  ran: boolean;
  erased: number;
  documentsDeleted: number;
  skipped: number;
}

/**
 * Erases the personal data of applications completed, rejected or cancelled more than
 * RETENTION_DAYS ago: the record first, carrying its follow-ups (the GridFS files to delete and an
 * audit event with the system as actor), which are then completed; a run cut short leaves them to
 * the follow-up reconciler, and deleting a missing file is harmless. Runs only under the retention lease, so several processes never run it at once.
 */
export async function runRetention(deps: RetentionDeps): Promise<RetentionReport> {
  const started = deps.now();
  const report = await runUnderLease(deps, RETENTION_LEASE, LEASE_TTL_MS, async (renew) => {
    const r: RetentionReport = { ran: true, erased: 0, documentsDeleted: 0, skipped: 0 };
    const batchSize = deps.batchSize ?? 50;
    const maxPerRun = deps.maxPerRun ?? 500;
    const cutoff = new Date(started.getTime() - deps.retentionDays * DAY_MS);
    const seen = new Set<string>();
    while (r.erased + r.skipped < maxPerRun) {
      const batch = (await deps.retention.listErasable(cutoff, batchSize)).filter((a) => !seen.has(a.id));
      if (batch.length === 0) break;
      for (const app of batch) {
        seen.add(app.id);
        if (await eraseOne(deps, app, cutoff, r)) r.erased++;
        else r.skipped++;
      }
      if (!(await renew())) break;
    }
    return r;
  });
  return report ?? { ran: false, erased: 0, documentsDeleted: 0, skipped: 0 };
}

async function eraseOne(
  deps: RetentionDeps,
  app: Application,
  cutoff: Date,
  report: RetentionReport,
): Promise<boolean> {
  const finishedAt = app.statusHistory.at(-1)?.at ?? app.updatedAt;
  if (!isFinal(app.status) || app.erasedAt || finishedAt >= cutoff) return false;
  const deleted = await eraseFinishedApplication(deps, app, {
    actor: { kind: 'system', id: 'retention' },
    at: deps.now(),
    why: { retentionDays: deps.retentionDays, finishedAt: finishedAt.toISOString() },
  });
  // Changed meanwhile: the next run looks at it again.
  if (deleted === undefined) return false;
  report.documentsDeleted += deleted;
  return true;
}

/** What erasing one finished application needs, whoever asks for it. */
export interface ApplicationErasureDeps extends EffectCompletionDeps {
  /** The flows, to tell identifying answers from plain choices. */
  flows: ReadonlyMap<string, Flow>;
}

/**
 * The one rule for erasing a finished application, for retention and a citizen's deletion
 * request alike: the officers' notes leave its audit events, then the record is saved without its
 * personal data (`erasePersonalData`) carrying its follow-ups, the files to delete and one
 * `application.personal_data_erased` event, which are completed at once (or by the reconciler
 * after a crash: deleting a missing file is harmless). A save that loses to a concurrent change
 * deletes nothing: undefined. Otherwise the number of files deleted.
 */
export async function eraseFinishedApplication(
  deps: ApplicationErasureDeps,
  app: Application,
  cause: ErasureCause,
): Promise<number | undefined> {
  const erased = erasePersonalData(app, deps.flows.get(app.serviceId), cause.at);
  const documentIds = app.documents.map((d) => d.id);
  const followUp: PendingEffect = {
    id: `erase:${app.id}`,
    at: cause.at,
    audit: {
      type: 'application.personal_data_erased',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor: cause.actor,
      at: cause.at,
      data: {
        ...cause.why,
        status: app.status,
        documentsDeleted: documentIds.length,
        answersRemoved: Object.keys(app.answers).length - Object.keys(erased.answers).length,
      },
    },
    ...(documentIds.length > 0 ? { deleteDocuments: documentIds } : {}),
  };
  // The notes first: a save that then loses is erased next time anyway.
  await deps.events.eraseNotes(app.id);
  try {
    await deps.applications.save(erased, app.version, { effects: [followUp] });
  } catch (err) {
    if (err instanceof ConcurrencyError) return undefined;
    throw err;
  }
  await completeEffectsNow(deps, app.id, [followUp]);
  return documentIds.length;
}
