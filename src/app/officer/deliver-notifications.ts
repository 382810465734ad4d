import { CHANNELS, type Channel } from '../../domain/application.js';
import type { ChannelSender } from '../../ports/channel-sender.js';
import type { Outbox, OutboxItem } from '../../ports/outbox.js';

/** What the notification worker needs. */
export interface DeliverNotificationsDeps {
  outbox: Outbox;
  senders: ChannelSender[];
  /** Unique per process (e.g. hostname + pid): the lease names who holds a row. */
  workerId: string;
  now: () => Date;
  /** Longer than the slowest send, or another worker takes the row over while it is in flight. */
  leaseMs?: number;
  batchSize?: number;
  /** Attempts before a row is marked failed (and shown in the console). */
  maxAttempts?: number;
  /** First retry delay; doubled per attempt, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

/** What one pass did, for logs and metrics. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  unreachable: number;
}

/** Delay before attempt `attempts + 1`: base * 2^(attempts-1), capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * One pass of the outbox worker: claims due rows with a lease (so several processes never send
 * the same row at once), sends each through its channel's sender, and records the outcome:
 * sent, retried later with exponential back-off, failed after `maxAttempts`, or unreachable.
 * Rows of a channel whose sender is not ready in this process are not claimed at all.
 * Delivery is at-least-once only across a crash between send and `markSent`.
 */
export async function deliverNotifications(deps: DeliverNotificationsDeps): Promise<DeliveryReport> {
  const leaseMs = deps.leaseMs ?? 60_000;
  const maxAttempts = deps.maxAttempts ?? 6;
  const base = deps.baseBackoffMs ?? 30_000;
  const cap = deps.maxBackoffMs ?? 3_600_000;
  const byChannel = new Map<Channel, ChannelSender>(deps.senders.map((s) => [s.channel, s]));
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, unreachable: 0 };
  // A channel whose sender is not ready here (WhatsApp without the number or while disconnected)
  // is left to the process that is: claiming its rows would only burn their attempts. A channel
  // with no sender at all is still claimed, and its rows are marked unreachable below.
  const channels = CHANNELS.filter((c) => byChannel.get(c)?.ready?.() ?? true);
  const rows = await deps.outbox.claimDue(deps.workerId, deps.now(), leaseMs, deps.batchSize ?? 20, channels);
  for (const row of rows) {
    const outcome = await sendOne(byChannel.get(row.channel), row);
    if (outcome.ok) {
      await deps.outbox.markSent(row.id);
      report.sent++;
    } else if (outcome.reason === 'unreachable') {
      await deps.outbox.markUnreachable(row.id, outcome.error);
      report.unreachable++;
    } else if (outcome.reason === 'failed' || row.attempts >= maxAttempts) {
      await deps.outbox.markFailed(row.id, outcome.error);
      report.failed++;
    } else {
      const at = new Date(deps.now().getTime() + backoffMs(row.attempts, base, cap));
      await deps.outbox.markRetry(row.id, outcome.error, at);
      report.retried++;
    }
  }
  return report;
}

async function sendOne(
  sender: ChannelSender | undefined,
  row: OutboxItem,
): Promise<{ ok: true } | { ok: false; reason: 'unreachable' | 'retry' | 'failed'; error: string }> {
  if (!sender) return { ok: false, reason: 'unreachable', error: `no sender for channel ${row.channel}` };
  try {
    return await sender.send(row.chatId, [{ kind: 'text', text: row.payload.text }]);
  } catch (err) {
    return { ok: false, reason: 'retry', error: err instanceof Error ? err.message : String(err) };
  }
}

/** A running worker loop; `stop` waits for the pass in flight. */
export interface NotificationWorker {
  stop(): Promise<void>;
}

/** Runs `deliverNotifications` every `intervalMs` until stopped; a failed pass is reported, not fatal. */
export function startNotificationWorker(
  deps: DeliverNotificationsDeps,
  intervalMs: number,
  onError: (err: unknown) => void,
): NotificationWorker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    // A slow pass is not stacked upon: the next tick after it finishes picks up the rest.
    if (stopped || running) return;
    running = deliverNotifications(deps)
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
