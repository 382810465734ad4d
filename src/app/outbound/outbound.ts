import { CHANNELS } from '../../domain/application.js';
import type { NewOutboxItem, OutboxLane } from '../../ports/outbox.js';
import { sendLane, type LaneReport, type SendLaneDeps } from './send-lane.js';

/** The one way out to citizens: record, then send each chat's messages in order. */
export interface Outbound {
  /** Records messages (idempotent by key) and sends their chats' lanes; resolves once tried. */
  deliver(items: readonly NewOutboxItem[]): Promise<void>;
  /** Records messages only (idempotent by key); answers how many were new. */
  record(items: readonly NewOutboxItem[]): Promise<number>;
  /** Sends what a chat has waiting, now, in this process; resolves once tried. */
  flush(lane: OutboxLane): Promise<LaneReport>;
  /** One worker pass: every chat with something due. */
  pass(limit?: number): Promise<LaneReport>;
}

/** Lanes sent at once by a pass: enough to overlap network waits, few enough for the database. */
const PASS_CONCURRENCY = 8;
/** A lane held by another process is tried again after this, in case it finished before our rows came. */
const BUSY_RETRY_MS = 1_000;

const laneKey = (lane: OutboxLane): string => `${lane.channel}:${lane.chatId}`;

/** Resolves when `before` settles, or after `ms` if it has not by then. */
function afterAtMost(before: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!before) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void before.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

/**
 * The outbound path shared by the bot's replies, officer messages and notices. Runs of one lane
 * in this process are chained, so a flush after a recording always sees the rows recorded.
 */
export function createOutbound(deps: SendLaneDeps): Outbound {
  const chains = new Map<string, Promise<LaneReport>>();

  const flush = (lane: OutboxLane): Promise<LaneReport> => {
    const key = laneKey(lane);
    // After the run before it, but never stuck behind a send that hangs: past the lane's lease
    // that run has lost the lane anyway, and the lease decides who sends.
    const run = afterAtMost(chains.get(key), deps.laneLeaseMs ?? 20_000).then(() => sendLane(deps, lane));
    chains.set(key, run);
    void run
      .finally(() => {
        if (chains.get(key) === run) chains.delete(key);
      })
      .then((report) => {
        if (report.busy) setTimeout(() => void flush(lane).catch(() => undefined), BUSY_RETRY_MS).unref();
      })
      .catch(() => undefined);
    return run;
  };

  return {
    flush,
    record: (items) => deps.outbox.enqueue(items),
    async deliver(items) {
      if (items.length === 0) return;
      await deps.outbox.enqueue(items);
      const lanes = new Map(items.map((i) => [laneKey(i), { channel: i.channel, chatId: i.chatId }]));
      await Promise.all([...lanes.values()].map((l) => flush(l)));
    },
    async pass(limit = 100) {
      const channels = CHANNELS.filter((c) => {
        const s = deps.senders.get(c);
        return s !== undefined && (s.ready?.() ?? true);
      });
      const lanes = await deps.outbox.dueLanes(deps.now(), limit, channels);
      const total: LaneReport = { sent: 0, retried: 0, failed: 0, unreachable: 0, busy: false };
      for (let i = 0; i < lanes.length; i += PASS_CONCURRENCY) {
        const reports = await Promise.all(lanes.slice(i, i + PASS_CONCURRENCY).map(flush));
        for (const r of reports) {
          total.sent += r.sent;
          total.retried += r.retried;
          total.failed += r.failed;
          total.unreachable += r.unreachable;
        }
      }
      return total;
    },
  };
}
