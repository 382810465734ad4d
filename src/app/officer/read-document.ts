import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DocumentStore, StoredDocumentMeta } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { assertInScope } from './scope.js';

/** What reading a document needs. */
export interface ReadDocumentDeps {
  applications: ApplicationRepository;
  documents: DocumentStore;
  events: EventLog;
  now: () => Date;
}

/**
 * Hands an officer one document of an application they may see, and audits the viewing (KTP
 * photos are personal data). Only documents listed on the application are reachable this way.
 */
export async function readDocument(
  deps: ReadDocumentDeps,
  officer: OfficerActor,
  applicationId: string,
  documentId: string,
): Promise<{ meta: StoredDocumentMeta; bytes: Buffer }> {
  const app = await deps.applications.findById(applicationId);
  if (!app) throw new OfficerActionError('not_found', 'Permohonan tidak ditemukan (application not found).');
  assertInScope(officer, app.officeId);
  const listed = app.documents.some((d) => d.id === documentId);
  const doc = listed ? await deps.documents.get(documentId) : undefined;
  if (!doc) throw new OfficerActionError('not_found', 'Dokumen tidak ditemukan (document not found).');
  await deps.events.append({
    type: 'document.viewed',
    applicationId: app.id,
    trackingNumber: app.trackingNumber,
    officeId: app.officeId,
    actor: actorOf(officer),
    at: deps.now(),
    data: { documentId },
  });
  return doc;
}
