import { Types, type Model, type mongo } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ConversationState } from '../../dialogue/types.js';
import {
  SUPERSEDED_KEPT_MS,
  type ConversationStore,
  type DraftMarks,
  type OutboundVersion,
  type TurnOutbound,
  type VersionedConversation,
} from '../../ports/conversation-store.js';
import { ConcurrencyError } from '../../ports/errors.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { ConversationRecord } from './conversation-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';

/** Chats whose superseded versions one query takes (FerretDB slows down on huge commands). */
const SWEEP_CHUNK = 50;
/** Chats whose latest version this process remembers (a number each; the oldest are forgotten). */
const MAX_KNOWN_CHATS = 50_000;

/** `channel:chatId`: a channel name has no colon, so this names one chat. */
const chatKey = (channel: string, chatId: string): string => `${channel}:${chatId}`;
/** A version's `_id`: its chat and number (the number has no colon, so this names one version). */
const versionId = (chat: string, version: number): string => `${chat}:${version}`;

/** A stored `TurnOutbound`, opened (its date is a string in JSON). */
function parseOutbound(cipher: FieldCipher, stored: string): TurnOutbound {
  const o = JSON.parse(cipher.open(stored)) as Omit<TurnOutbound, 'at'> & { at: string };
  return { ...o, at: new Date(o.at) };
}

/**
 * Conversation state per chat as insert-only versions (see conversation-model.ts): a read is the
 * latest version, a write one insert, so a citizen's message costs two round trips here.
 *
 * A version's `_id` is its chat and number, and the store remembers the latest version number it
 * read or wrote per chat, so a turn's read (`readForTurn`) is usually a lookup by `_id` (the
 * index on MongoDB; FerretDB 1.24 scans for every filter, on both its backends, but one on `_id`
 * alone its SQLite backend leaves to SQLite, where for any other it reads and decodes every
 * document itself: see docs/performance.md). Only the number is remembered, never the state.
 * When another process wrote since, the remembered version is stale: the write from it collides
 * with the newer version (same `_id`) and the turn is retried from a full read, as any concurrent
 * write is; when the version is gone (swept, or the conversation deleted), the read falls back to
 * the query. `read` always queries: readers that do not write (notices, the orphan-upload sweep)
 * must see the latest.
 *
 * `state` and `outbound` are sealed by the field cipher (the draft's answers, the citizen's recent
 * messages and the bot's echoes of them are in there): each is one JSON string, so a read opens
 * at most two values however long the draft. The version scheme is untouched: a sealed version
 * is inserted like any other.
 */
export class MongoConversationStore implements ConversationStore {
  private readonly known = new Map<string, number>();
  /** Chats this process wrote since its last sweep (at most MAX_KNOWN_CHATS; see `sweep`). */
  private readonly written = new Map<string, { channel: Channel; chatId: string }>();
  /** The driver's collection, typed with our records (mongoose types it with any document). */
  private readonly coll: mongo.Collection<ConversationRecord>;

  constructor(
    private readonly model: Model<ConversationRecord>,
    private readonly cipher: FieldCipher,
  ) {
    this.coll = model.collection as unknown as mongo.Collection<ConversationRecord>;
  }

  async read(channel: Channel, chatId: string): Promise<VersionedConversation | undefined> {
    return this.found(chatKey(String(channel), String(chatId)), await this.latest(channel, chatId));
  }

  async readForTurn(channel: Channel, chatId: string): Promise<VersionedConversation | undefined> {
    const chat = chatKey(String(channel), String(chatId));
    const known = this.known.get(chat);
    const seen = known === undefined ? null : await this.coll.findOne({ _id: versionId(chat, known) });
    if (!seen) return this.found(chat, await this.latest(channel, chatId));
    const found = this.found(chat, seen);
    return found && { ...found, unconfirmed: true };
  }

  /**
   * The latest version by query. The driver's own findOne: every message may read here, and a
   * mongoose query costs it a captured (source-mapped) stack trace and its casting for a filter of
   * two strings (made strings here, as the casting would, so nothing else can reach the filter).
   */
  private latest(channel: Channel, chatId: string): Promise<ConversationRecord | null> {
    return this.coll.findOne({ channel: String(channel), chatId: String(chatId) }, { sort: { version: -1 } });
  }

  private found(chat: string, r: ConversationRecord | null): VersionedConversation | undefined {
    if (!r) {
      this.known.delete(chat);
      return undefined;
    }
    this.remember(chat, r.version);
    return {
      state: JSON.parse(this.cipher.open(r.state)) as ConversationState,
      version: r.version,
      handled: JSON.parse(r.handled) as string[],
      messageId: r.messageId,
      ...(r.outbound ? { outbound: parseOutbound(this.cipher, r.outbound) } : {}),
    };
  }

  async listOutbound(since: Date, limit: number): Promise<OutboundVersion[]> {
    const rows = await this.coll
      .find({ updatedAt: { $gte: since }, outbound: { $exists: true } })
      .project<Pick<ConversationRecord, 'channel' | 'chatId' | 'messageId' | 'outbound'>>({
        channel: 1,
        chatId: 1,
        messageId: 1,
        outbound: 1,
      })
      .limit(limit)
      .toArray();
    return rows.map((r) => ({
      channel: r.channel as Channel,
      chatId: r.chatId,
      messageId: r.messageId,
      outbound: parseOutbound(this.cipher, r.outbound ?? '{}'),
    }));
  }

  async write(
    channel: Channel,
    chatId: string,
    state: ConversationState,
    expectedVersion: number | null,
    messageId?: string,
    handled: readonly string[] = [],
    outbound?: TurnOutbound,
    draft?: DraftMarks,
  ): Promise<number> {
    const version = (expectedVersion ?? 0) + 1;
    const chat = chatKey(channel, chatId);
    try {
      // The driver's insert: every field is built right here, and a hydrated mongoose save would
      // cost every message validation, hooks and a stack trace for parallel saves.
      await this.coll.insertOne({
        _id: versionId(chat, version),
        channel,
        chatId,
        version,
        state: this.cipher.seal(JSON.stringify(state)),
        messageId: messageId ?? `write:${new Types.ObjectId().toHexString()}`,
        handled: JSON.stringify(handled),
        ...(outbound && outbound.replies.length > 0
          ? { outbound: this.cipher.seal(JSON.stringify(outbound)) }
          : {}),
        updatedAt: new Date(),
        ...(draft ? { draftTouchedAt: draft.touchedAt } : {}),
        ...(draft?.remindedAt ? { draftRemindedAt: draft.remindedAt } : {}),
      });
      this.remember(chat, version);
      this.markWritten(channel, chatId);
      return version;
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        this.known.delete(chat);
        throw new ConcurrencyError('conversation', chat, expectedVersion);
      }
      throw err;
    }
  }

  private remember(chat: string, version: number): void {
    this.known.delete(chat);
    this.known.set(chat, version);
    if (this.known.size > MAX_KNOWN_CHATS) this.known.delete(this.known.keys().next().value!);
  }

  async delete(channel: Channel, chatId: string): Promise<void> {
    this.known.delete(chatKey(channel, chatId));
    await this.model.deleteMany({ channel, chatId }).exec();
  }

  /**
   * Whether a turn of this message was saved (its conversation version exists), among the chat's
   * versions, read by the (channel, chatId, version) index.
   */
  async recorded(channel: Channel, messageId: string, chatId: string): Promise<boolean> {
    return (await this.model.exists({ channel, chatId, messageId }).exec()) !== null;
  }

  /**
   * Removes the versions superseded in the chats this process wrote since its last sweep, so the
   * collection holds about one document per conversation. Each chat keeps its latest version, and
   * any superseded less than SUPERSEDED_KEPT_MS ago (a version's `_id` is what makes a save from
   * the one before it fail); such a chat is swept again next time. The chats' versions are read
   * by the chat index and the latest is found here, never taken from memory, so a version another
   * process wrote since is kept. A removed version was the record that its message had been
   * handled: `beforeRemove` gets those message ids first, to be kept where redeliveries look (the
   * inbound log). Chats of a failed sweep are swept next time; a process that dies leaves its
   * last superseded versions until the chat is written again (harmless: reads take the latest).
   * Returns how many versions were removed.
   */
  async sweep(
    beforeRemove: (channel: Channel, messageIds: string[]) => Promise<void>,
    now: Date = new Date(),
  ): Promise<number> {
    const chats = [...this.written.values()];
    this.written.clear();
    let removed = 0;
    for (let i = 0; i < chats.length; i += SWEEP_CHUNK) {
      const chunk = chats.slice(i, i + SWEEP_CHUNK);
      try {
        removed += await this.sweepChats(chunk, beforeRemove, now.getTime() - SUPERSEDED_KEPT_MS);
      } catch (err) {
        for (const c of chats.slice(i)) this.markWritten(c.channel, c.chatId);
        throw err;
      }
    }
    return removed;
  }

  /**
   * Removes the versions of `chats` superseded before `supersededBy` (ms): a version is superseded
   * when the next one was written, and the next one stored was written then or later, so its
   * `updatedAt` is the version's latest possible supersession. Chats that keep a superseded
   * version for now are swept again next time.
   */
  private async sweepChats(
    chats: ReadonlyArray<{ channel: Channel; chatId: string }>,
    beforeRemove: (channel: Channel, messageIds: string[]) => Promise<void>,
    supersededBy: number,
  ): Promise<number> {
    const versions = await this.coll
      .find(
        { $or: chats.map((c) => ({ channel: c.channel, chatId: c.chatId })) },
        { projection: { _id: 1, channel: 1, chatId: 1, version: 1, messageId: 1, updatedAt: 1 } },
      )
      .toArray();
    const byChat = new Map<string, typeof versions>();
    for (const v of versions) {
      const chat = chatKey(v.channel, v.chatId);
      const list = byChat.get(chat) ?? [];
      list.push(v);
      byChat.set(chat, list);
    }
    const old: typeof versions = [];
    for (const list of byChat.values()) {
      list.sort((a, b) => a.version - b.version);
      list.forEach((v, i) => {
        const next = list[i + 1];
        if (!next) return; // the latest, kept
        if (new Date(next.updatedAt).getTime() <= supersededBy) old.push(v);
        else this.markWritten(v.channel as Channel, v.chatId); // superseded too recently: next sweep
      });
    }
    if (old.length === 0) return 0;
    for (const channel of new Set(old.map((o) => o.channel as Channel))) {
      await beforeRemove(
        channel,
        old.filter((o) => o.channel === channel).map((o) => o.messageId),
      );
    }
    const res = await this.coll.deleteMany({ _id: { $in: old.map((o) => o._id) } });
    return res.deletedCount;
  }

  private markWritten(channel: Channel, chatId: string): void {
    const chat = chatKey(channel, chatId);
    if (this.written.size < MAX_KNOWN_CHATS || this.written.has(chat))
      this.written.set(chat, { channel, chatId });
  }
}
