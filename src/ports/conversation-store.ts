import type { Channel } from '../domain/application.js';
import type { ConversationState, Reply } from '../dialogue/types.js';
import type { OutboxOrigin } from './outbox.js';

/**
 * How long a store keeps a superseded version. A write from version k inserts k+1, and fails
 * while another writer's k+1 is kept: removed sooner, a turn still holding k would save beside the
 * newer versions and be lost without an error.
 */
export const SUPERSEDED_KEPT_MS = 30_000;

/**
 * A caller that has held its version longer than this checks with `read` that it is still the
 * latest before writing from it (well within SUPERSEDED_KEPT_MS, for the check's own round trip).
 */
export const CONFIRM_VERSION_AFTER_MS = 10_000;

/** A stored conversation and the version to pass back on the next write. */
export interface VersionedConversation {
  state: ConversationState;
  version: number;
  /**
   * The latest inbound messages whose turns were saved, newest last (as the last write passed
   * them): a redelivery of one of them is recognised from this read alone, with no claim.
   */
  handled: readonly string[];
  /**
   * Set by `readForTurn` when this may not be the latest version (the store did not query for
   * it): check with `read` before acting on the world from it.
   */
  unconfirmed?: true;
  /** The inbound message (or pushed event) whose turn wrote this version. */
  messageId?: string;
  /** What the turn that wrote this version said to the citizen. */
  outbound?: TurnOutbound;
}

/**
 * The messages a turn decided, saved by the same write as its version: recorded in the outbox
 * right after, and again by the reconciler if the process died in between (the keys make the
 * second recording a no-op).
 */
export interface TurnOutbound {
  at: Date;
  replies: Reply[];
  /** Whom the last reply's outcome is reported to (an officer's reply line). */
  origin?: OutboxOrigin;
}

/**
 * The draft marks a version carries when its state holds a draft (a flow in progress): when the
 * citizen last acted on it, and when they were reminded that it will be removed. The caller
 * passes them (the dialogue keeps them in the state); the store keeps them beside the state, so
 * the draft expiry finds idle drafts without reading any state.
 */
export interface DraftMarks {
  touchedAt: Date;
  remindedAt?: Date;
}

/** A version that carries a turn's messages, as the reconciler reads it. */
export interface OutboundVersion {
  channel: Channel;
  chatId: string;
  messageId: string;
  outbound: TurnOutbound;
}

/**
 * The conversation state per (channel, chat), shaped like grammY's `StorageAdapter`
 * (read/write/delete) plus a version, so two messages of one citizen handled at once by two
 * processes cannot silently overwrite each other's state.
 */
export interface ConversationStore {
  /** The latest version. */
  read(channel: Channel, chatId: string): Promise<VersionedConversation | undefined>;
  /**
   * The version a turn starts from, as cheaply as the store can: it may be older than the latest
   * when another process wrote since, and a write from it then fails with `ConcurrencyError` (the
   * turn is retried, and this reads the latest). Only for a read followed by a write from it.
   */
  readForTurn(channel: Channel, chatId: string): Promise<VersionedConversation | undefined>;
  /**
   * Writes the state if the stored version is still `expectedVersion` (`null`: it must not exist
   * yet) and returns the new version. Throws `ConcurrencyError` on a conflict or a concurrent create.
   * `messageId` names the inbound message whose turn this is: once written, that message counts as
   * handled (`InboundLog.claim` answers `done` for it). `handled` is kept with the version and
   * given back by `read` (the caller bounds it). See SUPERSEDED_KEPT_MS and
   * CONFIRM_VERSION_AFTER_MS for a caller that holds its version long. `draft` is given when the
   * state holds a draft (see `DraftMarks`).
   */
  write(
    channel: Channel,
    chatId: string,
    state: ConversationState,
    expectedVersion: number | null,
    messageId?: string,
    handled?: readonly string[],
    outbound?: TurnOutbound,
    draft?: DraftMarks,
  ): Promise<number>;
  /** Versions written at or after `since` that carry a turn's messages, up to `limit`. */
  listOutbound(since: Date, limit: number): Promise<OutboundVersion[]>;
  /** Forgets the conversation (citizen withdrew consent, or retention). */
  delete(channel: Channel, chatId: string): Promise<void>;
}
