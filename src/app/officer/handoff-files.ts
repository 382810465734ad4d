import type { DocumentStore, StoredDocumentMeta } from '../../ports/document-store.js';
import type { HandoffTicket, TranscriptAttachment } from '../../ports/handoff-repository.js';
import type { OutboundFiles } from '../outbound/file-rows.js';
import { refusalText } from './assisted-intake-documents.js';
import type { HandoffResult } from './claim-handoff.js';
import { deliverLine } from './deliver-reply.js';
import { OfficerActionError } from './errors.js';
import { auditHandoff, assertHolder, type HandoffDeps, ticketFor, tryPush } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/**
 * The limits of a file in a handoff, as for a citizen's upload (UPLOAD_MAX_BYTES,
 * UPLOAD_ALLOWED_TYPES), and the outbound path its files go out on.
 */
export interface HandoffFileSettings {
  uploadMaxBytes: number;
  allowedTypes: string[];
  outbound: Pick<OutboundFiles, 'deliver'>;
}

/** What the handoff file use cases need: the handoff's own deps and the document store. */
export type HandoffFileDeps = HandoffDeps & { documents: DocumentStore };

/** Longest text sent with a file: Telegram's caption limit is 1024 characters. */
export const MAX_CAPTION_LENGTH = 1000;

/** The attachment of a ticket's transcript with this document id; files outside it are not reachable. */
export function attachmentOf(
  ticket: { transcript: ReadonlyArray<{ attachment?: TranscriptAttachment }> },
  documentId: string,
): TranscriptAttachment | undefined {
  return ticket.transcript.find((l) => l.attachment?.documentId === documentId)?.attachment;
}

/**
 * Hands an officer a file of a conversation they may see (its office, complaints for supervisors),
 * and audits the viewing: citizens send KTP photos. Only files its transcript references are
 * reachable; one the orphan sweep removed since is not found.
 */
export async function readHandoffFile(
  deps: HandoffFileDeps,
  officer: OfficerActor,
  handoffId: string,
  documentId: string,
): Promise<{ meta: StoredDocumentMeta; bytes: Buffer }> {
  const ticket = await ticketFor(deps, officer, handoffId);
  const doc = attachmentOf(ticket, documentId) ? await deps.documents.get(documentId) : undefined;
  if (!doc) throw new OfficerActionError('not_found', 'Berkas tidak ditemukan (file not found).');
  await auditHandoff(deps, officer, ticket, 'document.viewed', {
    data: { documentId },
  });
  return doc;
}

/** An officer's file for the citizen: its name and bytes as uploaded, and an optional text with it. */
export interface OfficerFile {
  filename: string;
  bytes: Buffer;
  caption?: string;
}

/**
 * Sends a file (a blank form, a photo of a notice) to the citizen of a conversation the officer
 * holds. It is checked and stored like a citizen's upload (type from the bytes, the size limit,
 * no damaged or active PDFs), kept in the transcript, audited, then the officer's line (the text,
 * or the file's name) and the file go on the outbound path, the file after the line: recorded,
 * retried, and shown as undelivered when it fails for good. The file's transcript line shows its
 * delivery as a reply's does; `notified` is whether the file went at once.
 */
export async function sendHandoffFile(
  deps: HandoffFileDeps & { files: HandoffFileSettings },
  officer: OfficerActor,
  id: string,
  file: OfficerFile,
  lang: 'id' | 'en' = 'id',
): Promise<HandoffResult & { attachment: TranscriptAttachment }> {
  const caption = file.caption?.trim() ?? '';
  if (caption.length > MAX_CAPTION_LENGTH) {
    throw new OfficerActionError('invalid', 'Keterangan terlalu panjang (caption too long).', {
      caption: `Maksimal ${MAX_CAPTION_LENGTH} karakter.`,
    });
  }
  const ticket = await ticketFor(deps, officer, id);
  assertHolder(officer, ticket);
  const put = await deps.documents.put({
    bytes: file.bytes,
    filename: file.filename,
    owner: { channel: 'console', chatId: `officer:${officer.id}` },
    maxBytes: deps.files.uploadMaxBytes,
    allowedTypes: deps.files.allowedTypes,
  });
  if (!put.ok) {
    const message = refusalText(put, file.filename, deps.files.allowedTypes, lang);
    throw new OfficerActionError('invalid', message, { file: message });
  }
  const { documentId, filename, contentType, size } = put.file;
  const attachment: TranscriptAttachment = { documentId, filename, contentType, size };
  const at = deps.now();
  const text = `[berkas: ${filename}]${caption ? ` ${caption}` : ''}`;
  const added = await deps.handoffs.appendLine(id, {
    from: 'officer',
    text,
    at,
    attachment,
    delivery: { state: 'queued', at },
  });
  if (!added) {
    await deps.documents.delete(documentId);
    throw new OfficerActionError('conflict', 'Percakapan sudah ditutup (conversation closed).');
  }
  const { ticket: updated, index } = added;
  await auditHandoff(deps, officer, updated, 'handoff.file_sent', {
    at,
    // The name may say whose document it is: the transcript keeps it, the audit log does not.
    data: { documentId, contentType, size },
  });
  // The line that announces the file; a failed try is retried, the file waiting behind it.
  await tryPush(deps, updated, {
    kind: 'officer_message',
    text: caption || `📎 ${filename}`,
    officerName: officer.displayName,
  });
  const notified = await deliverFileLine(deps, updated, index, attachment, fileKey(updated.id, index));
  return { ticket: updated, notified, attachment };
}

/** The outbox key of the file of transcript line `index`; a retry by the officer adds its time. */
export function fileKey(handoffId: string, index: number, retryAt?: Date): string {
  return `handoff-file:${handoffId}:${index}${retryAt ? `:${retryAt.getTime()}` : ''}`;
}

/**
 * Records the file of transcript line `index` on the outbound path (the row names the stored
 * document, whose bytes are read when it is sent) and sends the chat's lane; the line shows how
 * the first try went and, later, the final outcome. Answers whether it went at once.
 */
export function deliverFileLine(
  deps: Pick<HandoffDeps, 'handoffs' | 'now'> & { files: Pick<HandoffFileSettings, 'outbound'> },
  ticket: Pick<HandoffTicket, 'id' | 'channel' | 'chatId'>,
  index: number,
  attachment: TranscriptAttachment,
  key: string,
): Promise<boolean> {
  return deliverLine(deps, ticket, index, () =>
    deps.files.outbound.deliver({
      chat: { channel: ticket.channel, chatId: ticket.chatId },
      key,
      file: { kind: 'document', documentId: attachment.documentId, filename: attachment.filename },
      origin: { handoffId: ticket.id, index },
    }),
  );
}
