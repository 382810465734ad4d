import type { Actor } from '../domain/application.js';
import type { Page, PageResult } from './page.js';

/**
 * One thing that happened (a status change, a handoff claimed, a document stored, a login):
 * the audit log, the status history and the officer metrics all read these rows.
 * Object keys inside `data`/`before`/`after` must not contain `.` or start with `$`.
 */
export interface NewEvent {
  /** Dotted lower-case name, e.g. `application.status_changed`, `handoff.claimed`. */
  type: string;
  applicationId?: string;
  trackingNumber?: string;
  officeId?: string;
  actor: Actor;
  at: Date;
  data?: Record<string, unknown>;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** A stored event. */
export interface AuditEvent extends NewEvent {
  id: string;
}

/** Audit search filters; all given filters must hold. */
export interface EventFilter {
  type?: string | string[];
  actorId?: string;
  officeIds?: string[];
  applicationId?: string;
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
}

/** Append-only log of events. */
export interface EventLog {
  append(event: NewEvent): Promise<AuditEvent>;
  /**
   * Appends the event unless one with this key was appended before, and answers the stored one
   * either way: a follow-up completed again after a crash (see `PendingEffect`) is logged once.
   */
  appendOnce(key: string, event: NewEvent): Promise<AuditEvent>;
  /** Oldest first: the application's history as it happened. */
  listForApplication(applicationId: string): Promise<AuditEvent[]>;
  /** Newest first. */
  search(filter: EventFilter, page: Page): Promise<PageResult<AuditEvent>>;
  /**
   * Up to `max` events, newest first, in one read without a total: what the dashboard aggregates.
   * Paging `search` through a window costs a count and a growing skip per page, which FerretDB
   * answers by scanning; one bounded read does not.
   */
  listWindow(filter: EventFilter, max: number): Promise<AuditEvent[]>;
  /**
   * Removes the officers' free-text notes (status change, revision, agency forward and answer
   * notes) from the audit events of an application whose personal data is erased; the events
   * themselves stay.
   */
  eraseNotes(applicationId: string): Promise<void>;
}
