import type { MongoRepositories } from '../adapters/mongo/repositories.js';
import { startPeriodic, type PeriodicJob } from '../app/periodic.js';
import type { Logger } from '../config/logger.js';

/** Processed message ids are kept this long, so a redelivery within it is still recognised. */
const INBOUND_RETENTION_MS = 7 * 24 * 3600_000;

/**
 * The clean-ups every Loket process runs for itself: processed message ids past their retention
 * (a TTL index by hand: FerretDB has none) and the Cloud API's per-number marks past
 * RETENTION_DAYS, and, left off the hot path to save round trips per
 * message, the locks of finished guarded writes and the superseded versions of the chats this
 * process wrote.
 */
export function startHousekeeping(
  repos: MongoRepositories,
  logger: Logger,
  now: () => Date,
  retentionDays = 365,
): PeriodicJob {
  const purge = startPeriodic(
    async () => {
      await repos.inbound.purgeCompletedBefore(new Date(now().getTime() - INBOUND_RETENTION_MS));
      // The Cloud API's per-number marks (blind-indexed) are forgotten like idle conversations.
      await repos.cloudChats.forgetIdleBefore(new Date(now().getTime() - retentionDays * 86_400_000));
    },
    { intervalMs: 3600_000, onError: (err) => logger.warn({ err }, 'inbound purge failed') },
  );
  const sweep = startPeriodic(
    async () => {
      await Promise.all([repos.sweepLocks(), repos.sweepConversations()]);
    },
    { intervalMs: 60_000, onError: (err) => logger.warn({ err }, 'write-lock or conversation sweep failed') },
  );
  return {
    async stop() {
      await Promise.all([purge.stop(), sweep.stop()]);
    },
  };
}
