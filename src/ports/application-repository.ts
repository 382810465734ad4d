import type { Application, ApplicationStatus, ChatAddress } from '../domain/application.js';
import type { Page, PageResult } from './page.js';

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
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** Part of the tracking number or of the applicant's name, case-insensitive. */
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
  save(app: Application, expectedVersion: number): Promise<Application>;
  /**
   * Records that the citizen was told the application is overdue. Not a versioned write: it is
   * bookkeeping of the SLA check (one process at a time, by lease), and must not make an officer's
   * open page stale. A later `save` of a copy read before it keeps the mark.
   */
  markOverdueNoticed(id: string, at: Date): Promise<void>;
}
