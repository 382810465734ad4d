import type { MongoRepositories } from '../adapters/mongo/repositories.js';
import { startPeriodic, type PeriodicJob } from '../app/periodic.js';
import type { Logger } from '../config/logger.js';

/** Processed message ids are kept this long, so a redelivery within it is still recognised. */
const INBOUND_RETENTION_MS = 7 * 24 * 3600_000;

/**
 * The clean-ups every Loket process runs for itself: processed message ids and the tries
 * recorded at inbound messages past their retention (a TTL index by hand: FerretDB has none),
 * the Cloud API's per-number marks past RETENTION_DAYS and webhook items never handled past
 * OUTBOX_DAYS, and, left off the hot path to save round trips per message, the locks of
 * finished guarded writes and the superseded versions of the chats this process wrote.
 */
export function startHousekeeping(
  repos: MongoRepositories,
  logger: Logger,
  now: () => Date,
  days: { retention: number; outbox: number } = { retention: 365, outbox: 30 },
): PeriodicJob {
  const before = (d: number) => new Date(now().getTime() - d * 86_400_000);
  const purge = startPeriodic(
    async () => {
      await repos.inbound.purgeCompletedBefore(new Date(now().getTime() - INBOUND_RETENTION_MS));
      // Tries at a message last tried that long ago: a parked one's, or a forgetting that failed.
      await repos.inboundAttempts.purgeBefore(new Date(now().getTime() - INBOUND_RETENTION_MS));
      // The Cloud API's per-number marks (blind-indexed) are forgotten like idle conversations;
      // webhook items never handled (the channel turned off) go like settled outbox rows.
      await repos.cloudChats.forgetIdleBefore(before(days.retention));
      await repos.inboundQueue.purgeReceivedBefore(before(days.outbox));
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
