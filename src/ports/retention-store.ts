import type { Channel } from '../domain/application.js';
import type { Application } from '../domain/application.js';
import type { ErasableHandoff } from './handoff-repository.js';

/**
 * The latest version of a conversation whose draft (a flow in progress) lies untouched: the top
 * fields of the version, never its state.
 */
export interface IdleDraft {
  channel: Channel;
  chatId: string;
  version: number;
  /** When the citizen last acted on the draft. */
  touchedAt: Date;
  /** When the citizen was reminded that it will be removed; absent until then. */
  remindedAt?: Date;
}

/** The latest version of a conversation nobody wrote to for a long time. */
export interface IdleConversation {
  channel: Channel;
  chatId: string;
  version: number;
}

/** Which idle drafts `listIdleDrafts` answers. */
export interface IdleDraftFilter {
  /** Touched before this. */
  touchedBefore: Date;
  /**
   * Absent: only drafts not reminded yet. Present: only drafts reminded before this (due for
   * removal).
   */
  remindedBefore?: Date;
}

/**
 * Finds personal data due for erasure, and erases what no other port owns. Separate from the
 * repositories because only the retention jobs ask these questions.
 */
export interface RetentionStore {
  /**
   * Completed, rejected or cancelled applications last changed before `finishedBefore` whose
   * personal data is not erased yet, oldest first, at most `limit`.
   */
  listErasable(finishedBefore: Date, limit: number): Promise<Application[]>;
  /**
   * Deletes at most `limit` outbox rows that reached a final state before `before`: sent then,
   * or given up (failed, unreachable) after a last attempt then. A row still to be sent
   * (pending, sending) is never deleted. Answers how many went.
   */
  deleteSettledOutbox(before: Date, limit: number): Promise<number>;
  /**
   * Deletes at most `limit` parked messages (dead letters) parked before `before`: they name a
   * chat, and once followed up they serve nothing. Answers how many went.
   */
  deleteDeadLettersBefore(before: Date, limit: number): Promise<number>;
  /**
   * Closed handoffs closed before `closedBefore` and not erased yet, oldest first, at most `limit`
   * (each erased by `HandoffRepository.erase`).
   */
  listErasableHandoffs(closedBefore: Date, limit: number): Promise<ErasableHandoff[]>;
  /**
   * The latest versions of conversations whose draft matches `filter`, oldest touch first, at most
   * `limit`. A superseded version never counts, whatever its draft.
   */
  listIdleDrafts(filter: IdleDraftFilter, limit: number): Promise<IdleDraft[]>;
  /**
   * Conversations whose latest version was written before `before`, oldest first, at most
   * `limit`.
   */
  listIdleConversations(before: Date, limit: number): Promise<IdleConversation[]>;
  /**
   * Removes a conversation's versions up to `version`: a version written since (the citizen came
   * back meanwhile) stays, and is the conversation.
   */
  forgetConversation(conversation: IdleConversation): Promise<void>;
}
