import type { AgencyStep } from './agency-step.js';

/**
 * The application a citizen files, as the whole program speaks of it. Persistence maps it to
 * and from Mongoose documents; nothing here knows about storage or channels.
 */

/** Where a citizen talks to us. `console` is an officer filing for a walk-in citizen. */
export const CHANNELS = ['telegram', 'whatsapp', 'wa_cloud', 'terminal', 'console'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One chat on one channel: the address status pushes go to. */
export interface ChatAddress {
  channel: Channel;
  chatId: string;
}

export const STATUSES = [
  'SUBMITTED',
  'IN_REVIEW',
  'NEEDS_REVISION',
  'APPROVED',
  'READY_FOR_PICKUP',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

/** Who did something: the citizen, an officer (by id), or the system itself (SLA checks, retention). */
export interface Actor {
  kind: 'citizen' | 'officer' | 'system';
  id: string;
}

export interface StatusChange {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  at: Date;
  by: Actor;
  note?: string;
}

export interface Applicant {
  name: string;
  /** Full NIK while the application is open; retention replaces it by the masked form. */
  nik: string;
  phone?: string;
  /** Where updates go; absent for a walk-in citizen who gave no chat. */
  contact?: ChatAddress;
}

/** A stored upload, referenced by id; the bytes live in the document store. */
export interface DocumentRef {
  id: string;
  /** The flow step that asked for it. */
  stepId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

/** What an officer asked the citizen to fix (NEEDS_REVISION): one answer or one document. */
export interface RevisionRequest {
  stepId: string;
  note: string;
}

export type AnswerValue = string | number | boolean | null;

export interface Application {
  id: string;
  trackingNumber: string;
  serviceId: string;
  applicant: Applicant;
  /** Answers keyed by flow step id. Documents are listed separately. */
  answers: Record<string, AnswerValue>;
  documents: DocumentRef[];
  /** The office the application is routed to (the citizen's kelurahan). */
  officeId: string;
  status: ApplicationStatus;
  statusHistory: StatusChange[];
  rejectionReason?: string;
  revision?: RevisionRequest;
  createdAt: Date;
  updatedAt: Date;
  slaDueAt: Date;
  /**
   * Set when retention erased the personal data (RETENTION_DAYS after a final status): the
   * documents are deleted, the answers that identify the citizen removed, the NIK masked.
   */
  erasedAt?: Date;
  /**
   * When the SLA check told the citizen (and the audit log) that the application passed its due
   * moment unfinished; set once, so nobody hears it twice.
   */
  overdueNoticeAt?: Date;
  /**
   * Forwards to other agencies (dinas), oldest first; at most the last one is open. Absent on an
   * application never forwarded. See src/domain/agency.ts.
   */
  agencySteps?: AgencyStep[];
  /**
   * Optimistic-concurrency counter, set by the repository (1 on create, +1 per save): pass the
   * version you read to `save` so two officers editing at once cannot overwrite each other.
   */
  version: number;
}
