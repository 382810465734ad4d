import { runUnderLease, type LeaseRunDeps } from '../lease-run.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { ErasableHandoff, RetentionStore } from '../../ports/retention-store.js';

/** The lease that keeps two processes from erasing handoffs at once. */
export const HANDOFF_RETENTION_LEASE = 'job:handoff-retention';

const DAY_MS = 86_400_000;
const LEASE_TTL_MS = 10 * 60_000;

/** What the handoff erasure needs. */
export interface HandoffRetentionDeps extends LeaseRunDeps {
  retention: Pick<RetentionStore, 'listErasableHandoffs' | 'eraseHandoff'>;
  documents: Pick<DocumentStore, 'delete' | 'attach'>;
  applications: Pick<ApplicationRepository, 'findByDocumentId'>;
  events: EventLog;
  /** RETENTION_DAYS: days after a handoff closed before its personal data goes. */
  retentionDays: number;
  batchSize?: number;
  /** At most this many handoffs per run; the next run goes on. */
  maxPerRun?: number;
}

/** What one run did; `ran` is false when another process held the lease. */
export interface HandoffRetentionReport {
  ran: boolean;
  erased: number;
  documentsDeleted: number;
  /** Files of an erased handoff that an application lists: its own retention governs them. */
  documentsKept: number;
}

/**
 * Erases the personal data of handoffs closed more than RETENTION_DAYS ago: the transcript (what
 * the citizen and officers wrote, the bot conversation before it), the officers' notes, the
 * citizen's display name and chat id; the times, office, officer, reason and resolution stay for
 * the dashboard. The files its transcript carries are deleted, except one an application lists
 * (added to it by an officer, or the citizen's own upload): the application's retention governs
 * that one. Each erasure is an audit event with the system as actor. Under its lease.
 */
export async function eraseClosedHandoffs(deps: HandoffRetentionDeps): Promise<HandoffRetentionReport> {
  const cutoff = new Date(deps.now().getTime() - deps.retentionDays * DAY_MS);
  const batchSize = deps.batchSize ?? 50;
  const maxPerRun = deps.maxPerRun ?? 500;
  const report = await runUnderLease(deps, HANDOFF_RETENTION_LEASE, LEASE_TTL_MS, async (renew) => {
    const r: HandoffRetentionReport = { ran: true, erased: 0, documentsDeleted: 0, documentsKept: 0 };
    const seen = new Set<string>();
    while (seen.size < maxPerRun) {
      const batch = (await deps.retention.listErasableHandoffs(cutoff, batchSize)).filter(
        (h) => !seen.has(h.id),
      );
      if (batch.length === 0) break;
      for (const handoff of batch) {
        seen.add(handoff.id);
        await eraseOne(deps, handoff, r);
      }
      if (!(await renew())) break;
    }
    return r;
  });
  return report ?? { ran: false, erased: 0, documentsDeleted: 0, documentsKept: 0 };
}

async function eraseOne(
  deps: HandoffRetentionDeps,
  handoff: ErasableHandoff,
  report: HandoffRetentionReport,
): Promise<void> {
  const at = deps.now();
  // The record first: a run cut short after it leaves files no transcript names, which the
  // orphan sweep deletes (they are pending uploads) unless an application lists them, and no
  // audit event (the record's `erasedAt` still says when).
  if (!(await deps.retention.eraseHandoff(handoff.id, at))) return;
  let deleted = 0;
  let kept = 0;
  for (const documentId of new Set(handoff.documentIds)) {
    const app = await deps.applications.findByDocumentId(documentId);
    if (app) {
      await deps.documents.attach(documentId, app.id);
      kept++;
    } else {
      await deps.documents.delete(documentId);
      deleted++;
    }
  }
  await deps.events.append({
    type: 'handoff.personal_data_erased',
    actor: { kind: 'system', id: 'retention' },
    at,
    ...(handoff.officeId ? { officeId: handoff.officeId } : {}),
    data: {
      ticketId: handoff.id,
      retentionDays: deps.retentionDays,
      closedAt: handoff.closedAt.toISOString(),
      linesRemoved: handoff.lines,
      documentsDeleted: deleted,
      documentsKept: kept,
    },
  });
  report.erased++;
  report.documentsDeleted += deleted;
  report.documentsKept += kept;
}
