import type { Channel } from '../domain/application.js';

/** Where a citizen's request to delete their data is: decided requests are final. */
export type DeletionRequestStatus = 'pending' | 'approved' | 'refused';

/**
 * A citizen's request that Loket delete what it holds about their chat (UU 27/2022). It names the
 * chat, since that is what it is about, and the answer is owed by `dueAt`.
 */
export interface DeletionRequest {
  id: string;
  channel: Channel;
  chatId: string;
  createdAt: Date;
  /** When the answer is owed: three times twenty-four hours after `createdAt`. */
  dueAt: Date;
  status: DeletionRequestStatus;
  decidedAt?: Date;
  /** The supervisor's officer id. */
  decidedBy?: string;
  /** Why it was refused (required then). */
  reason?: string;
}

/** What opening a request takes. */
export interface NewDeletionRequest {
  channel: Channel;
  chatId: string;
  createdAt: Date;
  dueAt: Date;
}

/** A supervisor's decision on a pending request. */
export interface DeletionDecision {
  status: 'approved' | 'refused';
  at: Date;
  by: string;
  reason?: string;
}

/** The pending requests at a glance, for the supervisor dashboard. */
export interface PendingDeletions {
  count: number;
  /** The earliest `dueAt` of a pending request. */
  nearestDueAt?: Date;
}

/** The `deletion_requests` store: at most one pending request per chat. */
export interface DeletionRequestRepository {
  /**
   * Opens a request, or answers the chat's pending one (`created: false`): a second "hapus data
   * saya" while one waits opens nothing, even when two arrive at once.
   */
  open(input: NewDeletionRequest): Promise<{ request: DeletionRequest; created: boolean }>;
  get(id: string): Promise<DeletionRequest | undefined>;
  findPendingByChat(channel: Channel, chatId: string): Promise<DeletionRequest | undefined>;
  /** Pending requests first, nearest deadline first; then decided ones, newest decision first. */
  list(limit: number): Promise<DeletionRequest[]>;
  /** Decides a pending request; `undefined` when it is missing or decided already (of two, one wins). */
  decide(id: string, decision: DeletionDecision): Promise<DeletionRequest | undefined>;
  pendingSummary(): Promise<PendingDeletions>;
}
