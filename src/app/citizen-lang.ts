import type { ChatAddress } from '../domain/application.js';
import type { Lang } from '../dialogue/types.js';
import type { ConversationStore } from '../ports/conversation-store.js';

/**
 * The language the citizen chose in their chat (English once they switched), for texts sent to
 * them outside a conversation turn: status notices, the SLA apology, a channel's own messages.
 * Indonesian when the chat has no conversation or it cannot be read (`onError` hears why): a text
 * is never held back for it.
 */
export async function citizenLang(
  conversations: Pick<ConversationStore, 'read'>,
  to: ChatAddress,
  onError: (err: unknown) => void = () => undefined,
): Promise<Lang> {
  const stored = await conversations.read(to.channel, to.chatId).catch((err: unknown) => {
    onError(err);
    return undefined;
  });
  return stored?.state.lang ?? 'id';
}

/**
 * The citizen's part of an application's follow-up: one notice under `key` to the applicant's
 * chat, worded in their language; nothing for a walk-in applicant, who has no chat.
 */
export async function noticeToApplicant(
  conversations: Pick<ConversationStore, 'read'> | undefined,
  applicant: { contact?: ChatAddress },
  key: string,
  text: (lang: Lang) => string,
): Promise<{ notice?: { key: string; channel: ChatAddress['channel']; chatId: string; text: string } }> {
  const contact = applicant.contact;
  if (!contact) return {};
  const lang = conversations ? await citizenLang(conversations, contact) : 'id';
  return { notice: { key, channel: contact.channel, chatId: contact.chatId, text: text(lang) } };
}
