import type { Connection, mongo } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { IdleDraft, RetentionStore } from '../../ports/retention-store.js';
import { applicationToDomain } from './application-mapper.js';
import { applicationModel, type ApplicationRecord } from './application-model.js';
import { conversationModel, type ConversationRecord } from './conversation-model.js';
import { handoffModel, type HandoffRecord } from './handoff-model.js';
import { deadLetterModel } from './dead-letter-model.js';
import { ERASABLE, HANDOFF_HEAD, toErasable, type HandoffHead } from './mongo-handoff-erasure.js';
import { outboxModel } from './outbox-model.js';

/** Statuses after which nothing more happens to an application: retention may start counting. */
const FINAL = ['COMPLETED', 'REJECTED', 'CANCELLED'];

/**
 * The retention queries. A final application is never saved again except by retention, so
 * `updatedAt` is when it became final; the `{ status, ... }` index narrows the scan to final
 * statuses. `cipher` opens the sealed personal data that retention then erases. Outbox rows, handoffs and conversation versions are read and erased here by their
 * top-level fields only (never their sealed contents), with the driver where a schema would get
 * in the way of removing fields.
 */
export function createMongoRetentionStore(conn: Connection, cipher: FieldCipher): RetentionStore {
  const applications = applicationModel(conn);
  return {
    async listErasable(finishedBefore, limit) {
      const rows = await applications
        .find({ status: { $in: FINAL }, updatedAt: { $lt: finishedBefore }, erasedAt: { $exists: false } })
        .sort({ updatedAt: 1 })
        .limit(limit)
        .lean<ApplicationRecord[]>()
        .exec();
      return rows.map((r) => applicationToDomain(r, cipher));
    },
    ...deliveryRetention(conn),
    ...handoffRetention(conn),
    ...conversationRetention(conn),
  };
}

/** Outbox rows and dead letters: copies of messages and their plumbing, deleted whole. */
function deliveryRetention(
  conn: Connection,
): Pick<RetentionStore, 'deleteSettledOutbox' | 'deleteDeadLettersBefore'> {
  const outbox = outboxModel(conn);
  const deadLetters = deadLetterModel(conn);
  return {
    async deleteSettledOutbox(before, limit) {
      // A failed or unreachable row's `nextAttemptAt` is its last attempt's: when it was given up.
      const rows = await outbox
        .find({
          $or: [
            { status: 'sent', sentAt: { $lt: before } },
            { status: { $in: ['failed', 'unreachable'] }, nextAttemptAt: { $lt: before } },
          ],
        })
        .select({ _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>()
        .exec();
      if (rows.length === 0) return 0;
      // The status again: a row is never deleted unless it is final.
      const res = await outbox
        .deleteMany({
          _id: { $in: rows.map((r) => r._id) },
          status: { $in: ['sent', 'failed', 'unreachable'] },
        })
        .exec();
      return res.deletedCount;
    },

    async deleteDeadLettersBefore(before, limit) {
      const rows = await deadLetters
        .find({ parkedAt: { $lt: before } })
        .select({ _id: 1 })
        .limit(limit)
        .lean<Array<{ _id: string }>>()
        .exec();
      if (rows.length === 0) return 0;
      const res = await deadLetters.deleteMany({ _id: { $in: rows.map((r) => r._id) } }).exec();
      return res.deletedCount;
    },
  };
}

/** Closed handoffs due for erasure (`HandoffRepository.erase` erases each). */
function handoffRetention(conn: Connection): Pick<RetentionStore, 'listErasableHandoffs'> {
  const handoffs = handoffModel(conn).collection as unknown as mongo.Collection<HandoffRecord>;
  return {
    async listErasableHandoffs(closedBefore, limit) {
      const rows = await handoffs
        .find({ ...ERASABLE, closedAt: { $lt: closedBefore } })
        .project<HandoffHead>(HANDOFF_HEAD)
        .sort({ closedAt: 1 })
        .limit(limit)
        .toArray();
      return rows.map(toErasable);
    },
  };
}

/** Conversation versions, by their top-level fields only: idle drafts and idle chats. */
function conversationRetention(
  conn: Connection,
): Pick<RetentionStore, 'listIdleDrafts' | 'listIdleConversations' | 'forgetConversation'> {
  const versions = conversationModel(conn).collection as unknown as mongo.Collection<ConversationRecord>;
  return {
    async listIdleDrafts(filter, limit) {
      const latest = await latestOf(
        versions,
        {
          draftTouchedAt: { $lt: filter.touchedBefore },
          draftRemindedAt: filter.remindedBefore ? { $lt: filter.remindedBefore } : { $exists: false },
        },
        { draftTouchedAt: 1 },
        limit,
      );
      return latest.map((v): IdleDraft => ({
        channel: v.channel as Channel,
        chatId: v.chatId,
        version: v.version,
        touchedAt: v.draftTouchedAt!,
        ...(v.draftRemindedAt ? { remindedAt: v.draftRemindedAt } : {}),
      }));
    },

    async listIdleConversations(before, limit) {
      const latest = await latestOf(versions, { updatedAt: { $lt: before } }, { updatedAt: 1 }, limit);
      return latest.map((v) => ({ channel: v.channel as Channel, chatId: v.chatId, version: v.version }));
    },

    async forgetConversation(c) {
      await versions.deleteMany({ channel: c.channel, chatId: c.chatId, version: { $lte: c.version } });
    },
  };
}

type VersionHead = Pick<
  ConversationRecord,
  '_id' | 'channel' | 'chatId' | 'version' | 'draftTouchedAt' | 'draftRemindedAt'
>;

/**
 * The versions matching `query` in `sort` order that are their chat's latest, at most `limit`:
 * each is checked against its chat's latest version, so a superseded version (kept a while after
 * its successor, or left by a process that died) never counts.
 */
async function latestOf(
  versions: mongo.Collection<ConversationRecord>,
  query: mongo.Filter<ConversationRecord>,
  sort: mongo.Sort,
  limit: number,
): Promise<VersionHead[]> {
  const found: VersionHead[] = [];
  const cursor = versions
    .find(query)
    .project<VersionHead>({
      _id: 1,
      channel: 1,
      chatId: 1,
      version: 1,
      draftTouchedAt: 1,
      draftRemindedAt: 1,
    })
    .sort(sort);
  try {
    for await (const v of cursor) {
      const latest = await versions.findOne(
        { channel: v.channel, chatId: v.chatId },
        { sort: { version: -1 }, projection: { _id: 1 } },
      );
      if (latest?._id !== v._id) continue;
      found.push(v);
      if (found.length >= limit) break;
    }
  } finally {
    await cursor.close();
  }
  return found;
}
