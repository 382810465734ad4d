/**
 * The dialogue engine's contract: `step(state, input, understanding) -> { state, replies, effects }`.
 * Pure: no I/O, no clock reads (the time comes in `input.at`). Channels turn `Reply` into native
 * messages; use cases run `Effect`s and feed their results back as `SystemEvent` inputs.
 */
import type { AnswerValue, ApplicationStatus } from '../domain/application.js';
import type { Lang } from '../domain/lang.js';
import type { SkmScore } from '../domain/skm.js';
import type { Understanding } from '../domain/understanding.js';

/** Part of the engine's contract; defined in src/domain because src/catalog and src/nlu need them too. */
export type { Lang, Understanding };

/** One uploaded file, already stored (as pending) by the use case, type sniffed from its bytes. */
export interface UploadedFile {
  documentId: string;
  filename: string;
  /** From the bytes (file-type), never from the name; `application/octet-stream` when unknown. */
  contentType: string;
  size: number;
  sha256: string;
  /** Set when the file was refused for what is inside it (not stored; `documentId` is empty). */
  problem?: 'empty' | 'damaged' | 'active_content';
}

/** What the citizen sent, channel-neutral. Button/menu presses arrive as `choice` with the option value. */
export type CitizenInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; value: string }
  | { kind: 'file'; file: UploadedFile; caption?: string }
  /** A voice note or audio message, stored (as pending) only so an officer can play it. */
  | { kind: 'voice'; file: UploadedFile }
  | { kind: 'command'; command: 'start' | 'menu' | 'status' | 'officer' | 'cancel' | 'language' | 'help' };

/** An application as the status answer shows it. */
export interface StatusView {
  trackingNumber: string;
  serviceId: string;
  status: ApplicationStatus;
  lastChangeAt: string;
  dueAt: string;
  late: boolean;
  note?: string;
  /**
   * Where it waits when another agency (dinas) has it, or the agency's answer when the last one
   * came back and the office is on it again: the citizen sees why it takes long.
   */
  agency?: AgencyWaitView;
}

/** An agency step as the citizen is told it; the agency's words come from the catalog by id. */
export interface AgencyWaitView {
  agencyId: string;
  /** The agency's short name as admins keep it; absent, the catalog's. */
  agencyName?: string;
  /** ISO time it was forwarded. */
  since: string;
  /** The working day of the step's SLA it is on ("hari ke-3 dari 5"). */
  day: number;
  of: number;
  late: boolean;
  /** ISO time the agency answered; absent while it waits. */
  answeredAt?: string;
}

/** What Loket holds about one chat, as the "data saya" answer words it (no full NIK in it). */
export interface MyDataView {
  /** The application being filled in: its service and how much is in it. */
  draft?: { serviceId: string; answers: number; documents: number };
  applications: Array<{
    trackingNumber: string;
    serviceId: string;
    status: ApplicationStatus;
    /** ISO time it was submitted. */
    submittedAt: string;
    /** Already masked (maskNik); absent once erased. */
    nik?: string;
  }>;
  /** Conversations with officers: how many, and when each began (ISO). */
  handoffs: { count: number; dates: string[] };
  /** Satisfaction answers given after those conversations. */
  satisfaction: number;
  /** RETENTION_DAYS: days finished applications and conversations are kept. */
  retentionDays: number;
  /** DRAFT_DAYS: days an abandoned draft is kept. */
  draftDays: number;
  /** The export file's name when it reached the chat. */
  file?: string;
  /** The pending deletion request's deadline (ISO), if one waits. */
  deletionDueAt?: string;
}

/**
 * What a chat that did not file the application answers before it sees the status: the
 * applicant's date of birth (ISO `YYYY-MM-DD`) or the last 4 digits of the NIK. Anyone can type
 * a tracking number; only the applicant is likely to know these.
 */
export type StatusProof = { kind: 'birth_date'; date: string } | { kind: 'nik_last4'; digits: string };

/** Results of effects, fed back into the engine so it can tell the citizen. */
export type SystemEvent =
  | {
      kind: 'submitted';
      trackingNumber: string;
      dueAt: string;
      /** The citizen's office, when it does not offer the service and the application went up. */
      routedFrom?: string;
      /** The office above it that took the application. */
      routedTo?: string;
    }
  | { kind: 'submit_failed' }
  | { kind: 'status_found'; applications: StatusView[] }
  | { kind: 'status_not_found'; query?: string; suggestion?: string }
  /** Found, but this chat did not apply: it must prove it knows the applicant first. */
  | { kind: 'status_needs_proof'; trackingNumber: string }
  /** The proof did not match; `remaining` more wrong answers before the limit. */
  | { kind: 'status_proof_wrong'; trackingNumber: string; remaining: number }
  /** Too many wrong answers from this chat or for this number: no more tries for a while. */
  | { kind: 'status_proof_limited'; retryMinutes: number }
  | {
      kind: 'handoff_opened';
      position: number;
      officeOpenNow: boolean;
      nextOpening?: string;
      /** Officers marked available now; 0 in counter hours means nobody is there to answer yet. */
      availableOfficers?: number;
    }
  /** Nobody has taken the citizen yet after a long wait: still in the queue, and when to expect an answer. */
  | {
      kind: 'handoff_waiting';
      position: number;
      waitedMinutes: number;
      officeOpenNow: boolean;
      nextOpening?: string;
    }
  | { kind: 'officer_joined'; officerName: string }
  | { kind: 'officer_message'; text: string; officerName: string }
  /** `ticketId` when an officer served the conversation: the satisfaction question is about it. */
  | { kind: 'handoff_closed'; byOfficer: boolean; ticketId?: string }
  /** The officer gave the conversation back to the bot: the citizen continues where they were. */
  | { kind: 'handed_back'; officerName: string }
  /** An officer asked for one answer or document to be fixed (NEEDS_REVISION). */
  | { kind: 'revision_requested'; trackingNumber: string; serviceId: string; stepId: string; note: string }
  | { kind: 'revision_saved'; trackingNumber: string }
  /** The "data saya" answer: what Loket holds about this chat (the export file went separately). */
  | { kind: 'my_data'; view: MyDataView }
  /** A deletion request stored (or one already pending: `already`); `inProgress` are kept for now. */
  | { kind: 'deletion_requested'; dueAt: string; already: boolean; inProgress: string[] }
  /** A supervisor decided the chat's deletion request; `kept` are applications still in progress. */
  | { kind: 'deletion_decided'; approved: boolean; reason?: string; kept: string[] }
  /** The draft lay untouched: it will be removed in `days` days unless the citizen goes on. */
  | { kind: 'draft_expiring'; days: number }
  /** The reminded draft lay untouched `days` days in all: it is removed. */
  | { kind: 'draft_expired'; days: number };

export type Input = (CitizenInput | SystemEvent) & {
  /** ISO time of the message, for dates and ages; the engine never reads a clock. */
  at: string;
};

/** A menu option: `value` comes back as a `choice` input; channels number them. */
export interface MenuOption {
  value: string;
  label: string;
}

/** Channel-neutral replies. The text is already in the citizen's language. */
export type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'menu'; text: string; options: MenuOption[] }
  | { kind: 'document_request'; text: string; accept: string[]; maxBytes: number };

/** The answers and documents of one application being filled in. */
export interface Draft {
  serviceId: string;
  answers: Record<string, AnswerValue>;
  /** Document ids per step id. */
  documents: Record<string, UploadedFile[]>;
}

/** What use cases do for the engine. Results come back as `SystemEvent`s where the citizen must hear of them. */
export type Effect =
  | { kind: 'submit_application'; draft: Draft; lang: Lang }
  | { kind: 'lookup_status'; trackingNumber?: string; proof?: StatusProof }
  | {
      kind: 'open_handoff';
      reason: 'asked' | 'not_understood' | 'complaint';
      priority: boolean;
      /** The bot conversation before the handoff, for the officer (the state's `recent`). */
      history: RecentLine[];
    }
  | { kind: 'relay_to_officer'; text?: string; file?: UploadedFile }
  | { kind: 'cancel_handoff' }
  | { kind: 'discard_document'; documentId: string }
  | {
      kind: 'save_revision';
      trackingNumber: string;
      stepId: string;
      value?: AnswerValue;
      file?: UploadedFile;
    }
  | { kind: 'record_consent'; given: boolean }
  /** The citizen rated the closed conversation (SKM 1-4), perhaps with a comment (digits masked). */
  | { kind: 'record_satisfaction'; ticketId: string; score: SkmScore; comment?: string }
  /** "data saya": gather what Loket holds about the chat, send the export file, answer `my_data`. */
  | { kind: 'show_my_data' }
  /** "hapus data saya", confirmed: store a deletion request for a supervisor to decide. */
  | { kind: 'request_deletion' };

/** Where the conversation is. Stored as JSON per (channel, chatId); versioned by the store. */
export interface ConversationState {
  lang: Lang;
  /** null: not asked yet. Personal questions only after `true` (UU 27/2022). */
  consent: boolean | null;
  mode: 'bot' | 'handoff';
  /** Consecutive messages the bot did not understand; at 2 it offers an officer. */
  misunderstood: number;
  /** Clear English messages in a row while the conversation is in Indonesian (language.ts). */
  englishRun?: number;
  /** The flow in progress, if any. */
  flow?: {
    draft: Draft;
    /** The step being asked, or the fixed phases at the end. */
    at: { step: string } | { phase: 'summary' | 'confirm' | 'consent' };
    /** Set while the citizen changes one answer from the summary. */
    returnToSummary?: boolean;
    /** ISO time the citizen last acted on the draft: abandoned drafts expire (DRAFT_DAYS). */
    touchedAt?: string;
    /** ISO time the citizen was reminded that the untouched draft will be removed. */
    remindedAt?: string;
  };
  /** A tracking number of someone else's application, waiting for the proof (`StatusProof`). */
  statusProof?: { trackingNumber: string };
  /**
   * An action asked about before it is taken ("Maksud Anda membatalkan permohonan ini?", "hapus
   * data saya?"). The next message answers it, or, if it is no yes/no, drops it
   * (pending-action.ts).
   */
  confirming?: PendingConfirmation;
  /** The draft a cancel set aside, restorable for a while after `cancelledAt` (restore.ts). */
  undo?: { flow: NonNullable<ConversationState['flow']>; cancelledAt: string };
  /** An officer-requested fix in progress. */
  revision?: { trackingNumber: string; serviceId: string; stepId: string };
  /** The last menu shown, so "2" or its text can be matched. */
  menu?: { id: string; options: MenuOption[] };
  /**
   * The satisfaction question after an officer closed the conversation: waiting for the score,
   * then for an optional comment. Any other message drops it (it never blocks the citizen).
   */
  survey?: { ticketId: string; stage: 'score' } | { ticketId: string; stage: 'comment'; score: SkmScore };
  /** The last lines of the bot conversation (RECENT_KEPT), handed to the officer on a handoff. */
  recent?: RecentLine[];
}

/** The steps asked first when the reading is unsure: cancelling a draft, a complaint, an officer. */
export type GuardedAction = 'cancel' | 'complaint' | 'officer';

/** Every action asked about with one yes/no question: the guarded ones and a deletion request. */
export type ConfirmedAction = GuardedAction | 'delete_my_data';

/** An action waiting for the citizen's yes; `service` names the complaint's service, if any. */
export interface PendingConfirmation {
  action: ConfirmedAction;
  service: string | null;
}

/** One line of the bot conversation as the state keeps it: masked, clipped, in words. */
export interface RecentLine {
  from: 'citizen' | 'bot';
  text: string;
  /** ISO time of the turn. */
  at: string;
}
