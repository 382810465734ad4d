import type { Logger } from '../../config/logger.js';
import type { AgencyRepository } from '../../ports/agency-repository.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { ConversationState, Effect, UploadedFile } from '../../dialogue/types.js';
import type { Actor, DocumentRef } from '../../domain/application.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DeletionRequestRepository } from '../../ports/deletion-request-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import type { StatusProofAttempts } from '../../ports/status-proof-attempts.js';
import type { InboundMessage } from '../inbound.js';
import type { OutboundFiles } from '../outbound/file-rows.js';
import { citizenActor, type CitizenActorId } from '../citizen-actor.js';

/** What the effect use cases need; each one takes only the part it uses (`Pick<EffectDeps, ...>`). */
export interface EffectDeps {
  catalog: Catalog;
  applications: ApplicationRepository;
  events: EventLog;
  handoffs: HandoffRepository;
  /** For the count of available officers a queueing citizen is told about. */
  officers: OfficerRepository;
  documents: DocumentStore;
  /** Citizens' answers to the satisfaction question after a conversation with an officer. */
  satisfaction: SatisfactionRepository;
  /** Wrong answers to the status-lookup question, for its limit per chat and per number. */
  statusProofs: StatusProofAttempts;
  logger: Logger;
  /** The tracking numbers' prefix (TRACKING_PREFIX), e.g. `PTSP`. */
  trackingPrefix: string;
  /** Public holidays (HOLIDAYS), for SLA due dates and counter hours. */
  holidays: string[];
  /** The office tree: an office's own holidays and SLA; absent, only `holidays` counts. */
  offices?: OfficeRepository;
  /** Admin-added holidays for every office. */
  holidayStore?: HolidayRepository;
  /** The admins' agency list: the name a citizen reads for the agency an application waits on. */
  agencyStore?: AgencyRepository;
  /** The office whose counter hours an unrouted conversation follows (counter-hours.ts). */
  queueOfficeId?: string;
  /** Citizens' requests to delete their data ("hapus data saya"). */
  deletionRequests: DeletionRequestRepository;
  /**
   * Where the "data saya" export file is recorded for sending (the outbound path, which makes it
   * at send time); absent, the citizen is told it could not be sent.
   */
  files?: Pick<OutboundFiles, 'record'>;
  /** RETENTION_DAYS, as the "data saya" answer tells it; 365 when absent. */
  retentionDays?: number;
  /** DRAFT_DAYS, as the "data saya" answer tells it; 30 when absent. */
  draftDays?: number;
  /** The citizen's pseudonymous actor id (never the chat id: on WhatsApp it is a phone number). */
  citizenActorId: CitizenActorId;
  /** The tracking numbers' randomness; tests fix it. */
  random?: () => number;
}

/** The turn an effect runs in: the citizen's message (its chat, its time) and the engine's state. */
export interface EffectContext {
  msg: InboundMessage;
  state: ConversationState;
}

/** The effect of one kind, for the signature of its use case. */
export type EffectOf<K extends Effect['kind']> = Extract<Effect, { kind: K }>;

/** The citizen of the message's chat, as the audit log and status history name them: a pseudonym. */
export function citizenOf(deps: Pick<EffectDeps, 'citizenActorId'>, msg: InboundMessage): Actor {
  return citizenActor(deps.citizenActorId, msg);
}

/** An uploaded file as an application keeps it: the step that asked for it and when it came. */
export function documentRefOf(stepId: string, file: UploadedFile, at: Date): DocumentRef {
  return {
    id: file.documentId,
    stepId,
    filename: file.filename,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    uploadedAt: at,
  };
}
