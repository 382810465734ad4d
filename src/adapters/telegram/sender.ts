import { InputFile, type Api } from 'grammy';
import type { Logger } from '../../config/logger.js';
import type { ChannelSender, OutgoingFile, SendResult } from '../../ports/channel-sender.js';
import { classifyTelegramError, loggableError } from './errors.js';
import { sendReplies } from './send-replies.js';

/**
 * The Telegram side of the channel-sender port: status notifications and officer messages go
 * out with the same rendering as bot replies; a citizen who blocked the bot is `unreachable`
 * so the outbox stops trying. "Typing…" while an officer writes is a chat action.
 */
export function createTelegramSender(api: Api, logger: Logger): ChannelSender {
  const attempt = async (chatId: string, run: () => Promise<unknown>): Promise<SendResult> => {
    try {
      await run();
      return { ok: true };
    } catch (err) {
      const reason = classifyTelegramError(err);
      const error = err instanceof Error ? err.message : String(err);
      logger.warn({ err: loggableError(err), reason, chat: chatId }, 'telegram send failed');
      return { ok: false, reason, error };
    }
  };
  return {
    channel: 'telegram',
    send: (chatId, replies) => attempt(chatId, () => sendReplies(api, chatId, replies)),
    sendFile: (chatId, file) => attempt(chatId, () => sendFile(api, chatId, file)),
    // Telegram shows it for about 5 seconds or until the next message from the bot.
    async typing(chatId) {
      await api.sendChatAction(chatId, 'typing');
    },
  };
}

/** Types Telegram shows as a photo; anything else (a PDF, a WebP) goes as a document with its name. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

/** One file from its bytes (uploaded with the request): a photo inline, a document otherwise. */
function sendFile(api: Api, chatId: string, file: OutgoingFile): Promise<unknown> {
  const input = new InputFile(file.bytes, file.filename);
  const caption = file.caption ? { caption: file.caption.slice(0, 1024) } : {};
  return PHOTO_TYPES.has(file.contentType)
    ? api.sendPhoto(chatId, input, caption)
    : api.sendDocument(chatId, input, caption);
}
