import type { Store } from 'express-session';
import type { PushConversationEvent } from '../../app/officer/push-conversation-event.js';
import type { IntakeSettings } from '../../app/officer/assisted-intake.js';
import type { Logger } from '../../config/logger.js';
import type { WhatsAppSession } from '../../ports/whatsapp-session.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { Outbox } from '../../ports/outbox.js';
import type { SetupTokenStore } from '../../ports/setup-token-store.js';
import type { ConversationStore } from '../../ports/conversation-store.js';

/** Everything the officer console and API need; the composition root builds it once. */
export interface OfficerHttpDeps {
  logger: Logger;
  applications: ApplicationRepository;
  events: EventLog;
  handoffs: HandoffRepository;
  officers: OfficerRepository;
  offices: OfficeRepository;
  outbox: Outbox;
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
  /** How often the live queue re-reads the waiting list. */
  queuePollMs: number;
  /** CANNED_REPLIES: ready answers offered in the reply box. */
  cannedReplies: string[];
  now: () => Date;
  /** The WhatsApp session (health, pairing) for the admin page; absent when WhatsApp is off. */
  whatsapp?: WhatsAppSession;
  /** Assisted intake (console form, POST /api/applications); absent, those routes are not mounted. */
  intake?: IntakeSettings;
}
