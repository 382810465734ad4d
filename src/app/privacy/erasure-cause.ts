import type { Actor } from '../../domain/application.js';

/**
 * Who erases personal data and why: the audit event's actor and time, and what it adds to the
 * event's data. Retention and a citizen's deletion request erase by the same rules
 * (`eraseFinishedApplication`, `eraseHandoff`); only the cause differs.
 */
export interface ErasureCause {
  actor: Actor;
  at: Date;
  /** Why now: `retentionDays` for retention, `deletionRequestId` for a citizen's request. */
  why: Record<string, unknown>;
}
