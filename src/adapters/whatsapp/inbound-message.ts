import type { InboundMessage } from '../../app/inbound.js';
import type { ParsedContent, ParsedMessage } from './parse-message.js';

/** The parsed contents the use case can read; the others are settled by the adapter itself. */
export type ReadableContent = Extract<ParsedContent, { kind: 'text' } | { kind: 'media' }>;

/**
 * The channel-neutral message the use case takes. What WhatsApp did not give (an empty name,
 * caption or size) is left out rather than set empty, and a file's bytes are fetched only when
 * the use case asks for them.
 */
export function toInboundMessage(
  msg: ParsedMessage,
  content: ReadableContent,
  fetch: (maxBytes: number) => Promise<Buffer>,
): InboundMessage {
  return {
    channel: 'whatsapp',
    chatId: msg.chatId,
    messageId: msg.messageId,
    at: msg.at,
    ...(msg.name || msg.phone
      ? { sender: { ...(msg.name ? { name: msg.name } : {}), ...(msg.phone ? { phone: msg.phone } : {}) } }
      : {}),
    content:
      content.kind === 'text'
        ? { kind: 'text', text: content.text }
        : {
            kind: 'file',
            file: {
              filename: content.filename,
              ...(content.announcedSize !== undefined ? { announcedSize: content.announcedSize } : {}),
              ...(content.caption ? { caption: content.caption } : {}),
              ...(content.media === 'audio' ? { voice: true as const } : {}),
              fetch,
            },
          },
  };
}
