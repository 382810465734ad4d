import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Reply } from '../../dialogue/types.js';
import { encodeChoice } from './callback-data.js';
import { toTelegramHtml } from './html.js';
import { splitText } from './split-text.js';

/** One Telegram message ready for sendMessage: HTML-escaped text, keyboard on the last piece. */
export interface OutgoingMessage {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

/**
 * Turns channel-neutral replies into Telegram messages. A menu is both an inline keyboard (one
 * button per row, so long Indonesian labels stay readable) and numbered text, so typing "2"
 * works too; long texts are split under Telegram's limit.
 */
export function renderReplies(replies: Reply[]): OutgoingMessage[] {
  return replies.flatMap(renderReply);
}

function renderReply(reply: Reply): OutgoingMessage[] {
  if (reply.kind !== 'menu') return splitText(reply.text).map((t) => ({ text: toTelegramHtml(t) }));
  const numbered = [reply.text, ...reply.options.map((o, i) => `${i + 1}. ${o.label}`)].join('\n');
  const pieces = splitText(numbered).map((t): OutgoingMessage => ({ text: toTelegramHtml(t) }));
  const rows = reply.options.flatMap((o): InlineKeyboardButton[][] => {
    const data = encodeChoice(o.value);
    return data === undefined ? [] : [[{ text: o.label, callback_data: data }]];
  });
  const last = pieces[pieces.length - 1];
  if (last && rows.length > 0) last.replyMarkup = { inline_keyboard: rows };
  return pieces;
}
