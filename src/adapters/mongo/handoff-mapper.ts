import type { Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type {
  DeliveryState,
  HandoffOutcome,
  HandoffReason,
  HandoffTicket,
  InternalNote,
  ReplyDelivery,
  TranscriptAttachment,
  TranscriptLine,
} from '../../ports/handoff-repository.js';
import type { DeliveryRecord, HandoffRecord } from './handoff-model.js';
import { compact } from './mongo-utils.js';
import { openText } from './sealed-fields.js';

/*
 * What a ticket keeps sealed (UU 27/2022): every text a citizen or officer wrote (transcript
 * lines, the bot turns before the handoff, notes), the citizen's display name, attached file
 * names and the chat id (a WhatsApp chat id is the phone number). Sealed one line at a time, so
 * appending a line never re-seals the transcript. What the queue, dashboard and write lock query
 * (status, office, officer, times, `from`) stays plain; the chat is found by its blind index.
 */

/** The blind-index purpose of a chat address (`channel:chatId`). */
const CHAT_PURPOSE = 'contact';

/** A chat's blind index under the current key: `chatKey`, and `openKey` while the ticket is open. */
export function chatKeyOf(cipher: FieldCipher, channel: string, chatId: string): string {
  return cipher.blindIndex(CHAT_PURPOSE, `${channel}:${chatId}`);
}

/**
 * Every key a ticket of this chat may carry: its blind index under each key of the ring (until
 * `npm run keys:rotate` re-keys it), and the plain `channel:chatId` of a ticket stored before
 * sealing. A look-up matches any of them.
 */
export function chatKeysOf(cipher: FieldCipher, channel: string, chatId: string): string[] {
  return [...cipher.blindIndexes(CHAT_PURPOSE, `${channel}:${chatId}`), `${channel}:${chatId}`];
}

type StoredLine = HandoffRecord['transcript'][number];
type StoredNote = NonNullable<HandoffRecord['notes']>[number];

function deliveryOf(d: DeliveryRecord): ReplyDelivery {
  return compact<ReplyDelivery>({
    state: d.state as DeliveryState,
    at: d.at,
    reason: d.reason as ReplyDelivery['reason'],
    error: d.error,
  });
}

/** A stored file's reference, only its known fields, its name passed through `name`. */
function attachmentOf(a: TranscriptAttachment, name: (s: string) => string): TranscriptAttachment {
  return { documentId: a.documentId, filename: name(a.filename), contentType: a.contentType, size: a.size };
}

function lineOf(cipher: FieldCipher, t: StoredLine): TranscriptLine {
  return compact<TranscriptLine>({
    from: t.from as TranscriptLine['from'],
    text: cipher.open(t.text),
    at: t.at,
    delivery: t.delivery ? deliveryOf(t.delivery) : undefined,
    beforeHandoff: t.beforeHandoff ? (true as const) : undefined,
    attachment: t.attachment ? attachmentOf(t.attachment, (s) => cipher.open(s)) : undefined,
  });
}

function noteOf(cipher: FieldCipher, n: StoredNote): InternalNote {
  return compact<InternalNote>({
    officerId: n.officerId,
    officerName: n.officerName,
    text: cipher.open(n.text),
    at: n.at,
    transfer: n.transfer && compact(n.transfer),
  });
}

/** Stored record -> domain ticket, every sealed field opened. */
export function handoffToDomain(cipher: FieldCipher, r: HandoffRecord): HandoffTicket {
  return compact<HandoffTicket>({
    id: r._id.toHexString(),
    channel: r.channel as Channel,
    chatId: cipher.open(r.chatId),
    citizenName: openText(cipher, r.citizenName),
    reason: r.reason as HandoffReason,
    priority: r.priority,
    officeId: r.officeId,
    status: r.status,
    officerId: r.officerId,
    createdAt: r.createdAt,
    claimedAt: r.claimedAt,
    closedAt: r.closedAt,
    waitNoticeAt: r.waitNoticeAt,
    resolution: r.resolution as HandoffOutcome | undefined,
    notes: r.notes?.map((n) => noteOf(cipher, n)),
    transcript: r.transcript.map((t) => lineOf(cipher, t)),
  });
}

/** A line as stored: only the known fields, whatever else the caller's object holds, sealed. */
export function lineRecord(cipher: FieldCipher, line: TranscriptLine): StoredLine {
  return compact({
    from: line.from,
    text: cipher.seal(line.text),
    at: line.at,
    delivery: line.delivery ? compact<DeliveryRecord>({ ...line.delivery }) : undefined,
    beforeHandoff: line.beforeHandoff,
    attachment: line.attachment ? attachmentOf(line.attachment, (s) => cipher.seal(s)) : undefined,
  });
}

/** A note as stored: only the known fields, its text sealed (the officer's name is staff data). */
export function noteRecord(cipher: FieldCipher, note: InternalNote): StoredNote {
  return compact<StoredNote>({
    officerId: note.officerId,
    officerName: note.officerName,
    text: cipher.seal(note.text),
    at: note.at,
    transfer: note.transfer && compact({ ...note.transfer }),
  });
}
