import type { ChannelSender, SendResult } from '../ports/channel-sender.js';
import type { WhatsAppSession, WhatsAppState } from '../ports/whatsapp-session.js';

/** States in which the Baileys number cannot send until an admin acts. */
const LOST: ReadonlySet<WhatsAppState> = new Set(['logged_out', 'conflict', 'failed', 'stopped']);

/** Which path WhatsApp messages take now: the Baileys number, or the Cloud API number. */
export type WhatsAppPath = 'baileys' | 'cloud';

/** The `whatsapp` sender with its failover, and which path it uses now (for the console). */
export interface FailoverSender extends ChannelSender {
  path(): WhatsAppPath;
}

/**
 * The sender registered for the `whatsapp` channel when both numbers are configured: the
 * Baileys sender while its session is usable, the Cloud API sender once the session has been
 * logged out, in conflict, failed or stopped for `afterMs`. A Baileys chat id
 * (`62812…@s.whatsapp.net`) is the Cloud API's `to` without its domain. On the Cloud API a
 * status notice outside the 24-hour window goes as the approved template; anything else
 * there fails for good with the reason, rather than waiting for a number that is gone.
 */
export function withCloudFailover(
  baileys: ChannelSender,
  session: Pick<WhatsAppSession, 'status'>,
  cloud: ChannelSender,
  afterMs: number,
  now: () => Date,
): FailoverSender {
  const path = (): WhatsAppPath => {
    const s = session.status();
    return LOST.has(s.state) && now().getTime() - s.since.getTime() >= afterMs ? 'cloud' : 'baileys';
  };
  const cloudChat = (chatId: string): string | undefined => {
    const m = /^(\d{5,20})@s\.whatsapp\.net$/.exec(chatId);
    return m ? m[1] : undefined;
  };
  const unreachable = (chatId: string): SendResult => ({
    ok: false,
    reason: 'unreachable',
    error: `no WhatsApp number in chat id …${chatId.slice(-6)} for the Cloud API`,
  });
  return {
    channel: 'whatsapp',
    path,
    ready: () => path() === 'cloud' || (baileys.ready?.() ?? true),
    send(chatId, replies, options) {
      if (path() === 'baileys') return baileys.send(chatId, replies, options);
      const to = cloudChat(chatId);
      return to ? cloud.send(to, replies, options) : Promise.resolve(unreachable(chatId));
    },
    sendFile(chatId, file) {
      if (path() === 'baileys')
        return baileys.sendFile ? baileys.sendFile(chatId, file) : Promise.resolve(unreachable(chatId));
      const to = cloudChat(chatId);
      return to && cloud.sendFile ? cloud.sendFile(to, file) : Promise.resolve(unreachable(chatId));
    },
    async typing(chatId) {
      if (path() === 'baileys') await baileys.typing?.(chatId);
    },
  };
}
