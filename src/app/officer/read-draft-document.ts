import type { ConversationStore } from '../../ports/conversation-store.js';
import type { DocumentStore, StoredDocumentMeta } from '../../ports/document-store.js';
import { OfficerActionError } from './errors.js';
import { type HandoffDeps, ticketFor } from './handoff-deps.js';
import { actorOf, type OfficerActor } from './officer-actor.js';

/** What reading a draft's document needs. */
export interface ReadDraftDocumentDeps extends HandoffDeps {
  conversations: Pick<ConversationStore, 'read'>;
  documents: DocumentStore;
}

/**
 * Hands an officer one document the citizen uploaded to the application they are still filling
 * in with the bot, from a conversation the officer may see, and audits the viewing (a KTP photo
 * is personal data). Only a document the chat's draft lists is reachable, and only while the
 * conversation is open.
 */
export async function readDraftDocument(
  deps: ReadDraftDocumentDeps,
  officer: OfficerActor,
  handoffId: string,
  documentId: string,
): Promise<{ meta: StoredDocumentMeta; bytes: Buffer }> {
  const ticket = await ticketFor(deps, officer, handoffId);
  const stored =
    ticket.status === 'closed' ? undefined : await deps.conversations.read(ticket.channel, ticket.chatId);
  const files = Object.values(stored?.state.flow?.draft.documents ?? {}).flat();
  const listed = files.some((f) => f.documentId === documentId);
  const doc = listed ? await deps.documents.get(documentId) : undefined;
  if (!doc) throw new OfficerActionError('not_found', 'Dokumen tidak ditemukan (document not found).');
  await deps.events.append({
    type: 'document.viewed',
    actor: actorOf(officer),
    at: deps.now(),
    officeId: ticket.officeId ?? officer.officeId,
    data: { documentId, handoffId: ticket.id },
  });
  return doc;
}
