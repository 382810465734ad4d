import type { Channel } from '../domain/application.js';
import type { Lang } from '../domain/lang.js';
import type { Reply } from '../dialogue/types.js';
import type { Page, PageResult } from './page.js';

/** Where an outbound message is in its delivery: `sent`, `failed` and `unreachable` are final. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

/** Who waits for an outbound message's outcome: an officer's reply line in a handoff transcript. */
export interface OutboxOrigin {
  handoffId: string;
  index: number;
}

/**
 * A file a row sends, named and never carried: its bytes are read when the lane sends it. An
 * officer's file is in the document store; the "data saya" export holds the citizen's data in
 * plain text, so it is never stored as a file but rendered again (up to date) at each send.
 */
export type OutboxFile =
  { kind: 'document'; documentId: string; filename: string } | { kind: 'export'; lang: Lang };

/** What a row sends: a reply, or a file (after the reply that announced it, by `order`). */
export type OutboxBody = { reply: Reply; file?: undefined } | { file: OutboxFile; reply?: undefined };

/**
 * One message to a citizen (a bot reply, a status notice, an officer's reply or file), recorded
 * before it is sent so that it survives a crash. The rows of one chat go out in `order`.
 */
export type OutboxItem = OutboxRow & OutboxBody;

/** The delivery fields of an outbox row, whatever it sends. */
export interface OutboxRow {
  /** Deterministic: the same message recorded twice is one row, and a channel derives its ids from it. */
  id: string;
  /** The same as `id` (the idempotency key, e.g. `status:<applicationId>:<version>`). */
  key: string;
  channel: Channel;
  chatId: string;
  /** Position among the chat's messages: milliseconds since the epoch times 100, plus the reply's index. */
  order: number;
  status: OutboxStatus;
  /** Delivery attempts started so far. */
  attempts: number;
  /** A `pending` row waits until then (its back-off); a `sending` row's attempt lapses then. */
  nextAttemptAt: Date;
  lastError?: string;
  origin?: OutboxOrigin;
  createdAt: Date;
  sentAt?: Date;
  /** The channel's own ids of the messages sent for this row (Cloud API wamids). */
  providerIds?: string[];
  /** The furthest delivery receipt the channel reported (Cloud API statuses). */
  receipt?: Receipt;
}

/**
 * A delivery receipt: only moves forward (sent < delivered < read); `failed` replaces only `sent`,
 * carrying the channel's code and title in `error`.
 */
export interface Receipt {
  state: 'sent' | 'delivered' | 'read' | 'failed';
  at: Date;
  /** On `failed`: the channel's error code (kept whole: staff look it up) and its title. */
  error?: { code: number; title: string };
}

/** What enqueuing takes. */
export type NewOutboxItem = NewOutboxRow & OutboxBody;

/** What enqueuing takes besides the body. */
export interface NewOutboxRow {
  key: string;
  channel: Channel;
  chatId: string;
  /** Defaults to `createdAt` in milliseconds times 100. */
  order?: number;
  origin?: OutboxOrigin;
  createdAt: Date;
}

/** One chat's queue of outbound messages. */
export interface OutboxLane {
  channel: Channel;
  chatId: string;
}

/**
 * Outbound messages shared by every process. The rows of one chat are sent by one process at a
 * time (a lease on the lane, outside this port), in order; the port only records.
 */
export interface Outbox {
  /** Adds rows; a key seen before keeps its row as it is. Answers how many were new. */
  enqueue(items: readonly NewOutboxItem[]): Promise<number>;
  /**
   * Chats with a row to send now: `pending` and due, or `sending` whose attempt lapsed (the
   * process sending it died), oldest first. With `channels`, only those channels.
   */
  dueLanes(now: Date, limit: number, channels?: readonly Channel[]): Promise<OutboxLane[]>;
  /** The chat's rows not yet final (`pending`, `sending`), in order: what its sender works through. */
  listLane(lane: OutboxLane, limit: number): Promise<OutboxItem[]>;
  /** An attempt starts: `sending` until `until`, one more attempt counted. */
  markSending(id: string, until: Date): Promise<void>;
  /** Sent; `providerIds` are the channel's ids of the messages, for its receipts. */
  markSent(id: string, at: Date, providerIds?: string[]): Promise<void>;
  /**
   * Applies a delivery receipt to the row that sent `providerId`: idempotent, and a receipt that
   * arrives after a further one is ignored. A `failed` receipt marks the row failed, shown in the
   * console. Answers whether the row changed.
   */
  recordReceipt(providerId: string, receipt: Receipt): Promise<boolean>;
  /** Back to `pending`, tried again at `nextAttemptAt`. */
  markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void>;
  /** Gave up after too many attempts: shown in the console. */
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

/** The order of a message recorded at `at`, the `index`-th of those recorded together. */
export function outboxOrder(at: Date, index = 0): number {
  return at.getTime() * 100 + index;
}
