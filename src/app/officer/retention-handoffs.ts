import { runUnderLease, type LeaseRunDeps } from '../lease-run.js';
import type { ErasableHandoff } from '../../ports/handoff-repository.js';
import type { RetentionStore } from '../../ports/retention-store.js';
import { eraseHandoff, type HandoffErasureDeps } from '../privacy/erase-handoff.js';

/** The lease that keeps two processes from erasing handoffs at once. */
export const HANDOFF_RETENTION_LEASE = 'job:handoff-retention';

const DAY_MS = 86_400_000;
const LEASE_TTL_MS = 10 * 60_000;

/** What the handoff erasure needs. */
export interface HandoffRetentionDeps extends LeaseRunDeps, HandoffErasureDeps {
  retention: Pick<RetentionStore, 'listErasableHandoffs'>;
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
 * Erases the personal data of handoffs closed more than RETENTION_DAYS ago, each by the one
 * handoff erasure (`eraseHandoff`: the transcript, notes, name, chat id, survey comment and files
 * go; what the dashboard counts stays), audited with the system as actor. Under its lease.
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
  const erased = await eraseHandoff(deps, handoff, {
    actor: { kind: 'system', id: 'retention' },
    at: deps.now(),
    why: { retentionDays: deps.retentionDays },
  });
  if (!erased) return;
  report.erased++;
  report.documentsDeleted += erased.documentsDeleted;
  report.documentsKept += erased.documentsKept;
}
