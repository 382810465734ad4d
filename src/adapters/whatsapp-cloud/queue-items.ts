import type { NewQueuedInbound } from '../../ports/inbound-queue.js';
import type { CloudInbound, CloudStatus, CloudWebhook } from './parse.js';
import { WA_CLOUD } from './sender.js';

/** One stored webhook item: a citizen's message or a delivery receipt. */
export type CloudItem = { message: CloudInbound } | { status: CloudStatus };

/**
 * The items of a verified webhook call, as the inbound queue stores them: a message under its
 * wamid, in its chat's lane and in the citizen's order; a receipt under its wamid and state, in
 * its recipient's lane. A redelivery of the call maps onto the same ids.
 */
export function queueItems(webhook: CloudWebhook): NewQueuedInbound[] {
  const messages = webhook.messages.map((m, i) => ({
    id: `${WA_CLOUD}:${m.id}`,
    channel: WA_CLOUD,
    chat: m.from,
    payload: encode({ message: m }),
    order: m.at.getTime() * 100 + i,
  }));
  const statuses = webhook.statuses.map((s, i) => ({
    id: `${WA_CLOUD}:receipt:${s.id}:${s.state}`,
    channel: WA_CLOUD,
    chat: `receipt:${s.recipient}`,
    payload: encode({ status: s }),
    order: s.at.getTime() * 100 + i,
  }));
  return [...messages, ...statuses];
}

function encode(item: CloudItem): string {
  return JSON.stringify(item);
}

/** The item a payload holds, its dates restored. */
export function decodeItem(payload: string): CloudItem {
  const item = JSON.parse(payload) as { message?: CloudInbound; status?: CloudStatus };
  if (item.message) return { message: { ...item.message, at: new Date(item.message.at) } };
  if (item.status) return { status: { ...item.status, at: new Date(item.status.at) } };
  throw new Error('stored webhook item of no known kind');
}

/** What a dead letter records of an item: the wamid, the chat, the kind of content (never the content). */
export function describeItem(payload: string): { messageId: string; chatId?: string; kind: string } {
  const item = decodeItem(payload);
  if ('status' in item) return { messageId: `receipt:${item.status.id}`, kind: 'receipt' };
  const c = item.message.content;
  const kind = c.kind === 'media' ? (c.voice ? 'voice' : 'file') : c.kind === 'choice' ? 'button' : c.kind;
  return { messageId: item.message.id, chatId: item.message.from, kind };
}
