import type { Catalog } from '../../catalog/catalog.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type {
  DeletionRequest,
  DeletionRequestRepository,
  PendingDeletions,
} from '../../ports/deletion-request-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import { erasable, inProgress } from '../privacy/chat-data.js';
import { eraseChatData, type ChatErasure } from '../privacy/erase-chat.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import type { PushConversationEvent } from './push-conversation-event.js';

/** Requests listed on the page at once: pending ones first, so none is hidden by old decisions. */
const LISTED = 100;

/** Longest refusal reason: it is sent to the citizen as a chat message. */
export const MAX_REASON_LENGTH = 1000;

/** What deciding citizens' deletion requests needs. */
export interface DeletionRequestDeps {
  deletionRequests: DeletionRequestRepository;
  applications: ApplicationRepository;
  handoffs: HandoffRepository;
  satisfaction: SatisfactionRepository;
  documents: DocumentStore;
  events: EventLog;
  conversations: Pick<ConversationStore, 'read'>;
  push: PushConversationEvent;
  catalog?: Catalog;
  now: () => Date;
}

/** One request as the page shows it: what approving it would delete now, and what it would keep. */
export interface DeletionRow {
  request: DeletionRequest;
  overdue: boolean;
  /** Finished applications whose personal data approval erases. */
  finalApplications: number;
  /** Tracking numbers kept until they finish. */
  inProgress: string[];
  draft: boolean;
  handoffs: number;
}

/** Who decides: supervisors and admins (no office owns a chat, so every one of them may). */
function assertDecider(officer: OfficerActor): void {
  if (officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Hanya supervisor dan admin yang memutuskan permintaan hapus data (not allowed).',
    );
  }
}

/** The requests, pending first with their deadline, and what each would delete. */
export async function listDeletionRequests(
  deps: DeletionRequestDeps,
  officer: OfficerActor,
): Promise<DeletionRow[]> {
  assertDecider(officer);
  const now = deps.now();
  const requests = await deps.deletionRequests.list(LISTED);
  return Promise.all(
    requests.map(async (request): Promise<DeletionRow> => {
      const base = { request, overdue: request.status === 'pending' && request.dueAt < now };
      if (request.status !== 'pending')
        return { ...base, finalApplications: 0, inProgress: [], draft: false, handoffs: 0 };
      const chat = { channel: request.channel, chatId: request.chatId };
      const [applications, handoffs, conversation] = await Promise.all([
        deps.applications.listByContact(chat),
        deps.handoffs.listByChat(chat.channel, chat.chatId, 100),
        deps.conversations.read(chat.channel, chat.chatId),
      ]);
      return {
        ...base,
        finalApplications: erasable(applications).length,
        inProgress: inProgress(applications).map((a) => a.trackingNumber),
        draft: conversation?.state.flow !== undefined,
        handoffs: handoffs.filter((h) => h.status === 'closed').length,
      };
    }),
  );
}

/** The dashboard's line: how many wait, and the nearest deadline. */
export function pendingDeletions(
  deps: Pick<DeletionRequestDeps, 'deletionRequests'>,
  officer: OfficerActor,
): Promise<PendingDeletions> {
  assertDecider(officer);
  return deps.deletionRequests.pendingSummary();
}

/** Marks the request decided: of two supervisors at once, one decides; the other hears so. */
async function decide(
  deps: DeletionRequestDeps,
  officer: OfficerActor,
  id: string,
  decision: { status: 'approved' | 'refused'; reason?: string },
): Promise<DeletionRequest> {
  const decided = await deps.deletionRequests.decide(id, { ...decision, at: deps.now(), by: officer.id });
  if (decided) return decided;
  const exists = await deps.deletionRequests.get(id);
  throw exists
    ? new OfficerActionError('conflict', 'Permintaan ini sudah diputuskan (already decided).')
    : new OfficerActionError('not_found', 'Permintaan tidak ditemukan (request not found).');
}

/** Tells the citizen through their conversation; a failed send is still queued, never thrown. */
async function tell(
  deps: DeletionRequestDeps,
  request: DeletionRequest,
  event: { approved: boolean; reason?: string; kept: string[] },
): Promise<boolean> {
  try {
    await deps.push(
      { channel: request.channel, chatId: request.chatId },
      { kind: 'deletion_decided', ...event },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Approves a request: the chat's finished applications, closed officer conversations and
 * survey comments are erased now, its conversation forgets the draft (through the decision's
 * push, so the state stays one), and the citizen is told, with the applications in progress
 * that are kept until they finish. Audited with counts only.
 */
export async function approveDeletion(
  deps: DeletionRequestDeps,
  officer: OfficerActor,
  id: string,
): Promise<{ request: DeletionRequest; erasure: ChatErasure; notified: boolean }> {
  assertDecider(officer);
  const request = await decide(deps, officer, id, { status: 'approved' });
  const at = request.decidedAt ?? deps.now();
  const erasure = await eraseChatData(
    { ...deps, flows: deps.catalog?.flows ?? new Map() },
    { channel: request.channel, chatId: request.chatId },
    { actor: actorOf(officer), requestId: request.id, at },
  );
  await deps.events.append({
    type: 'privacy.deletion_approved',
    actor: actorOf(officer),
    at,
    data: { requestId: request.id, ...erasure, kept: erasure.kept.length },
  });
  const notified = await tell(deps, request, { approved: true, kept: erasure.kept });
  return { request, erasure, notified };
}

/** Refuses a request with a reason the citizen reads; nothing is deleted. Audited. */
export async function refuseDeletion(
  deps: DeletionRequestDeps,
  officer: OfficerActor,
  id: string,
  reasonTyped: string,
  lang: 'id' | 'en' = 'id',
): Promise<{ request: DeletionRequest; notified: boolean }> {
  assertDecider(officer);
  const reason = reasonTyped.trim();
  if (!reason || reason.length > MAX_REASON_LENGTH) {
    const say = reason
      ? { id: `Maksimal ${MAX_REASON_LENGTH} karakter.`, en: `At most ${MAX_REASON_LENGTH} characters.` }
      : {
          id: 'Alasan wajib diisi: warga akan membacanya.',
          en: 'A reason is required: the citizen reads it.',
        };
    throw new OfficerActionError('invalid', say[lang], { reason: say[lang] });
  }
  const request = await decide(deps, officer, id, { status: 'refused', reason });
  await deps.events.append({
    type: 'privacy.deletion_refused',
    actor: actorOf(officer),
    at: request.decidedAt ?? deps.now(),
    // The reason may name the citizen's case: the request keeps it, the audit log its length.
    data: { requestId: request.id, reasonLength: reason.length },
  });
  const notified = await tell(deps, request, { approved: false, reason, kept: [] });
  return { request, notified };
}
