import { Schema, type Connection, type Model } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/**
 * One version of a conversation, as stored. A conversation is kept as insert-only versions (see
 * docs/decisions/0002-insert-only-conversation-versions.md): a write inserts version n+1, and the
 * unique index on (channel, chatId, version) lets exactly one of two writers from version n win,
 * atomically on MongoDB and on FerretDB alike, in one round trip. The latest version is the
 * conversation; older ones are removed by a periodic sweep once superseded for SUPERSEDED_KEPT_MS
 * (ports/conversation-store.ts: until then a turn still holding one fails to save from it), which
 * first hands their message ids to the inbound log (a version names the message whose turn wrote
 * it, and so records that message as handled).
 *
 * `state` is the engine's state as a JSON string, not a sub-document: it holds citizen text, menu
 * values and answers keyed by step id, and FerretDB refuses keys with `.` or a leading `$` and NUL
 * characters in strings; JSON escapes NUL (`\u0000`) and keys become plain text. The store never
 * queries inside the state, so nothing is lost. `state` and `outbound` are sealed by the field
 * cipher (FieldCipher): they hold the citizen's draft answers (NIK, name, address, phone) and
 * recent messages. `channel` and `chatId` stay plain: they are the routing address every read and
 * the unique index need (on WhatsApp the chat id is the phone number; retention covers it).
 */
export interface ConversationRecord {
  /** `channel:chatId:version`: a turn that knows its chat's version reads it by `_id`. */
  _id: string;
  channel: string;
  chatId: string;
  version: number;
  state: string;
  /** The inbound message (or pushed event) whose turn wrote this version. */
  messageId: string;
  /**
   * The latest inbound messages handled in this chat, newest last, as a JSON array in a string:
   * FerretDB spends CPU on every element of a stored array at every read and write of a version,
   * and nothing queries inside it.
   */
  handled: string;
  /** What the turn said to the citizen (`TurnOutbound` as JSON), when it said anything. */
  outbound?: string;
  updatedAt: Date;
  /**
   * When the citizen last acted on the draft this version holds (absent: no draft), and when
   * they were reminded it will be removed: top-level, so the draft expiry finds idle drafts
   * without reading (or decrypting) any state. The caller passes them; the store never derives
   * them from `state`.
   */
  draftTouchedAt?: Date;
  draftRemindedAt?: Date;
}

const schema = new Schema<ConversationRecord>(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    version: { type: Number, required: true },
    state: { type: String, required: true },
    messageId: { type: String, required: true },
    handled: { type: String, required: true },
    outbound: { type: String, required: false },
    updatedAt: { type: Date, required: true },
    draftTouchedAt: { type: Date, required: false },
    draftRemindedAt: { type: Date, required: false },
  },
  { versionKey: false },
);

// One writer per version: a concurrent write from the same version loses on this index. Reading
// the latest version is this index backwards. On FerretDB every index costs each version insert,
// and neither "was this message handled?" (the chat's versions, by this index) nor the sweep (the
// chats its process wrote) needs one of its own.
schema.index({ channel: 1, chatId: 1, version: 1 }, { unique: true });
// The draft expiry's question (drafts untouched since); sparse, so a version without a draft
// (most of them) adds no entry.
schema.index({ draftTouchedAt: 1 }, { sparse: true });

/** The `conversations` collection. */
export function conversationModel(conn: Connection): Model<ConversationRecord> {
  return modelOn(conn, 'Conversation', schema, 'conversations');
}
