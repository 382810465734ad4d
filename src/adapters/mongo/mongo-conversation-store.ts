import { Types, type Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ConversationState } from '../../dialogue/types.js';
import type { ConversationStore, VersionedConversation } from '../../ports/conversation-store.js';
import { ConcurrencyError } from '../../ports/errors.js';
import { LEGACY_CHAT_INDEX, type ConversationRecord } from './conversation-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';

/** Chats whose superseded versions one query takes (FerretDB slows down on huge commands). */
const SWEEP_CHUNK = 50;

/**
 * Conversation state per chat as insert-only versions (see conversation-model.ts): a read is the
 * latest version, a write one insert, so a citizen's message costs two round trips here.
 */
export class MongoConversationStore implements ConversationStore {
  constructor(private readonly model: Model<ConversationRecord>) {}

  async read(channel: Channel, chatId: string): Promise<VersionedConversation | undefined> {
    // The driver's own findOne: every message reads here, and a mongoose query costs it a
    // captured (source-mapped) stack trace and its casting for a filter of two strings (made
    // strings here, as the casting would, so nothing else can reach the filter).
    const r = await this.model.collection.findOne<ConversationRecord>(
      { channel: String(channel), chatId: String(chatId) },
      { sort: { version: -1 } },
    );
    if (!r) return undefined;
    // A version written before `handled` was kept names only its own message.
    return {
      state: JSON.parse(r.state) as ConversationState,
      version: r.version,
      handled: r.handled ?? [r.messageId],
    };
  }

  async write(
    channel: Channel,
    chatId: string,
    state: ConversationState,
    expectedVersion: number | null,
    messageId?: string,
    handled: readonly string[] = [],
  ): Promise<number> {
    const version = (expectedVersion ?? 0) + 1;
    try {
      // Lean: every field is built right here, and a hydrated save costs a message about a
      // millisecond of CPU (validation, hooks, a stack trace for parallel saves).
      await this.model.insertMany(
        [
          {
            channel,
            chatId,
            version,
            state: JSON.stringify(state),
            messageId: messageId ?? `write:${new Types.ObjectId().toHexString()}`,
            handled: [...handled],
            updatedAt: new Date(),
          },
        ],
        { lean: true },
      );
      return version;
    } catch (err) {
      if (isDuplicateKeyError(err))
        throw new ConcurrencyError('conversation', `${channel}:${chatId}`, expectedVersion);
      throw err;
    }
  }

  async delete(channel: Channel, chatId: string): Promise<void> {
    await this.model.deleteMany({ channel, chatId }).exec();
  }

  /** Whether a turn of this message was saved (its conversation version, stripped or not, exists). */
  async recorded(channel: Channel, messageId: string): Promise<boolean> {
    return (await this.model.exists({ channel, messageId }).exec()) !== null;
  }

  /**
   * Removes the versions superseded by a write since `since` (each chat keeps its latest), so the
   * collection holds about one document per conversation. A removed version was the record that
   * its message had been handled: `beforeRemove` gets those message ids first, to be kept where
   * redeliveries look (the inbound log). Idempotent; returns how many versions were removed.
   */
  async sweep(
    since: Date,
    beforeRemove: (channel: Channel, messageIds: string[]) => Promise<void>,
  ): Promise<number> {
    // FerretDB 1.24 has no $max in $group: the latest version per chat is found here instead.
    const written = await this.model
      .find({ updatedAt: { $gte: since } }, { channel: 1, chatId: 1, version: 1, _id: 0 })
      .lean<Array<Pick<ConversationRecord, 'channel' | 'chatId' | 'version'>>>()
      .exec();
    const latest = new Map<string, { channel: string; chatId: string; version: number }>();
    for (const w of written) {
      const key = `${w.channel}:${w.chatId}`;
      if ((latest.get(key)?.version ?? 0) < w.version) latest.set(key, w);
    }
    const chats = [...latest.values()];
    let removed = 0;
    for (let i = 0; i < chats.length; i += SWEEP_CHUNK) {
      const $or = chats
        .slice(i, i + SWEEP_CHUNK)
        .map((c) => ({ channel: c.channel, chatId: c.chatId, version: { $lt: c.version } }));
      const old = await this.model
        .find({ $or }, { _id: 1, channel: 1, messageId: 1 })
        .lean<Array<Pick<ConversationRecord, '_id' | 'channel' | 'messageId'>>>()
        .exec();
      if (old.length === 0) continue;
      for (const channel of new Set(old.map((o) => o.channel as Channel))) {
        await beforeRemove(
          channel,
          old.filter((o) => o.channel === channel).map((o) => o.messageId),
        );
      }
      const res = await this.model.deleteMany({ _id: { $in: old.map((o) => o._id) } }).exec();
      removed += res.deletedCount;
    }
    return removed;
  }

  /** Drops the index of the first design, which would refuse every second version. */
  async dropLegacyIndex(): Promise<void> {
    const indexes = await this.model.collection.indexes().catch(() => []);
    if (indexes.some((i) => i.name === LEGACY_CHAT_INDEX))
      await this.model.collection.dropIndex(LEGACY_CHAT_INDEX);
  }
}
