import type { Channel } from '../domain/application.js';

/**
 * One webhook item (a citizen's message, a delivery receipt) stored before the webhook answered,
 * so nothing is lost when the process dies before handling it or the provider retries.
 */
export interface QueuedInbound {
  /** Deterministic (`<channel>:<provider's id>`): the same item delivered twice is one record. */
  id: string;
  channel: Channel;
  /** The store's opaque name of the item's lane (its chat): items of one lane are handled in order. */
  lane: string;
  /** What the channel needs to handle it, opaque to the queue; sealed at rest. */
  payload: string;
  /** Position within the lane: the provider's time in milliseconds times 100, plus its index. */
  order: number;
  /** Failed attempts with the database healthy. */
  attempts: number;
  /** Not handled before then (its back-off). */
  dueAt: Date;
  receivedAt: Date;
}

/** What the webhook stores: `chat` names the lane (the store keeps only a keyed digest of it). */
export interface NewQueuedInbound {
  id: string;
  channel: Channel;
  chat: string;
  payload: string;
  order: number;
}

/**
 * Webhook items waiting to be handled, shared by every process. The items of one lane are
 * handled by one process at a time (a lease on the lane, outside this port), in order; the port
 * only records.
 */
export interface InboundQueue {
  /** Stores items; an id already stored keeps its record. Answers how many were new. */
  add(items: readonly NewQueuedInbound[], now: Date): Promise<number>;
  /** Lanes of `channel` with an item due at `now`, oldest first. */
  dueLanes(channel: Channel, now: Date, limit: number): Promise<string[]>;
  /** The lane's items in order. */
  listLane(channel: Channel, lane: string, limit: number): Promise<QueuedInbound[]>;
  /** Handled (or parked): the record and its payload are gone. */
  remove(id: string): Promise<void>;
  /** To be tried again at `dueAt`, with `attempts` failures counted so far. */
  retry(id: string, dueAt: Date, attempts: number): Promise<void>;
  /**
   * Retention: removes items received before `date` that were never handled (their channel was
   * turned off meanwhile); answers how many.
   */
  purgeReceivedBefore(date: Date): Promise<number>;
}
