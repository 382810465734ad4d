import type { Catalog } from '../../catalog/catalog.js';
import { stepLabel } from '../../dialogue/flow-steps.js';
import type { Application, DocumentRef } from '../../domain/application.js';
import { isFinal } from '../../domain/status.js';
import type { ApplicationRepository, PendingEffect } from '../../ports/application-repository.js';
import { completeEffectsNow } from '../application-effects.js';
import { ConcurrencyError } from '../../ports/errors.js';
import type { HandoffTicket } from '../../ports/handoff-repository.js';
import { invalidInput, OfficerActionError } from './errors.js';
import { attachmentOf, type HandoffFileDeps } from './handoff-files.js';
import { ticketFor } from './handoff-deps.js';
import { formContext } from './intake-form.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { assertInScope } from './scope.js';

/** What adding a conversation's file to an application needs. */
export type AttachHandoffFileDeps = HandoffFileDeps & {
  applications: ApplicationRepository;
  catalog: Catalog;
  /** UPLOAD_MAX_BYTES: the limit of document steps that set none. */
  uploadMaxBytes: number;
};

/** Which file of which conversation goes to which application's document step. */
export interface AttachHandoffFileRequest {
  handoffId: string;
  documentId: string;
  applicationId: string;
  stepId: string;
  /** The language of the refusals. */
  lang?: 'id' | 'en';
}

/** A place a file may go: an open application of the citizen and one of its document steps. */
export interface AttachTarget {
  applicationId: string;
  trackingNumber: string;
  stepId: string;
  stepLabel: string;
}

/** The document steps of the citizen's applications that are still open, for the console's picker. */
export function attachTargets(
  catalog: Catalog,
  uploadMaxBytes: number,
  apps: readonly Application[],
  lang: 'id' | 'en',
  now: Date,
): AttachTarget[] {
  const ctx = formContext(catalog, lang, now, uploadMaxBytes);
  return apps
    .filter((a) => !isFinal(a.status) && !a.erasedAt)
    .flatMap((a) =>
      (catalog.flows.get(a.serviceId)?.steps ?? [])
        .filter((s) => s.kind === 'document')
        .map((s) => ({
          applicationId: a.id,
          trackingNumber: a.trackingNumber,
          stepId: s.id,
          stepLabel: stepLabel(ctx, a.serviceId, s.id),
        })),
    );
}

/**
 * Adds a file the citizen (or an officer) sent in a conversation to one of the citizen's open
 * applications, as the document of one of its steps (the one that was missing), in one audited
 * action. The file must fit the step as an upload in the chat would: its types, its size, its
 * number of files. Adding the same file again changes nothing (`created: false`).
 */
export async function attachHandoffFile(
  deps: AttachHandoffFileDeps,
  officer: OfficerActor,
  req: AttachHandoffFileRequest,
): Promise<{ application: Application; created: boolean }> {
  const lang = req.lang ?? 'id';
  const ticket = await ticketFor(deps, officer, req.handoffId);
  assertNotHeldByOther(officer, ticket);
  const attachment = attachmentOf(ticket, req.documentId);
  if (!attachment) throw new OfficerActionError('not_found', 'Berkas tidak ditemukan (file not found).');
  const app = await citizenApplication(deps, officer, ticket, req.applicationId);
  if (app.documents.some((d) => d.id === req.documentId)) return { application: app, created: false };
  const step = deps.catalog.flows.get(app.serviceId)?.steps.find((s) => s.id === req.stepId);
  if (!step || step.kind !== 'document') {
    throw invalidInput({ target: lang === 'en' ? 'Not a document step.' : 'Bukan langkah dokumen.' }, lang);
  }
  if (
    !step.accept.includes(attachment.contentType) ||
    attachment.size > (step.max_bytes ?? deps.uploadMaxBytes)
  ) {
    const text =
      lang === 'en' ? 'This step does not take this file.' : 'Langkah ini tidak menerima berkas ini.';
    throw invalidInput({ target: `${text} (${step.accept.join(', ')})` }, lang);
  }
  if (app.documents.filter((d) => d.stepId === step.id).length >= step.max_files) {
    throw new OfficerActionError('conflict', 'Dokumen langkah ini sudah lengkap (this step is full).');
  }
  const stored = await deps.documents.get(req.documentId);
  if (!stored) throw new OfficerActionError('not_found', 'Berkas tidak ditemukan (file not found).');
  const at = deps.now();
  const ref: DocumentRef = {
    id: req.documentId,
    stepId: step.id,
    filename: stored.meta.filename,
    contentType: stored.meta.contentType,
    size: stored.meta.size,
    sha256: stored.meta.sha256,
    uploadedAt: at,
  };
  // Attaching (so the orphan sweep keeps the file for as long as the application) and the audit
  // event are follow-ups of the save itself, reconciled after a crash.
  const followUp: PendingEffect = {
    id: `document:${app.id}:${req.documentId}`,
    at,
    audit: {
      type: 'application.document_added',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor: actorOf(officer),
      at,
      data: { handoffId: ticket.id, documentId: req.documentId, stepId: step.id, size: ref.size },
    },
    attachDocuments: [req.documentId],
  };
  const saved = await saveFresh(deps, { ...app, documents: [...app.documents, ref] }, app.version, followUp);
  await completeEffectsNow(deps, saved.id, [followUp]);
  return { application: saved, created: true };
}

/** A conversation another officer holds is theirs; a closed or waiting one any officer in scope may use. */
function assertNotHeldByOther(officer: OfficerActor, ticket: HandoffTicket): void {
  if (ticket.status === 'claimed' && ticket.officerId !== officer.id && officer.role === 'officer') {
    throw new OfficerActionError(
      'forbidden',
      'Percakapan ini sedang dilayani petugas lain (held by another officer).',
    );
  }
}

/** The application, when it is this conversation's citizen's, in the officer's scope, and still open. */
async function citizenApplication(
  deps: AttachHandoffFileDeps,
  officer: OfficerActor,
  ticket: HandoffTicket,
  applicationId: string,
): Promise<Application> {
  const app = await deps.applications.findById(applicationId);
  const contact = app?.applicant.contact;
  if (!app || contact?.channel !== ticket.channel || contact.chatId !== ticket.chatId)
    throw new OfficerActionError(
      'not_found',
      'Permohonan warga ini tidak ditemukan (application not found).',
    );
  assertInScope(officer, app.officeId);
  if (isFinal(app.status) || app.erasedAt)
    throw new OfficerActionError('conflict', 'Permohonan sudah selesai (application is closed).');
  return app;
}

async function saveFresh(
  deps: AttachHandoffFileDeps,
  next: Application,
  version: number,
  followUp: PendingEffect,
): Promise<Application> {
  try {
    return await deps.applications.save(next, version, { effects: [followUp] });
  } catch (err) {
    if (err instanceof ConcurrencyError)
      throw new OfficerActionError(
        'conflict',
        'Permohonan sudah diubah orang lain; muat ulang halaman lalu coba lagi (changed by someone else).',
      );
    throw err;
  }
}
