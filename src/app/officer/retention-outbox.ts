import { runUnderLease, type LeaseRunDeps } from '../lease-run.js';
import type { RetentionStore } from '../../ports/retention-store.js';

/** The lease that keeps two processes from purging the outbox at once. */
export const OUTBOX_RETENTION_LEASE = 'job:outbox-retention';

const DAY_MS = 86_400_000;
const LEASE_TTL_MS = 10 * 60_000;

/** What the outbox purge needs. */
export interface OutboxRetentionDeps extends LeaseRunDeps {
  retention: Pick<RetentionStore, 'deleteSettledOutbox' | 'deleteDeadLettersBefore'>;
  /** OUTBOX_DAYS: days after a row was sent (or given up), or a message parked, before it goes. */
  outboxDays: number;
  batchSize?: number;
  /** At most this many rows per run; the next run goes on. */
  maxPerRun?: number;
}

/** What one run did; `ran` is false when another process held the lease. */
export interface OutboxRetentionReport {
  ran: boolean;
  deleted: number;
  /** Parked messages (dead letters) deleted. */
  deadLetters: number;
}

/**
 * Deletes outbox rows sent, or given up (failed, unreachable), more than OUTBOX_DAYS ago: they
 * hold what was said to a citizen and their chat id (a WhatsApp chat id is a phone number), and
 * once final they only serve the console's "not delivered" list for a while. A row still to be
 * sent is never deleted. In batches, under its lease; not audited row by row (the log says how
 * many), as a row is a copy of a message, not a record of a decision. Messages parked as dead
 * letters (they name a chat) go after the same time.
 */
export async function purgeOutbox(deps: OutboxRetentionDeps): Promise<OutboxRetentionReport> {
  const before = new Date(deps.now().getTime() - deps.outboxDays * DAY_MS);
  const batchSize = deps.batchSize ?? 500;
  const maxPerRun = deps.maxPerRun ?? 20_000;
  const report = await runUnderLease(deps, OUTBOX_RETENTION_LEASE, LEASE_TTL_MS, async (renew) => {
    let deleted = 0;
    while (deleted < maxPerRun) {
      const n = await deps.retention.deleteSettledOutbox(before, batchSize);
      deleted += n;
      if (n < batchSize || !(await renew())) break;
    }
    let deadLetters = 0;
    while (deadLetters < maxPerRun) {
      const n = await deps.retention.deleteDeadLettersBefore(before, batchSize);
      deadLetters += n;
      if (n < batchSize || !(await renew())) break;
    }
    return { ran: true, deleted, deadLetters };
  });
  return report ?? { ran: false, deleted: 0, deadLetters: 0 };
}
