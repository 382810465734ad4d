import { phoneOfJid } from '../adapters/whatsapp/parse-message.js';
import type { ChannelSender, SendResult } from '../ports/channel-sender.js';
import type { WhatsAppSession, WhatsAppState } from '../ports/whatsapp-session.js';

/**
 * States in which the Baileys number cannot send until an admin acts. A logout clears the login
 * and goes on to `connecting` and `pairing` (waiting for a new QR scan): those count too, so the
 * minutes run from the logout, not from the last state change.
 */
const LOST: ReadonlySet<WhatsAppState> = new Set([
  'logged_out',
  'conflict',
  'failed',
  'stopped',
  'connecting',
  'pairing',
]);
/** States in which the number is in use (here, or by the process holding it): the minutes start over. */
const USABLE: ReadonlySet<WhatsAppState> = new Set(['open', 'standby']);

/** Which path WhatsApp messages take now: the Baileys number, or the Cloud API number. */
export type WhatsAppPath = 'baileys' | 'cloud';

/** The `whatsapp` sender with its failover, and which path it uses now (for the console). */
export interface FailoverSender extends ChannelSender {
  path(): WhatsAppPath;
}

/**
 * The one message that tells a citizen, before the first notice of their chat on the failover
 * path, that the office's WhatsApp notices now come from the Cloud API number. `told` and `mark`
 * are a durable record per number shared by every process, so "once" survives restarts.
 */
export interface NewNumberNotice {
  told(number: string): Promise<boolean>;
  send(number: string): Promise<SendResult>;
  mark(number: string): Promise<void>;
}

/**
 * The sender registered for the `whatsapp` channel when both numbers are configured: the
 * Baileys sender while its session is usable, the Cloud API sender once it has been unable to
 * send (logged out and waiting for a new pairing, in conflict, failed, stopped) for `afterMs`
 * without being open in between; a transient `reconnecting` neither starts nor ends the wait. A Baileys chat id
 * (`62812…@s.whatsapp.net`) is the Cloud API's `to` without its domain. A chat's first message
 * on the Cloud API path is preceded by the new-number notice (a failed notice fails the message,
 * which the outbound path retries or shows, so the notice is never skipped). On the Cloud API
 * the citizen's 24-hour window is closed unless they wrote to that number: a status notice goes
 * as the approved template, anything else fails for good with the reason.
 */
export function withCloudFailover(
  baileys: ChannelSender,
  session: Pick<WhatsAppSession, 'status'>,
  cloud: ChannelSender,
  afterMs: number,
  now: () => Date,
  newNumber?: NewNumberNotice,
): FailoverSender {
  // When the session was first seen unable to send, since it was last seen usable.
  let lostSince: Date | undefined;
  const path = (): WhatsAppPath => {
    const s = session.status();
    if (USABLE.has(s.state)) lostSince = undefined;
    else if (LOST.has(s.state)) lostSince ??= s.since;
    if (!LOST.has(s.state) || !lostSince) return 'baileys';
    return now().getTime() - lostSince.getTime() >= afterMs ? 'cloud' : 'baileys';
  };
  const viaCloud = async (chatId: string, send: (to: string) => Promise<SendResult>): Promise<SendResult> => {
    const to = phoneOfJid(chatId);
    if (!to) return unreachable(chatId);
    let noticeIds: string[] = [];
    if (newNumber && !(await newNumber.told(to))) {
      const notice = await newNumber.send(to);
      if (!notice.ok) return notice;
      await newNumber.mark(to);
      noticeIds = notice.providerIds ?? [];
    }
    const result = await send(to);
    if (!result.ok || noticeIds.length === 0) return result;
    return { ok: true, providerIds: [...noticeIds, ...(result.providerIds ?? [])] };
  };
  return {
    channel: 'whatsapp',
    path,
    ready: () => path() === 'cloud' || (baileys.ready?.() ?? true),
    send(chatId, replies, options) {
      if (path() === 'baileys') return baileys.send(chatId, replies, options);
      return viaCloud(chatId, (to) => cloud.send(to, replies, options));
    },
    sendFile(chatId, file) {
      if (path() === 'baileys')
        return baileys.sendFile ? baileys.sendFile(chatId, file) : Promise.resolve(unreachable(chatId));
      const sendFile = cloud.sendFile?.bind(cloud);
      if (!sendFile) return Promise.resolve(unreachable(chatId));
      return viaCloud(chatId, (to) => sendFile(to, file));
    },
    async typing(chatId) {
      if (path() === 'baileys') await baileys.typing?.(chatId);
    },
  };
}

function unreachable(chatId: string): SendResult {
  return {
    ok: false,
    reason: 'unreachable',
    error: `no WhatsApp number in chat id …${chatId.slice(-6)} for the Cloud API`,
  };
}
