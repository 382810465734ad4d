import type { Reply } from '../../dialogue/types.js';

/** Renders channel-neutral replies as plain text with numbered menus (terminal and WhatsApp style). */
export function formatPlain(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.text;
    case 'menu':
      return [reply.text, ...reply.options.map((o, i) => `${i + 1}. ${o.label}`)].join('\n');
    case 'document_request':
      return reply.text;
  }
}
