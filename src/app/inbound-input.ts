import type { Input, UploadedFile } from '../dialogue/types.js';
import type { InboundFile, InboundMessage } from './inbound.js';
import type { DocumentStore } from '../ports/document-store.js';
import { VOICE_MAX_BYTES, VOICE_TYPES } from './file-check.js';

/** What turning a citizen's message into engine input needs: where and which uploads are kept. */
export interface InboundInputDeps {
  documents: DocumentStore;
  uploadMaxBytes: number;
  allowedTypes: string[];
}

/**
 * The engine's input for a citizen's message. A file is stored first (the engine only sees what
 * was kept), so the caller must hold the message's claim: two deliveries never store it at once.
 */
export async function toCitizenInput(deps: InboundInputDeps, msg: InboundMessage): Promise<Input> {
  const at = msg.at.toISOString();
  const c = msg.content;
  if (c.kind !== 'file') return { ...c, at };
  if (c.file.voice) {
    const limits = {
      ...deps,
      uploadMaxBytes: Math.min(deps.uploadMaxBytes, VOICE_MAX_BYTES),
      allowedTypes: [...VOICE_TYPES],
    };
    return { kind: 'voice', file: await storeUpload(limits, msg, c.file), at };
  }
  const file = await storeUpload(deps, msg, c.file);
  return { kind: 'file', file, ...(c.file.caption ? { caption: c.file.caption } : {}), at };
}

/** An upload that was not stored: the engine still hears of it (empty id) and explains why. */
function refused(
  f: InboundFile,
  contentType: string,
  size: number,
  problem?: UploadedFile['problem'],
): UploadedFile {
  return {
    documentId: '',
    filename: f.filename,
    contentType,
    size,
    sha256: '',
    ...(problem ? { problem } : {}),
  };
}

/**
 * Stores the upload as pending (the engine decides whether the step takes it). A file refused
 * by size or type is not stored.
 */
async function storeUpload(
  deps: InboundInputDeps,
  msg: InboundMessage,
  f: InboundFile,
): Promise<UploadedFile> {
  if (f.announcedSize !== undefined && f.announcedSize > deps.uploadMaxBytes)
    return refused(f, 'application/octet-stream', f.announcedSize);
  let bytes: Buffer;
  try {
    bytes = await f.fetch(deps.uploadMaxBytes);
  } catch (err) {
    if ((err as { code?: string }).code === 'TOO_BIG')
      return refused(f, 'application/octet-stream', deps.uploadMaxBytes + 1);
    throw err;
  }
  const put = await deps.documents.put({
    bytes,
    filename: f.filename,
    owner: { channel: msg.channel, chatId: msg.chatId },
    maxBytes: deps.uploadMaxBytes,
    allowedTypes: deps.allowedTypes,
    // A redelivery of this message gets the file stored the first time, never a second copy.
    key: `${msg.channel}:${msg.messageId}`,
  });
  if (!put.ok) {
    const problem = put.reason === 'too_big' || put.reason === 'type_not_allowed' ? undefined : put.reason;
    return refused(f, put.detectedType ?? 'application/octet-stream', bytes.length, problem);
  }
  return put.file;
}
