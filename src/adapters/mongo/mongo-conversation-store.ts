import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ConversationState } from '../../dialogue/types.js';
import type { ConversationStore, VersionedConversation } from '../../ports/conversation-store.js';
import { ConcurrencyError } from '../../ports/errors.js';
import type { ConversationRecord } from './conversation-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';
import { compareAndSetWhere } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** Conversation state per chat, versioned (grammY StorageAdapter shape). */
export class MongoConversationStore implements ConversationStore {
  constructor(
    private readonly model: Model<ConversationRecord>,
    private readonly locks: Model<WriteLockRecord>,
  ) {}

  async read(channel: Channel, chatId: string): Promise<VersionedConversation | undefined> {
    const r = await this.model.findOne({ channel, chatId }).lean<ConversationRecord>().exec();
    return r ? { state: JSON.parse(r.state) as ConversationState, version: r.version } : undefined;
  }

  async write(
    channel: Channel,
    chatId: string,
    state: ConversationState,
    expectedVersion: number | null,
  ): Promise<number> {
    const json = JSON.stringify(state);
    const updatedAt = new Date();
    const key = `${channel}:${chatId}`;
    if (expectedVersion === null) {
      try {
        await this.model.create({ channel, chatId, state: json, version: 1, updatedAt });
        return 1;
      } catch (err) {
        if (isDuplicateKeyError(err)) throw new ConcurrencyError('conversation', key, null);
        throw err;
      }
    }
    // Keyed by the chat (unique), so no read of the document's _id first.
    const ok = await compareAndSetWhere(this.locks, this.model, key, { channel, chatId }, expectedVersion, {
      $set: { state: json, updatedAt },
    });
    if (!ok) throw new ConcurrencyError('conversation', key, expectedVersion);
    return expectedVersion + 1;
  }

  async delete(channel: Channel, chatId: string): Promise<void> {
    await this.model.deleteOne({ channel, chatId }).exec();
    // A new conversation of this chat counts its versions from 1 again: the locks of the old
    // one's finished writes (left for the sweep) would block those versions.
    const prefix = `${this.model.collection.collectionName}:${channel}:${chatId}:`;
    await this.locks.deleteMany({ _id: { $regex: `^${escapeRegex(prefix)}\\d+$` } }).exec();
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
