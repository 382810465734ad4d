import type { Reply } from '../../dialogue/types.js';
import { splitText, WHATSAPP_TEXT_LIMIT } from './split-text.js';

/**
 * Turns channel-neutral replies into WhatsApp texts. The catalog already writes WhatsApp's
 * `*bold*`; a menu becomes numbered lines (Baileys 7 sends no buttons or lists), which the
 * engine matches when the citizen types "2" or the option's words. Long texts are split.
 */
export function renderReplies(replies: Reply[], limit: number = WHATSAPP_TEXT_LIMIT): string[] {
  return replies.flatMap((r) => splitText(renderReply(r), limit));
}

function renderReply(reply: Reply): string {
  if (reply.kind !== 'menu') return reply.text;
  return [reply.text, '', ...reply.options.map((o, i) => `*${i + 1}.* ${o.label}`)].join('\n');
}
