import type { Channel } from '../../domain/application.js';
import type { ChannelSender, OutgoingFile, SendResult } from '../../ports/channel-sender.js';
import type { LeaseRepository } from '../../ports/lease.js';
import type { Outbox, OutboxFile, OutboxItem, OutboxLane } from '../../ports/outbox.js';
import { runUnderLease } from '../lease-run.js';

/** How an outbound message ended, for whoever waits on it (an officer's reply line). */
export type Settled =
  | { state: 'sent'; at: Date }
  | { state: 'failed'; at: Date; reason: 'unreachable' | 'failed'; error: string };

/**
 * Reads the bytes of a file row when its lane sends it (the row names the file, never carries
 * it); `undefined` when the file is gone for good, and the row fails. A rejection is retried.
 */
export type OutboxFileSource = (row: OutboxItem & { file: OutboxFile }) => Promise<OutgoingFile | undefined>;

/** What sending a chat's outbound messages needs. */
export interface SendLaneDeps {
  outbox: Outbox;
  leases: LeaseRepository;
  senders: ReadonlyMap<Channel, ChannelSender>;
  /** This process in the lane lease (host:pid:random). */
  workerId: string;
  now: () => Date;
  /**
   * How long a lane stays its holder's unrenewed (renewed as it sends): a lane whose holder died
   * is taken over after it, so a restart delays a chat's messages at most this long.
   */
  laneLeaseMs?: number;
  /** Attempts before a message is marked failed and shown in the console. */
  maxAttempts?: number;
  /** First retry delay; doubled per attempt, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Reads a file row's bytes as it is sent; without it a file row fails (shown in the console). */
  files?: OutboxFileSource;
  /** Told of every message that ended (sent, failed for good, unreachable); a failure is ignored. */
  onSettled?: (item: OutboxItem, settled: Settled) => Promise<void>;
}

/** What one run of a lane did. */
export interface LaneReport {
  sent: number;
  retried: number;
  failed: number;
  unreachable: number;
  /** Another process held the lane: it sends what is there. */
  busy: boolean;
}

/** Rows read per round, and rounds per run (rows recorded meanwhile are picked up by the next round). */
const BATCH = 20;
const MAX_ROUNDS = 10;

/** Delay before attempt `attempts + 1`: base * 2^(attempts-1), capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The lease that makes one process at a time the sender of a chat. */
export function laneLeaseName(lane: OutboxLane): string {
  return `outbox:${lane.channel}:${lane.chatId}`;
}

/**
 * Sends one chat's outbound messages in order, under the chat's lane lease. A message that is
 * to be retried stops the lane (the later ones wait behind it, so the citizen never reads them
 * out of order); one that failed for good or whose chat is unreachable is recorded and the lane
 * goes on. A row left `sending` by a process that died is sent again: at least once.
 */
export async function sendLane(deps: SendLaneDeps, lane: OutboxLane): Promise<LaneReport> {
  const report: LaneReport = { sent: 0, retried: 0, failed: 0, unreachable: 0, busy: false };
  const sender = deps.senders.get(lane.channel);
  // Not this process's channel (or not connected now): left, untouched, for a process that is.
  if (!sender || !(sender.ready?.() ?? true)) return report;
  const ttl = deps.laneLeaseMs ?? 20_000;
  const ran = await runUnderLease(
    { leases: deps.leases, holder: deps.workerId, now: deps.now },
    laneLeaseName(lane),
    ttl,
    async (renew) => {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const rows = await deps.outbox.listLane(lane, BATCH);
        if (rows.length === 0 || !(await sendRows(deps, sender, rows, ttl, report, renew))) break;
      }
      return true;
    },
  );
  // Only a lease another process holds is "busy": an empty lane of our own is simply done.
  report.busy = ran === undefined;
  return report;
}

/** Sends rows in order, renewing the lane; answers false when the lane must stop (a retry is due later, or the lane is lost). */
async function sendRows(
  deps: SendLaneDeps,
  sender: ChannelSender,
  rows: OutboxItem[],
  ttl: number,
  report: LaneReport,
  renew: () => Promise<boolean>,
): Promise<boolean> {
  let renewedAt = deps.now().getTime();
  for (const row of rows) {
    const now = deps.now();
    if (now.getTime() - renewedAt > ttl / 3) {
      // Taken over (this process stalled past the lease): the new holder sends the rest.
      if (!(await renew())) return false;
      renewedAt = now.getTime();
    }
    // Only a retry waits for its time: a new row goes at once, whatever clock recorded it.
    if (row.status === 'pending' && row.attempts > 0 && row.nextAttemptAt.getTime() > now.getTime())
      return false;
    // A row another run is sending now (this process holds the lease again, so the lease cannot
    // tell the runs apart): left to that run. Once its sending time lapses (that run died with
    // its process) it is sent again: at least once, never twice at once.
    if (row.status === 'sending' && row.nextAttemptAt.getTime() > now.getTime()) return false;
    await deps.outbox.markSending(row.id, new Date(now.getTime() + ttl));
    const outcome = await sendOne(deps, sender, row);
    const attempts = row.attempts + 1;
    if (outcome.ok) {
      await deps.outbox.markSent(row.id, deps.now(), outcome.providerIds);
      report.sent++;
      await settle(deps, row, { state: 'sent', at: deps.now() });
    } else if (outcome.reason === 'retry' && attempts < (deps.maxAttempts ?? 8)) {
      const wait = backoffMs(attempts, deps.baseBackoffMs ?? 5_000, deps.maxBackoffMs ?? 3_600_000);
      await deps.outbox.markRetry(row.id, outcome.error, new Date(deps.now().getTime() + wait));
      report.retried++;
      return false;
    } else {
      const reason = outcome.reason === 'unreachable' ? 'unreachable' : 'failed';
      if (reason === 'unreachable') await deps.outbox.markUnreachable(row.id, outcome.error);
      else await deps.outbox.markFailed(row.id, outcome.error);
      report[reason]++;
      await settle(deps, row, { state: 'failed', at: deps.now(), reason, error: outcome.error });
    }
  }
  return true;
}

async function sendOne(deps: SendLaneDeps, sender: ChannelSender, row: OutboxItem): Promise<SendResult> {
  try {
    if (!row.file) return await sender.send(row.chatId, [row.reply], { messageId: row.id });
    // Nothing to wait for: a channel without files, or a file gone for good, never gets better.
    if (!sender.sendFile || !deps.files)
      return { ok: false, reason: 'failed', error: `no file sending on ${row.channel}` };
    const file = await deps.files({ ...row, file: row.file });
    if (!file) return { ok: false, reason: 'failed', error: 'file no longer stored' };
    return await sender.sendFile(row.chatId, file, { messageId: row.id });
  } catch (err) {
    return { ok: false, reason: 'retry', error: err instanceof Error ? err.message : String(err) };
  }
}

async function settle(deps: SendLaneDeps, row: OutboxItem, settled: Settled): Promise<void> {
  await deps.onSettled?.(row, settled).catch(() => undefined);
}
