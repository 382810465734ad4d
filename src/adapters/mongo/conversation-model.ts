import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/**
 * One version of a conversation, as stored. A conversation is kept as insert-only versions: a
 * write inserts version n+1, and the unique index on (channel, chatId, version) lets exactly one
 * of two writers from version n win, atomically on MongoDB and on FerretDB alike, in one round
 * trip. The latest version is the conversation; older ones are removed by a sweep every minute,
 * once superseded for SUPERSEDED_KEPT_MS (30 s, ports/conversation-store.ts: until then a turn still holding one fails to save
 * from it), which first hands their message ids to the inbound log (a version names the message
 * whose turn wrote it, and so records that message as handled).
 *
 * `state` is the engine's state as a JSON string, not a sub-document: it holds citizen text, menu
 * values and answers keyed by step id, and FerretDB refuses keys with `.` or a leading `$` and NUL
 * characters in strings; JSON escapes NUL (`\u0000`) and keys become plain text. The store never
 * queries inside the state, so nothing is lost.
 */
export interface ConversationRecord {
  /** `channel:chatId:version` (an ObjectId in versions written before December 2026). */
  _id: string | Types.ObjectId;
  channel: string;
  chatId: string;
  version: number;
  state: string;
  /** The inbound message (or pushed event) whose turn wrote this version. */
  messageId: string;
  /**
   * The latest inbound messages handled in this chat, newest last, as a JSON array in a string:
   * FerretDB spends about 0.2 ms of CPU per array element on every read and write of a version,
   * and nothing queries inside it. An array in versions written before 7 December 2026, absent
   * before that.
   */
  handled?: string | string[];
  updatedAt: Date;
}

const schema = new Schema<ConversationRecord>(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    version: { type: Number, required: true },
    state: { type: String, required: true },
    messageId: { type: String, required: true },
    handled: { type: Schema.Types.Mixed, default: undefined },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// One writer per version: a concurrent write from the same version loses on this index. Reading
// the latest version is this index backwards.
schema.index({ channel: 1, chatId: 1, version: 1 }, { unique: true });

/** The `conversations` collection. */
export function conversationModel(conn: Connection): Model<ConversationRecord> {
  return modelOn(conn, 'Conversation', schema, 'conversations');
}

/**
 * Indexes of earlier designs, which `ensureIndexes` drops: the unique index of the first design
 * (one document per chat, updated in place), which would refuse every second version; the
 * message id's, for "was this message handled?", which now reads the chat's versions by the
 * index above; and `updatedAt`'s, for the sweep, which now takes the chats its process wrote. On
 * FerretDB over PostgreSQL each index cost every version insert about 0.3 ms of CPU, of about 3.5.
 */
export const LEGACY_INDEXES = ['channel_1_chatId_1', 'channel_1_messageId_1', 'updatedAt_1'];
