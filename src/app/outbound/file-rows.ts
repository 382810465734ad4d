import type { ChatAddress } from '../../domain/application.js';
import { outboxOrder, type Outbox, type OutboxFile, type OutboxOrigin } from '../../ports/outbox.js';
import { NotDeliveredError } from '../officer/push-conversation-event.js';
import type { Outbound } from './outbound.js';

/** A file for a citizen's chat, as the outbound path records it. */
export interface FileToSend {
  chat: ChatAddress;
  /** Deterministic, like every outbox key: recording the same file twice is one row. */
  key: string;
  file: OutboxFile;
  /** Whose line hears the final outcome (an officer's file in a transcript). */
  origin?: OutboxOrigin;
  /** When it was asked for (the export's file is named after that day); now when absent. */
  createdAt?: Date;
}

/** Files on the one outbound path: recorded like every message, sent in their chat's lane. */
export interface OutboundFiles {
  /** Records the file (idempotent by key); whoever sends its chat's lane next sends it. */
  record(file: FileToSend): Promise<void>;
  /**
   * Records the file and sends its chat's lane now. Resolves once the file went; throws
   * `NotDeliveredError` when it did not on this try (it is still retried, and `origin` hears
   * the final outcome), as a push does for a message.
   */
  deliver(file: FileToSend): Promise<void>;
}

/**
 * Index of a file among what is recorded in one millisecond: after every reply, so a file
 * recorded right after the message announcing it never goes before that message.
 */
const FILE_INDEX = 99;

/**
 * The composition root's `OutboundFiles`. `now` orders the rows among the chat's messages: the
 * clock the conversation turns use for their replies (real time unless a test fixes both).
 */
export function outboundFiles(deps: {
  outbound: Pick<Outbound, 'record' | 'deliver'>;
  outbox: Pick<Outbox, 'get'>;
  now?: () => Date;
}): OutboundFiles {
  const now = deps.now ?? (() => new Date());
  const rowOf = (f: FileToSend) => {
    const at = now();
    return {
      key: f.key,
      channel: f.chat.channel,
      chatId: f.chat.chatId,
      file: f.file,
      order: outboxOrder(at, FILE_INDEX),
      createdAt: f.createdAt ?? at,
      ...(f.origin ? { origin: f.origin } : {}),
    };
  };
  return {
    async record(f) {
      await deps.outbound.record([rowOf(f)]);
    },
    async deliver(f) {
      await deps.outbound.deliver([rowOf(f)]);
      const row = await deps.outbox.get(f.key);
      if (row?.status === 'sent') return;
      const reason =
        row?.status === 'unreachable' ? 'unreachable' : row?.status === 'failed' ? 'failed' : 'retry';
      throw new NotDeliveredError(reason, row?.lastError ?? 'not sent yet');
    },
  };
}
