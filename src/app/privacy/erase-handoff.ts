import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { ErasableHandoff, HandoffRepository } from '../../ports/handoff-repository.js';
import type { SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import type { ErasureCause } from './erasure-cause.js';

/** What erasing one closed handoff needs, whoever asks for it. */
export interface HandoffErasureDeps {
  handoffs: Pick<HandoffRepository, 'erase'>;
  satisfaction: Pick<SatisfactionRepository, 'dropComments'>;
  documents: Pick<DocumentStore, 'delete' | 'attach'>;
  applications: Pick<ApplicationRepository, 'findByDocumentId'>;
  events: EventLog;
}

/** What one erasure did with the transcript's files. */
export interface HandoffErased {
  documentsDeleted: number;
  /** Files an application lists: its own retention governs them. */
  documentsKept: number;
}

/**
 * The one rule for erasing a closed handoff, for retention and a citizen's deletion request
 * alike: the record loses its personal data (`HandoffRepository.erase`), its satisfaction answer
 * its comment (the score stays for the figures), its transcript's files are deleted except one
 * an application lists, and one `handoff.personal_data_erased` event audits it. Undefined when it
 * was not erased now (not closed, or erased already: of two erasures one audits it).
 */
export async function eraseHandoff(
  deps: HandoffErasureDeps,
  handoff: ErasableHandoff,
  cause: ErasureCause,
): Promise<HandoffErased | undefined> {
  // The record first: an erasure cut short after it leaves files no transcript names, which the
  // orphan sweep deletes (they are pending uploads) unless an application lists them, and no
  // audit event (the record's `erasedAt` still says when).
  if (!(await deps.handoffs.erase(handoff.id, cause.at))) return undefined;
  await deps.satisfaction.dropComments([handoff.id]);
  const erased: HandoffErased = { documentsDeleted: 0, documentsKept: 0 };
  for (const documentId of new Set(handoff.documentIds)) {
    const app = await deps.applications.findByDocumentId(documentId);
    if (app) {
      await deps.documents.attach(documentId, app.id);
      erased.documentsKept++;
    } else {
      await deps.documents.delete(documentId);
      erased.documentsDeleted++;
    }
  }
  await deps.events.append({
    type: 'handoff.personal_data_erased',
    actor: cause.actor,
    at: cause.at,
    ...(handoff.officeId ? { officeId: handoff.officeId } : {}),
    data: {
      ticketId: handoff.id,
      ...cause.why,
      closedAt: handoff.closedAt.toISOString(),
      linesRemoved: handoff.lines,
      ...erased,
    },
  });
  return erased;
}
