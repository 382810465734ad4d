import type { Api } from 'grammy';
import type { Logger } from '../../config/logger.js';
import type { ChannelSender, SendResult } from '../../ports/channel-sender.js';
import { classifyTelegramError, loggableError } from './errors.js';
import { sendReplies } from './send-replies.js';

/**
 * The Telegram side of the channel-sender port: status notifications and officer messages go
 * out with the same rendering as bot replies; a citizen who blocked the bot is `unreachable`
 * so the outbox stops trying. "Typing…" while an officer writes is a chat action.
 */
export function createTelegramSender(api: Api, logger: Logger): ChannelSender {
  return {
    channel: 'telegram',
    async send(chatId, replies): Promise<SendResult> {
      try {
        await sendReplies(api, chatId, replies);
        return { ok: true };
      } catch (err) {
        const reason = classifyTelegramError(err);
        const error = err instanceof Error ? err.message : String(err);
        logger.warn({ err: loggableError(err), reason, chat: chatId }, 'telegram send failed');
        return { ok: false, reason, error };
      }
    },
    // Telegram shows it for about 5 seconds or until the next message from the bot.
    async typing(chatId) {
      await api.sendChatAction(chatId, 'typing');
    },
  };
}
