import type { ChatAddress } from '../../domain/application.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { DocumentStore } from '../../ports/document-store.js';
import { readChatData, type ChatDataDeps } from '../privacy/chat-data.js';
import { exportFile, exportFilename } from '../privacy/export-file.js';
import type { OutboxFileSource } from './send-lane.js';

/** What reading a file row's bytes needs: the document store, and what the export is made of. */
export interface OutboxFileSourceDeps extends ChatDataDeps {
  documents: Pick<DocumentStore, 'get'>;
  /** The chat's draft in progress, for the export. */
  conversations: Pick<ConversationStore, 'read'>;
  now: () => Date;
}

/**
 * The composition root's `OutboxFileSource`: an officer's file from the document store; the
 * "data saya" export made again from what Loket holds now (it is never stored as a file), named
 * after the day it was asked for, as the citizen's answer named it.
 */
export function makeOutboxFileSource(deps: OutboxFileSourceDeps): OutboxFileSource {
  return async (row) => {
    const { file } = row;
    if (file.kind === 'document') {
      const doc = await deps.documents.get(file.documentId);
      if (!doc) return undefined;
      return { bytes: doc.bytes, filename: doc.meta.filename, contentType: doc.meta.contentType };
    }
    const chat: ChatAddress = { channel: row.channel, chatId: row.chatId };
    const stored = await deps.conversations.read(chat.channel, chat.chatId);
    const data = await readChatData(deps, chat, stored?.state.flow?.draft);
    return { ...exportFile(data, chat, deps.now(), file.lang), filename: exportFilename(row.createdAt) };
  };
}
