import type { Connection } from 'mongoose';
import type { AgencyRepository } from '../../ports/agency-repository.js';
import type { ApiTokenStore } from '../../ports/api-token-store.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { CannedReplyRepository } from '../../ports/canned-reply-repository.js';
import type { CloudChatLog } from '../../ports/cloud-chat-log.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { DeadLetterStore } from '../../ports/dead-letter-store.js';
import type { DeletionRequestRepository } from '../../ports/deletion-request-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { InboundAttemptLog } from '../../ports/inbound-attempts.js';
import type { InboundLog } from '../../ports/inbound-log.js';
import type { InboundQueue } from '../../ports/inbound-queue.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { Outbox } from '../../ports/outbox.js';
import type { RateLimitCounter } from '../../ports/rate-limit-counter.js';
import type { SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import type { SetupTokenStore } from '../../ports/setup-token-store.js';
import type { StatusProofAttempts } from '../../ports/status-proof-attempts.js';
import { agencyModel } from './agency-model.js';
import { MongoAgencyRepository } from './mongo-agency-repository.js';
import { apiTokenModel, MongoApiTokenStore } from './mongo-api-token-store.js';
import { applicationModel } from './application-model.js';
import { cannedReplyModel } from './canned-reply-model.js';
import { conversationModel } from './conversation-model.js';
import { deadLetterModel } from './dead-letter-model.js';
import { eventModel } from './event-model.js';
import { GridFsDocumentStore } from './gridfs-document-store.js';
import { handoffModel } from './handoff-model.js';
import { inboundAttemptModel } from './inbound-attempt-model.js';
import { inboundMessageModel } from './inbound-message-model.js';
import { MongoInboundAttempts } from './mongo-inbound-attempts.js';
import { MongoApplicationRepository } from './mongo-application-repository.js';
import { MongoCannedReplyRepository } from './mongo-canned-reply-repository.js';
import { cloudChatModel, MongoCloudChatLog } from './mongo-cloud-chat-log.js';
import { inboundQueueModel, MongoInboundQueue } from './mongo-inbound-queue.js';
import { MongoConversationStore } from './mongo-conversation-store.js';
import { MongoDeadLetterStore } from './mongo-dead-letter-store.js';
import { deletionRequestModel, MongoDeletionRequests } from './mongo-deletion-requests.js';
import { MongoEventLog } from './mongo-event-log.js';
import { MongoHandoffRepository } from './mongo-handoff-repository.js';
import { MongoInboundLog } from './mongo-inbound-log.js';
import { holidayModel } from './holiday-model.js';
import { MongoHolidayRepository } from './mongo-holiday-repository.js';
import { MongoOfficeRepository } from './mongo-office-repository.js';
import { MongoOfficerRepository } from './mongo-officer-repository.js';
import { MongoOutbox } from './mongo-outbox.js';
import { MongoRateLimitCounter, rateLimitModel } from './mongo-rate-limit-counter.js';
import { MongoSatisfactionRepository } from './mongo-satisfaction-repository.js';
import { MongoSetupTokenStore, setupTokenModel } from './mongo-setup-token-store.js';
import { MongoStatusProofAttempts, statusProofModel } from './mongo-status-proof-attempts.js';
import { officeModel } from './office-model.js';
import { officerModel } from './officer-model.js';
import { outboxModel } from './outbox-model.js';
import { satisfactionModel } from './satisfaction-model.js';
import { writeLockModel } from './write-lock-model.js';
import { sweepLocks } from './write-lock.js';

/** What ensureIndexes needs of a model, whatever its document type. */
interface IndexedModel {
  init(): Promise<unknown>;
}

/** Every port implemented on one connection: what the composition root wires into use cases. */
export interface MongoRepositories {
  applications: ApplicationRepository;
  conversations: ConversationStore;
  inbound: InboundLog;
  /** Tries at each inbound message, recorded before each (a channel parks one that keeps failing). */
  inboundAttempts: InboundAttemptLog;
  events: EventLog;
  offices: OfficeRepository;
  /** Admin-added holidays for every office. */
  holidayStore: HolidayRepository;
  /** The agencies (dinas) admins keep in the console, seeded from the catalog's list. */
  agencyStore: AgencyRepository;
  officers: OfficerRepository;
  handoffs: HandoffRepository;
  outbox: Outbox;
  documents: DocumentStore;
  /** Citizens' satisfaction answers after an officer closed their conversation. */
  satisfaction: SatisfactionRepository;
  /** Each office's canned replies for the officers' reply box. */
  cannedReplyStore: CannedReplyRepository;
  /** The first-run setup link (first admin), hashed. */
  setupTokens: SetupTokenStore;
  /** Citizens' messages a channel could not handle however often it tried (the console lists them). */
  deadLetters: DeadLetterStore;
  /** Wrong answers to the status-lookup question, for its rate limit. */
  statusProofs: StatusProofAttempts;
  /** API tokens, one hashed row each (expiry, revocation, last use). */
  apiTokens: ApiTokenStore;
  /** Shared rate-limit windows (the login limit holds across processes). */
  rateLimits: RateLimitCounter;
  /** The field cipher the stores seal with (use cases take it for pseudonyms). */
  cipher: FieldCipher;
  /** Citizens' requests to delete their data, decided by a supervisor (UU 27/2022). */
  deletionRequests: DeletionRequestRepository;
  /** Webhook items stored before the webhook answered, handled by a worker (WhatsApp Cloud API). */
  inboundQueue: InboundQueue;
  /** Per WhatsApp number (blind-indexed): its 24-hour window and the new-number notice. */
  cloudChats: CloudChatLog;
  /**
   * Builds every index and waits for it. Call once at start-up before taking traffic: the unique
   * indexes are what makes tracking numbers, claims and idempotency keys safe.
   */
  ensureIndexes(): Promise<void>;
  /** Removes the write locks of finished writes (write-lock.ts); run every minute or so. */
  sweepLocks(): Promise<number>;
  /**
   * Removes conversation versions superseded (more than SUPERSEDED_KEPT_MS before `now`) in the
   * chats this process wrote since its last sweep, marking their messages done in the inbound
   * log first; run every minute or so. Returns how many were removed.
   */
  sweepConversations(now?: Date): Promise<number>;
}

/**
 * Creates the repositories on `conn` (never mongoose's global connection). `cipher` seals the
 * personal data they store and keys the blind indexes they look it up by.
 */
export function createMongoRepositories(conn: Connection, cipher: FieldCipher): MongoRepositories {
  const locks = writeLockModel(conn);
  const models = {
    applications: applicationModel(conn),
    conversations: conversationModel(conn),
    inbound: inboundMessageModel(conn),
    inboundAttempts: inboundAttemptModel(conn),
    events: eventModel(conn),
    offices: officeModel(conn),
    officers: officerModel(conn),
    handoffs: handoffModel(conn),
    outbox: outboxModel(conn),
    satisfaction: satisfactionModel(conn),
    cannedReplies: cannedReplyModel(conn),
    setupTokens: setupTokenModel(conn),
    holidays: holidayModel(conn),
    agencies: agencyModel(conn),
    deadLetters: deadLetterModel(conn),
    statusProofs: statusProofModel(conn),
    apiTokens: apiTokenModel(conn),
    rateLimits: rateLimitModel(conn),
    deletionRequests: deletionRequestModel(conn),
    inboundQueue: inboundQueueModel(conn),
    cloudChats: cloudChatModel(conn),
  };
  const documents = new GridFsDocumentStore(conn, cipher);
  const applications = new MongoApplicationRepository(models.applications, locks, cipher);
  const conversations = new MongoConversationStore(models.conversations, cipher);
  const inbound = new MongoInboundLog(models.inbound, locks, (channel, id, chatId) =>
    conversations.recorded(channel, id, chatId),
  );
  const all: IndexedModel[] = [locks, ...Object.values(models)];
  return {
    applications,
    conversations,
    inbound,
    inboundAttempts: new MongoInboundAttempts(models.inboundAttempts, cipher),
    events: new MongoEventLog(models.events, cipher),
    offices: new MongoOfficeRepository(models.offices),
    holidayStore: new MongoHolidayRepository(models.holidays),
    agencyStore: new MongoAgencyRepository(models.agencies),
    officers: new MongoOfficerRepository(models.officers),
    handoffs: new MongoHandoffRepository(models.handoffs, locks, cipher),
    outbox: new MongoOutbox(models.outbox, cipher),
    documents,
    satisfaction: new MongoSatisfactionRepository(models.satisfaction, cipher),
    cannedReplyStore: new MongoCannedReplyRepository(models.cannedReplies),
    setupTokens: new MongoSetupTokenStore(models.setupTokens),
    deadLetters: new MongoDeadLetterStore(models.deadLetters, cipher),
    statusProofs: new MongoStatusProofAttempts(models.statusProofs),
    apiTokens: new MongoApiTokenStore(models.apiTokens),
    rateLimits: new MongoRateLimitCounter(models.rateLimits),
    cipher,
    deletionRequests: new MongoDeletionRequests(models.deletionRequests, locks, cipher),
    inboundQueue: new MongoInboundQueue(models.inboundQueue, cipher),
    cloudChats: new MongoCloudChatLog(models.cloudChats, cipher),
    sweepLocks: () => sweepLocks(locks),
    sweepConversations: (now) => conversations.sweep((channel, ids) => inbound.markDone(channel, ids), now),
    async ensureIndexes() {
      // Mongoose builds each model's indexes (autoIndex) as soon as the model is made; `init` is
      // that build, and awaiting it surfaces its errors. (A `createIndexes` after it sent every
      // index a second time, a round trip per index at every start-up.)
      for (const model of all) await model.init();
      await documents.ensureIndexes();
    },
  };
}
