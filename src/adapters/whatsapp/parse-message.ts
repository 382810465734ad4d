import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  isLidUser,
  isPnUser,
  jidDecode,
  jidNormalizedUser,
  normalizeMessageContent,
  proto,
  toNumber,
  type WAMessage,
} from '@whiskeysockets/baileys';

/** A file the citizen sent, as WhatsApp announced it (bytes come later, on demand). */
export interface AnnouncedMedia {
  media: 'image' | 'document' | 'video' | 'audio';
  filename: string;
  /** `fileLength` from the message: checked against the limit before any download. */
  announcedSize?: number;
  mimetype?: string;
  caption?: string;
}

/** What one WhatsApp message means to the channel. */
export type ParsedContent =
  | { kind: 'text'; text: string }
  | ({ kind: 'media' } & AnnouncedMedia)
  /** Stickers, locations, contacts: answered with a polite "please type". */
  | { kind: 'unsupported'; what: string }
  /** A message Baileys could not decrypt ("Bad MAC", missing session): counted, not answered. */
  | { kind: 'undecryptable'; error: string }
  /** Reactions, edits, deletions, key distribution: nothing a citizen expects an answer to. */
  | { kind: 'silent' };

/** A citizen's private message, with who sent it and when. */
export interface ParsedMessage {
  chatId: string;
  messageId: string;
  at: Date;
  name?: string;
  /** The phone number (digits, country code first) when the chat id carries it. */
  phone?: string;
  content: ParsedContent;
}

/** Why a message is not for the bot at all. */
export type IgnoreReason = 'own' | 'group' | 'broadcast' | 'newsletter' | 'not_a_person' | 'no_id';

/**
 * Reads one `messages.upsert` message: private chats from people only (groups, status
 * broadcasts, channels and our own messages are ignored), the content unwrapped from
 * disappearing / view-once / document-with-caption wrappers, and button, list and interactive
 * replies read defensively (Baileys 7 sends none, but other clients and old chats still have them).
 */
export function parseMessage(m: WAMessage): ParsedMessage | { ignore: IgnoreReason } {
  const key = m.key;
  const jid = key.remoteJid ?? '';
  if (key.fromMe) return { ignore: 'own' };
  if (isJidGroup(jid)) return { ignore: 'group' };
  if (isJidStatusBroadcast(jid) || isJidBroadcast(jid)) return { ignore: 'broadcast' };
  if (isJidNewsletter(jid)) return { ignore: 'newsletter' };
  if (!isPnUser(jid) && !isLidUser(jid)) return { ignore: 'not_a_person' };
  if (!key.id) return { ignore: 'no_id' };
  const chatId = jidNormalizedUser(jid);
  const phone = phoneOfJid(jid) ?? phoneOfJid(key.remoteJidAlt ?? undefined);
  const seconds = toNumber(m.messageTimestamp);
  return {
    chatId,
    messageId: key.id,
    at: seconds > 0 ? new Date(seconds * 1000) : new Date(),
    ...(m.pushName ? { name: m.pushName } : {}),
    ...(phone ? { phone } : {}),
    content: contentOf(m),
  };
}

/**
 * The phone number of a person's WhatsApp id (`62812…@s.whatsapp.net`), read by Baileys' own
 * `jidDecode`; undefined for a group, a LID or anything else. The Cloud API addresses that number.
 */
export function phoneOfJid(jid: string | undefined): string | undefined {
  if (!jid || !isPnUser(jid)) return undefined;
  const user = jidDecode(jid)?.user;
  return user && /^\d{6,16}$/.test(user) ? user : undefined;
}

function contentOf(m: WAMessage): ParsedContent {
  if (m.messageStubType === proto.WebMessageInfo.StubType.CIPHERTEXT)
    return {
      kind: 'undecryptable',
      error: String((m.messageStubParameters as string[] | null | undefined)?.[0] ?? 'decryption failed'),
    };
  const c = normalizeMessageContent(m.message);
  if (!c) return { kind: 'silent' };

  const text = c.conversation ?? c.extendedTextMessage?.text;
  if (typeof text === 'string' && text.trim() !== '') return { kind: 'text', text: text.trim() };

  const reply = replyText(c);
  if (reply !== undefined) return { kind: 'text', text: reply };

  if (c.imageMessage) return media('image', c.imageMessage, 'foto.jpg');
  if (c.documentMessage) return media('document', c.documentMessage, 'dokumen');
  if (c.videoMessage) return media('video', c.videoMessage, 'video.mp4');

  // A voice note or audio file: the engine asks the citizen to type, or relays it to an officer.
  if (c.audioMessage) return media('audio', c.audioMessage, 'pesan-suara.ogg');
  if (c.stickerMessage) return { kind: 'unsupported', what: 'sticker' };
  if (c.locationMessage || c.liveLocationMessage) return { kind: 'unsupported', what: 'location' };
  if (c.contactMessage || c.contactsArrayMessage) return { kind: 'unsupported', what: 'contact' };
  if (c.pollCreationMessage || c.pollCreationMessageV3) return { kind: 'unsupported', what: 'poll' };
  return { kind: 'silent' };
}

/** The text of a button, list or interactive reply: what the citizen saw, else the option id. */
function replyText(c: proto.IMessage): string | undefined {
  const pick = (...vals: Array<string | null | undefined>) =>
    vals.map((v) => (typeof v === 'string' ? v.trim() : '')).find((v) => v !== '');
  const candidates = [
    c.buttonsResponseMessage &&
      pick(c.buttonsResponseMessage.selectedDisplayText, c.buttonsResponseMessage.selectedButtonId),
    c.listResponseMessage &&
      pick(c.listResponseMessage.title, c.listResponseMessage.singleSelectReply?.selectedRowId),
    c.templateButtonReplyMessage &&
      pick(c.templateButtonReplyMessage.selectedDisplayText, c.templateButtonReplyMessage.selectedId),
    c.interactiveResponseMessage &&
      pick(
        c.interactiveResponseMessage.body?.text,
        idFromParams(c.interactiveResponseMessage.nativeFlowResponseMessage?.paramsJson),
      ),
  ];
  return candidates.find((v): v is string => typeof v === 'string' && v !== '');
}

function idFromParams(json: string | null | undefined): string | undefined {
  if (!json) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === 'object' && parsed !== null) {
      const id = (parsed as { id?: unknown }).id;
      return typeof id === 'string' ? id : undefined;
    }
  } catch {
    // A malformed reply from some client: treat it as no id.
  }
  return undefined;
}

function media(
  kind: AnnouncedMedia['media'],
  m: {
    fileName?: string | null;
    fileLength?: number | Long | null;
    mimetype?: string | null;
    caption?: string | null;
  },
  fallbackName: string,
): ParsedContent {
  const size = m.fileLength === null || m.fileLength === undefined ? undefined : toNumber(m.fileLength);
  const caption = m.caption?.trim();
  return {
    kind: 'media',
    media: kind,
    filename: safeFilename(m.fileName) ?? fallbackName,
    ...(size !== undefined && size >= 0 ? { announcedSize: size } : {}),
    ...(m.mimetype ? { mimetype: m.mimetype } : {}),
    ...(caption ? { caption } : {}),
  };
}

type Long = Parameters<typeof toNumber>[0] & object;

/** A file name from the citizen's phone, without paths or control characters, at most 120 characters. */
function safeFilename(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? undefined : clean.slice(0, 120);
}
