import type { ChatAddress } from '../../domain/application.js';
import type { ChannelSender } from '../../ports/channel-sender.js';
import { assertHolder, type HandoffDeps, ticketFor } from './handoff-deps.js';
import type { OfficerActor } from './officer-actor.js';

/** Shows "typing…" in a citizen's chat; best effort, never throws. */
export type ShowTyping = (address: ChatAddress) => Promise<void>;

/** What telling a citizen that the officer is typing needs. */
export interface TypingDeps extends Pick<HandoffDeps, 'handoffs'> {
  typing: ShowTyping;
}

/**
 * The officer holding a conversation is typing a reply: the citizen sees "typing…" on their
 * channel. Only the holder (or a supervisor taking over) may: a watching officer writes nothing.
 * Not audited: it changes no state, and the page sends it every few seconds while typing.
 */
export async function officerTyping(deps: TypingDeps, officer: OfficerActor, id: string): Promise<void> {
  const ticket = await ticketFor(deps, officer, id);
  assertHolder(officer, ticket);
  await deps.typing({ channel: ticket.channel, chatId: ticket.chatId });
}

/** The typing indicator through each channel's sender, where the channel has one. */
export function typingVia(senders: ReadonlyMap<string, ChannelSender>): ShowTyping {
  return async (address) => {
    await senders
      .get(address.channel)
      ?.typing?.(address.chatId)
      .catch(() => undefined);
  };
}
