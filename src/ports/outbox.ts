import type { Channel } from '../domain/application.js';
import type { Page, PageResult } from './page.js';

/** Where a notification is in its delivery. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

/** A message to push to a citizen (status change, officer reply) that must survive a crash. */
export interface OutboxItem {
  id: string;
  /** Idempotency key, e.g. `status:<applicationId>:<version>`: the same key is enqueued once. */
  key: string;
  channel: Channel;
  chatId: string;
  payload: { text: string };
  status: OutboxStatus;
  /** Delivery attempts started so far (a claim counts as one). */
  attempts: number;
  nextAttemptAt: Date;
  /** While `sending`: the claim lapses at this time and another worker may take the row. */
  leaseUntil?: Date;
  workerId?: string;
  lastError?: string;
  createdAt: Date;
}

/** What enqueuing takes. */
export interface NewOutboxItem {
  key: string;
  channel: Channel;
  chatId: string;
  payload: { text: string };
  /** Defaults to `createdAt`. */
  nextAttemptAt?: Date;
  createdAt: Date;
}

/** Notifications to deliver, shared by every process; claims are leases so no row is sent twice at once. */
export interface Outbox {
  /** Adds a notification; with a key seen before it returns the existing row (`created: false`). */
  enqueue(item: NewOutboxItem): Promise<{ item: OutboxItem; created: boolean }>;
  /**
   * Claims up to `limit` due rows (pending and due, or sending with a lapsed lease), oldest due
   * first, for `workerId` until `now + leaseMs`. Each row goes to exactly one concurrent claimer.
   * With `channels`, only rows of those channels; rows of other channels are left as they are.
   */
  claimDue(
    workerId: string,
    now: Date,
    leaseMs: number,
    limit: number,
    channels?: readonly Channel[],
  ): Promise<OutboxItem[]>;
  markSent(id: string): Promise<void>;
  /** Back to `pending`, tried again at `nextAttemptAt`. */
  markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void>;
  /** Gave up after too many attempts. */
  markFailed(id: string, error: string): Promise<void>;
  /** The chat is gone (blocked bot, unknown number): never try again. */
  markUnreachable(id: string, error: string): Promise<void>;
  get(id: string): Promise<OutboxItem | undefined>;
  /**
   * Rows that did not reach the citizen (`failed`, `unreachable`), newest first, so staff see who
   * missed an update. `keyPrefix` narrows to one application (`status:<applicationId>:`).
   */
  listUndelivered(filter: UndeliveredFilter, page: Page): Promise<PageResult<OutboxItem>>;
}

/** Filters of `Outbox.listUndelivered`. */
export interface UndeliveredFilter {
  /** Both when omitted. */
  statuses?: Array<'failed' | 'unreachable'>;
  keyPrefix?: string;
}
