import type { Application, ApplicationStatus, Channel, ChatAddress } from '../domain/application.js';
import type { NewEvent } from './event-log.js';
import type { Page, PageResult } from './page.js';

/**
 * A follow-up of one application write, stored by that same single-document write: FerretDB has
 * no multi-document transactions, so the audit event, the citizen's notice and the file clean-up
 * of a status change ride on the application itself until they are done, and a crash between the
 * save and them leaves them here for the reconciler instead of losing them. Every part is
 * idempotent (keyed event, keyed outbox row, deleting a missing file), so completing twice is safe.
 * Object keys inside `audit` must not contain `.` or start with `$`.
 */
export interface PendingEffect {
  /** Unique per write, e.g. `status:<applicationId>:<version>`; also the audit event's key. */
  id: string;
  /** When the write was made: the reconciler leaves younger ones to the writer itself. */
  at: Date;
  audit?: NewEvent;
  /** The citizen's notice, enqueued in the outbox under `key`. */
  notice?: { key: string; channel: Channel; chatId: string; text: string };
  /** Files the write made the application's: marked attached, so the orphan sweep keeps them. */
  attachDocuments?: string[];
  /** Files the write dropped: deleted only now that the state without them is saved. */
  deleteDocuments?: string[];
}

/** The follow-ups one application still owes. */
export interface PendingEffects {
  applicationId: string;
  effects: PendingEffect[];
}

/** Options of a write that has follow-ups. */
export interface WriteEffects {
  /** Stored by the same write, completed afterwards (`completeEffect` removes each one). */
  effects?: PendingEffect[];
}

/** What `ApplicationRepository.create` takes: everything except what the repository assigns. */
export type NewApplication = Omit<Application, 'id' | 'trackingNumber' | 'version'>;

/** Filters of the officer console's application list; all given filters must hold. */
export interface ApplicationFilter {
  /** Only applications routed to one of these offices (an officer's office and its children). */
  officeIds?: string[];
  status?: ApplicationStatus | ApplicationStatus[];
  serviceId?: string;
  /** Still being processed (not ready, completed, rejected or cancelled) with `slaDueAt` before this. */
  overdueAt?: Date;
  /** With `overdueAt`: only those the SLA check has not told the citizen about yet (no `overdueNoticeAt`). */
  overdueNotNoticed?: boolean;
  /** Only applications whose open agency step waits on this agency (an agency account's list). */
  waitingOnAgency?: string;
  /** Only applications with an open agency step (the agency SLA check, the dashboard). */
  waitingOnAnyAgency?: boolean;
  /** Only applications ever forwarded to an agency (the dashboard's agency table). */
  forwarded?: boolean;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /**
   * What the console's search box holds: a full NIK, a mobile number, part of the tracking number,
   * or whole words of the applicant's name; case-insensitive. The NIK, phone and name are stored
   * sealed, so they match exactly (by keyed digest), never as a part of a word.
   */
  text?: string;
}

/** Where applications live; speaks domain words only (ddd-forum style). */
export interface ApplicationRepository {
  /**
   * Stores a new application with a fresh tracking number from `nextTrackingNumber`. Tracking
   * numbers are unique by a unique index: on a clash it asks for another number (up to 8 tries),
   * then throws `DuplicateError`. Returns the stored application with `version` 1.
   */
  create(
    input: NewApplication,
    nextTrackingNumber: () => string,
    opts?: {
      /**
       * Makes a retried submission (a redelivered message after a crash) return the application
       * it created the first time instead of a second one. Unique per application.
       */
      idempotencyKey?: string;
      /** The follow-ups of the submission, given the stored application (ids and tracking number). */
      effects?: (app: Application) => PendingEffect[];
    },
  ): Promise<Application>;
  findById(id: string): Promise<Application | undefined>;
  /** Exact match on the normalised number (the caller handles typos and "did you mean"). */
  findByTrackingNumber(trackingNumber: string): Promise<Application | undefined>;
  /** The application a stored file belongs to (its `documents`), if any. */
  findByDocumentId(documentId: string): Promise<Application | undefined>;
  /** A citizen's applications on one chat, newest first (the status answer lists them). */
  listByContact(address: ChatAddress): Promise<Application[]>;
  /** Newest first. */
  list(filter: ApplicationFilter, page: Page): Promise<PageResult<Application>>;
  /**
   * Replaces the stored application if its version is still `expectedVersion`, and returns it
   * with the new version. Throws `ConcurrencyError` when someone saved in between (or it is gone).
   */
  save(app: Application, expectedVersion: number, opts?: WriteEffects): Promise<Application>;
  /**
   * Records that the citizen was told the application is overdue. Not a versioned write: it is
   * bookkeeping of the SLA check (one process at a time, by lease), and must not make an officer's
   * open page stale. A later `save` of a copy read before it keeps the mark.
   */
  markOverdueNoticed(id: string, at: Date, opts?: WriteEffects): Promise<void>;
  /**
   * Records that the agency step at `stepIndex` was found over its SLA (its `overdueNoticeAt`);
   * not a versioned write, for the same reason as `markOverdueNoticed`.
   */
  markAgencyOverdueNoticed(id: string, stepIndex: number, at: Date, opts?: WriteEffects): Promise<void>;
  /**
   * Applications owing follow-ups written before `before` (a writer that died, or failed after
   * its save), with just those follow-ups: what the reconciler completes.
   */
  listPendingEffects(before: Date, limit: number): Promise<PendingEffects[]>;
  /**
   * Removes one follow-up once it is done; one already removed is fine. Not a versioned write: an
   * officer's open page must not turn stale because a notice was enqueued.
   */
  completeEffect(applicationId: string, effectId: string): Promise<void>;
}
