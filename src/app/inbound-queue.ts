import type { Logger } from '../config/logger.js';
import type { Channel } from '../domain/application.js';
import type { DeadLetterStore } from '../ports/dead-letter-store.js';
import type { InboundAttemptLog } from '../ports/inbound-attempts.js';
import type { InboundQueue, QueuedInbound } from '../ports/inbound-queue.js';
import type { LeaseRepository } from '../ports/lease.js';
import type { NewOutboxItem } from '../ports/outbox.js';
import { makeUnfinishedTries, type UnfinishedTries } from './inbound-tries.js';
import { runUnderLease } from './lease-run.js';
import { backoffMs } from './outbound/send-lane.js';

/**
 * How a channel handles one stored webhook item. `handle` answers `done`, or `busy` when another
 * process holds the message (tried again soon, not counted); it throws when the item failed.
 */
export interface QueuedItemHandler {
  channel: Channel;
  handle(payload: string): Promise<'done' | 'busy'>;
  /** What a dead letter records of the item: never its content. */
  describe(payload: string): { messageId: string; chatId?: string; kind: string };
  /** The message telling the citizen an officer can help, once the item is parked; none for a receipt. */
  parkedNotice(payload: string): NewOutboxItem | undefined;
}

/** What the worker needs besides the handler. */
export interface InboundQueueDeps {
  queue: InboundQueue;
  leases: LeaseRepository;
  deadLetters: DeadLetterStore;
  /** Delivers the parked notice through the outbound path. */
  deliver: (items: readonly NewOutboxItem[]) => Promise<void>;
  /** Whether the database answers now: a failure while it does not is the outage's, never counted. */
  databaseHealthy: () => Promise<boolean>;
  holder: string;
  now: () => Date;
  logger: Logger;
  /**
   * Failures with the database healthy, and tries that never finished (they crashed or hung the
   * process), after which an item is parked in the dead letters.
   */
  maxAttempts: number;
  /** Where each try is recorded before it runs; without it a try that never finishes is never counted. */
  attempts?: InboundAttemptLog;
  /** How long a lane stays this process's unrenewed. */
  laneLeaseMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

/** What one pass did. */
export interface QueuePassReport {
  done: number;
  retried: number;
  parked: number;
}

/** The worker of one channel's stored webhook items. */
export interface InboundQueueWorker {
  /**
   * Handles every lane with an item due now; resolves once tried. Passes of one worker run one
   * after the other: a lane lease is per process, so two passes at once could take one item twice.
   */
  pass(): Promise<QueuePassReport>;
  /** Asks for a pass soon (items were just stored); calls while one waits make no second one. */
  kick(): void;
  /** Resolves once no pass runs or waits (shutdown, before the database closes). */
  idle(): Promise<void>;
}

/** A busy item (another process holds its message) is looked at again after this. */
const BUSY_RETRY_MS = 1_000;
const LANES_PER_PASS = 50;
const ITEMS_PER_LANE = 20;

/**
 * Handles the webhook items the channel stored before answering its provider: each lane (a
 * chat) under a lease, so two processes never take the same item and a chat's messages are
 * handled in order; an item is removed once handled. A failure stops its lane until its back-off
 * has passed: counted only while the database answers, and after `maxAttempts` counted failures
 * the item is parked in the dead letters, the citizen told through the outbound path, and the
 * lane goes on. A try that never finished (it crashed or hung the process, so the item stays and
 * every restart would take it again) counts too: tries are recorded before they run. Handling is idempotent (the inbound use case is keyed by the provider's message
 * id, receipts only move forward), so an item handled twice after a crash changes nothing.
 */
export function makeInboundQueueWorker(
  deps: InboundQueueDeps,
  handler: QueuedItemHandler,
): InboundQueueWorker {
  const ttl = deps.laneLeaseMs ?? 60_000;
  const tries = makeUnfinishedTries(deps.attempts, deps.now);
  const runLane = async (lane: string, report: QueuePassReport): Promise<void> => {
    await runUnderLease(
      { leases: deps.leases, holder: deps.holder, now: deps.now },
      `inbound:${handler.channel}:${lane}`,
      ttl,
      async (renew) => {
        const items = await deps.queue.listLane(handler.channel, lane, ITEMS_PER_LANE);
        for (const item of items) {
          if (item.dueAt.getTime() > deps.now().getTime()) return;
          if (!(await handleItem(deps, handler, tries, item, report))) return;
          if (!(await renew())) return;
        }
      },
    );
  };
  const onePass = async (): Promise<QueuePassReport> => {
    const report: QueuePassReport = { done: 0, retried: 0, parked: 0 };
    const lanes = await deps.queue.dueLanes(handler.channel, deps.now(), LANES_PER_PASS);
    await Promise.all(lanes.map((lane) => runLane(lane, report)));
    return report;
  };
  let chain: Promise<unknown> = Promise.resolve();
  let kicked = false;
  const pass = (): Promise<QueuePassReport> => {
    const run = chain.then(onePass);
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    pass,
    kick() {
      if (kicked) return;
      kicked = true;
      void chain
        .then(() => {
          kicked = false;
          return pass();
        })
        .catch((err: unknown) => deps.logger.error({ err }, 'inbound webhook queue pass failed'));
    },
    async idle() {
      // A kick queued meanwhile chains one more pass: wait until the chain stops growing.
      for (let seen: Promise<unknown> | undefined; seen !== chain;) {
        seen = chain;
        await seen;
      }
    },
  };
}

/** Handles one item; answers whether its lane may go on to the next. */
async function handleItem(
  deps: InboundQueueDeps,
  handler: QueuedItemHandler,
  tries: UnfinishedTries,
  item: QueuedInbound,
  report: QueuePassReport,
): Promise<boolean> {
  const unfinished = await tries.begin(handler.channel, item.id);
  if (item.attempts + unfinished >= deps.maxAttempts) {
    const error = 'Unfinished: handling never finished (the process stopped or hung)';
    await park(deps, handler, item, item.attempts + unfinished, error);
    await tries.end(handler.channel, item.id, true);
    report.parked++;
    return true;
  }
  let outcome: 'done' | 'busy';
  try {
    outcome = await handler.handle(item.payload);
  } catch (err) {
    // A parked item (the lane goes on) left the queue; a retried one waits with its failure
    // counted by the queue (or not, the database being away): either way this try ended.
    let goOn = false;
    try {
      goOn = await failed(deps, handler, item, err, report);
    } finally {
      await tries.end(handler.channel, item.id, goOn);
    }
    return goOn;
  }
  await tries.end(handler.channel, item.id, outcome === 'done');
  if (outcome === 'busy') {
    await deps.queue.retry(item.id, new Date(deps.now().getTime() + BUSY_RETRY_MS), item.attempts);
    report.retried++;
    return false;
  }
  await deps.queue.remove(item.id);
  report.done++;
  return true;
}

async function failed(
  deps: InboundQueueDeps,
  handler: QueuedItemHandler,
  item: QueuedInbound,
  err: unknown,
  report: QueuePassReport,
): Promise<boolean> {
  const healthy = await deps.databaseHealthy().catch(() => false);
  const attempts = healthy ? item.attempts + 1 : item.attempts;
  const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (healthy && attempts >= deps.maxAttempts) {
    await park(deps, handler, item, attempts, error);
    report.parked++;
    return true;
  }
  deps.logger.warn(
    { item: item.id.slice(0, 40), attempts, healthy, err: { message: error.slice(0, 200) } },
    'inbound webhook item failed; tried again later',
  );
  const wait = backoffMs(Math.max(1, attempts), deps.baseBackoffMs ?? 2_000, deps.maxBackoffMs ?? 300_000);
  await deps.queue.retry(item.id, new Date(deps.now().getTime() + wait), attempts);
  report.retried++;
  return false;
}

/** Parks the item in the dead letters, tells the citizen once, and takes it off the queue. */
async function park(
  deps: InboundQueueDeps,
  handler: QueuedItemHandler,
  item: QueuedInbound,
  attempts: number,
  error: string,
): Promise<void> {
  const about = handler.describe(item.payload);
  const letter = await deps.deadLetters.park({
    channel: handler.channel,
    ...about,
    error,
    attempts,
    parkedAt: deps.now(),
  });
  deps.logger.error(
    { kind: letter.kind, attempts, err: { message: letter.error } },
    'inbound webhook item parked as a dead letter after failing with the database healthy',
  );
  const notice = letter.notifiedAt ? undefined : handler.parkedNotice(item.payload);
  if (notice) {
    await deps.deliver([notice]);
    await deps.deadLetters.markNotified(handler.channel, about.messageId, deps.now());
  }
  await deps.queue.remove(item.id);
}
