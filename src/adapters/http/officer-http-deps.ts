import type { Store } from 'express-session';
import type { PushConversationEvent } from '../../app/officer/push-conversation-event.js';
import type { IntakeSettings } from '../../app/officer/assisted-intake.js';
import type { ShowTyping } from '../../app/officer/show-typing.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { HandoffFileSettings } from '../../app/officer/handoff-files.js';
import type { Logger } from '../../config/logger.js';
import type { CannedReplyRepository } from '../../ports/canned-reply-repository.js';
import type { WhatsAppSession } from '../../ports/whatsapp-session.js';
import type { AgencyRepository } from '../../ports/agency-repository.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { Outbox } from '../../ports/outbox.js';
import type { SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import type { SetupTokenStore } from '../../ports/setup-token-store.js';
import type { ApiTokenStore } from '../../ports/api-token-store.js';
import type { RateLimitCounter } from '../../ports/rate-limit-counter.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { DeadLetterStore } from '../../ports/dead-letter-store.js';
import type { DeletionRequestRepository } from '../../ports/deletion-request-repository.js';

/** Everything the officer console and API need; the composition root builds it once. */
export interface OfficerHttpDeps {
  logger: Logger;
  applications: ApplicationRepository;
  events: EventLog;
  handoffs: HandoffRepository;
  officers: OfficerRepository;
  offices: OfficeRepository;
  /** The shipped national holidays plus HOLIDAYS, for agency steps' SLA; the shipped list when absent. */
  holidays?: readonly string[];
  /** Admin-added holidays for every office (the holidays page); absent, that page lists the shipped ones only. */
  holidayStore?: HolidayRepository;
  /** The admins' agency list (the agencies page), seeded from the catalog's; absent, the catalog's alone. */
  agencyStore?: AgencyRepository;
  outbox: Outbox;
  /** Citizens' messages parked after failing with the database healthy (the dead-letter page). */
  deadLetters: DeadLetterStore;
  /** The first-run setup link (GET/POST /console/setup). */
  setupTokens: SetupTokenStore;
  documents: DocumentStore;
  push: PushConversationEvent;
  /** Read only, for the citizen's language in the notices sent to them. */
  conversations: Pick<ConversationStore, 'read'>;
  /** express-session store (src/adapters/mongo/session-store.ts in production). */
  sessionStore: Store;
  /** SESSION_SECRET: signs the session cookie; at least 32 characters. */
  sessionSecret: string;
  /** CSRF_SECRET: keys the CSRF tokens; at least 32 characters. */
  csrfSecret: string;
  /** SESSION_TTL_HOURS, in milliseconds. */
  sessionTtlMs: number;
  /** COOKIE_SECURE: cookies only over HTTPS (set behind TLS; the session cookie also follows req.secure). */
  secureCookies: boolean;
  /** LOGIN_RATE_LIMIT: login attempts per IP per 15 minutes. */
  loginRateLimit: number;
  /**
   * Where login attempts are counted: the database, so every process behind one address shares
   * the limit. Absent (some tests), each process counts in its own memory.
   */
  rateLimits?: RateLimitCounter;
  /** API tokens, one hashed row each. */
  apiTokens: ApiTokenStore;
  /** API_TOKEN_DAYS: how long a new API token works; 90 when absent. */
  apiTokenDays?: number;
  /** How often the live queue re-reads the waiting list. */
  queuePollMs: number;
  /** CANNED_REPLIES: ready answers offered in the reply box. */
  cannedReplies: string[];
  now: () => Date;
  /** Citizens' satisfaction answers, for the dashboard's IKM. */
  satisfaction: SatisfactionRepository;
  /** HANDOFF_MAX_PER_OFFICER: conversations one officer may hold at once; absent, no limit. */
  handoffMaxPerOfficer?: number;
  /** The WhatsApp session (health, pairing) for the admin page; absent when WhatsApp is off. */
  whatsapp?: WhatsAppSession;
  /** Assisted intake (console form, POST /api/applications); absent, those routes are not mounted. */
  intake?: IntakeSettings;
  /** "Typing…" in a citizen's chat while the officer writes; absent, the page's typing does nothing. */
  typing?: ShowTyping;
  /** Each office's canned replies (CANNED_REPLIES above is the list an office starts from). */
  cannedReplyStore: CannedReplyRepository;
  /**
   * The service catalog: the officer's context in words (service names, step labels) and the
   * requirement texts to insert in a reply. Absent (some tests), ids are shown and nothing inserted.
   */
  catalog?: Catalog;
  /** Citizens' requests to delete their data (the data-requests page, the dashboard's deadline). */
  deletionRequests: DeletionRequestRepository;
  /** Files an officer sends in a conversation: limits and delivery; absent, sending files is refused. */
  handoffFiles?: HandoffFileSettings;
}
