import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS } from '../../domain/application.js';
import { modelOn } from './mongo-utils.js';

/**
 * A conversation as stored. `state` is the engine's state as a JSON string, not a sub-document:
 * it holds citizen text, menu values and answers keyed by step id, and FerretDB refuses keys with
 * `.` or a leading `$` and NUL characters in strings; JSON escapes NUL (`\u0000`) and keys become
 * plain text. The store never queries inside the state, so nothing is lost.
 */
export interface ConversationRecord {
  _id: Types.ObjectId;
  channel: string;
  chatId: string;
  state: string;
  version: number;
  updatedAt: Date;
}

const schema = new Schema<ConversationRecord>(
  {
    channel: { type: String, enum: CHANNELS, required: true },
    chatId: { type: String, required: true },
    state: { type: String, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// One conversation per chat: a concurrent first write loses on this index.
schema.index({ channel: 1, chatId: 1 }, { unique: true });
schema.index({ updatedAt: 1 });

/** The `conversations` collection. */
export function conversationModel(conn: Connection): Model<ConversationRecord> {
  return modelOn(conn, 'Conversation', schema, 'conversations');
}
