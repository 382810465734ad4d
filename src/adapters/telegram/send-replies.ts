import type { Api } from 'grammy';
import type { Reply } from '../../dialogue/types.js';
import { renderReplies } from './render.js';

/**
 * Sends replies to one chat in order, in HTML parse mode; the first failure stops the rest (a
 * later message must not arrive before an earlier one) and is thrown to the caller.
 */
export async function sendReplies(api: Api, chatId: string | number, replies: Reply[]): Promise<void> {
  for (const m of renderReplies(replies)) {
    await api.sendMessage(chatId, m.text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    });
  }
}
