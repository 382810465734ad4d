import type { Actor, ChatAddress } from '../domain/application.js';
import type { FieldCipher } from '../ports/field-cipher.js';

/**
 * The readable start of a citizen's actor id: the rest is a keyed digest of the chat, never the
 * chat id itself (a WhatsApp chat id is a phone number).
 */
export const CITIZEN_ACTOR_PREFIX = 'warga:';

/** The blind-index purpose of citizen actor ids, apart from the NIK and phone indexes. */
export const ACTOR_INDEX_PURPOSE = 'actor';

/**
 * How the audit log and status history name the citizen of a chat: a pseudonym, the same for
 * the same chat (so one citizen's events can be followed and found for a data-subject request),
 * that names no phone number or chat id (UU 27/2022).
 */
export type CitizenActorId = (chat: ChatAddress) => string;

/** The citizen actor ids of a field cipher: `warga:` and the chat's keyed blind index. */
export function pseudonymousCitizens(cipher: Pick<FieldCipher, 'blindIndex'>): CitizenActorId {
  return (chat) =>
    `${CITIZEN_ACTOR_PREFIX}${cipher.blindIndex(ACTOR_INDEX_PURPOSE, `${chat.channel}:${chat.chatId}`)}`;
}

/** The citizen of `chat` as an actor, through the pseudonym function. */
export function citizenActor(actorId: CitizenActorId, chat: ChatAddress): Actor {
  return { kind: 'citizen', id: actorId(chat) };
}

/**
 * A short form of a citizen actor id for a screen: the first characters of the pseudonym's digest
 * (`warga:<key id>.<digest>`); `undefined` for an id written before pseudonyms (`channel:chat`).
 */
export function shortPseudonym(id: string): string | undefined {
  if (!id.startsWith(CITIZEN_ACTOR_PREFIX)) return undefined;
  const digest = id.slice(CITIZEN_ACTOR_PREFIX.length);
  return digest.slice(digest.indexOf('.') + 1, digest.indexOf('.') + 9);
}
