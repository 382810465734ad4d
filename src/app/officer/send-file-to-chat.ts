import type { Logger } from '../../config/logger.js';
import type { ChatAddress } from '../../domain/application.js';
import type { ChannelSender, OutgoingFile } from '../../ports/channel-sender.js';

/**
 * Sends one file to a citizen's chat on its channel. Throws when the channel has no sender, cannot
 * carry files, or the send failed, so the caller can show that the file did not reach the citizen.
 */
export type SendFileToChat = (address: ChatAddress, file: OutgoingFile) => Promise<void>;

/** The composition root's `SendFileToChat` over the channels' senders (registered as they start). */
export function makeSendFileToChat(
  senders: ReadonlyMap<string, ChannelSender>,
  logger: Logger,
): SendFileToChat {
  return async (address, file) => {
    const sender = senders.get(address.channel);
    if (!sender?.sendFile) throw new Error(`no file sender for channel ${address.channel}`);
    const sent = await sender.sendFile(address.chatId, file);
    if (!sent.ok) {
      logger.warn({ channel: address.channel, reason: sent.reason }, 'file not delivered');
      throw new Error(`not delivered: ${sent.reason}`);
    }
  };
}
