import { Types, type Model, type UpdateQuery } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { NewOutboxItem, Outbox, OutboxItem, UndeliveredFilter } from '../../ports/outbox.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { OutboxRecord } from './outbox-model.js';
import { compact, escapeRegex, isDuplicateKeyError, pageBounds, toObjectId } from './mongo-utils.js';
import { compareAndSet, mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** Errors are stored for the console; a stack trace or a whole HTTP body is not needed there. */
const MAX_ERROR_LENGTH = 500;

function toDomain(r: OutboxRecord): OutboxItem {
  return compact<OutboxItem>({
    id: r._id.toHexString(),
    key: r.key,
    channel: r.channel as Channel,
    chatId: r.chatId,
    payload: { text: r.payload.text },
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    leaseUntil: r.leaseUntil,
    workerId: r.workerId,
    lastError: r.lastError,
    createdAt: r.createdAt,
  });
}

/**
 * Notifications on MongoDB (or FerretDB). Claims are versioned compare-and-set writes
 * (write-lock.ts), not `findOneAndUpdate`: on FerretDB 1.24 `findAndModify` is not atomic and
 * two workers would both take a row.
 */
export class MongoOutbox implements Outbox {
  constructor(
    private readonly model: Model<OutboxRecord>,
    private readonly locks: Model<WriteLockRecord>,
  ) {}

  async enqueue(item: NewOutboxItem): Promise<{ item: OutboxItem; created: boolean }> {
    const record: OutboxRecord = {
      _id: new Types.ObjectId(),
      key: item.key,
      channel: item.channel,
      chatId: item.chatId,
      payload: { text: item.payload.text },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: item.nextAttemptAt ?? item.createdAt,
      createdAt: item.createdAt,
      version: 1,
    };
    try {
      await this.model.create(record);
      return { item: toDomain(record), created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const existing = await this.model.findOne({ key: item.key }).lean<OutboxRecord>().exec();
    if (!existing) throw new Error(`outbox key clashed but no row holds it (key length ${item.key.length})`);
    return { item: toDomain(existing), created: false };
  }

  async claimDue(
    workerId: string,
    now: Date,
    leaseMs: number,
    limit: number,
    channels?: readonly Channel[],
  ): Promise<OutboxItem[]> {
    if (limit <= 0 || channels?.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // Read more candidates than needed: concurrent workers read the same list and each loses some.
    const candidates = await this.model
      .find({
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          { status: 'sending', leaseUntil: { $lte: now } },
        ],
        ...(channels ? { channel: { $in: [...channels] } } : {}),
      })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(limit * 3 + 5)
      .lean<OutboxRecord[]>()
      .exec();
    const claimed: OutboxItem[] = [];
    for (const c of candidates) {
      if (claimed.length >= limit) break;
      const won = await compareAndSet(this.locks, this.model, c._id, c.version, {
        $set: { status: 'sending', leaseUntil, workerId },
        $inc: { attempts: 1 },
      });
      if (won)
        claimed.push(toDomain({ ...c, status: 'sending', leaseUntil, workerId, attempts: c.attempts + 1 }));
    }
    return claimed;
  }

  async markSent(id: string): Promise<void> {
    await this.finish(id, { $set: { status: 'sent' }, $unset: { leaseUntil: '' } });
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.finish(id, {
      $set: { status: 'pending', nextAttemptAt, lastError: error.slice(0, MAX_ERROR_LENGTH) },
      $unset: { leaseUntil: '', workerId: '' },
    });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.finish(id, {
      $set: { status: 'failed', lastError: error.slice(0, MAX_ERROR_LENGTH) },
      $unset: { leaseUntil: '' },
    });
  }

  async markUnreachable(id: string, error: string): Promise<void> {
    await this.finish(id, {
      $set: { status: 'unreachable', lastError: error.slice(0, MAX_ERROR_LENGTH) },
      $unset: { leaseUntil: '' },
    });
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    const oid = toObjectId(id);
    const r = oid ? await this.model.findById(oid).lean<OutboxRecord>().exec() : null;
    return r ? toDomain(r) : undefined;
  }

  async listUndelivered(filter: UndeliveredFilter, page: Page): Promise<PageResult<OutboxItem>> {
    const query = {
      status: { $in: filter.statuses ?? ['failed', 'unreachable'] },
      ...(filter.keyPrefix ? { key: { $regex: `^${escapeRegex(filter.keyPrefix)}` } } : {}),
    };
    const { limit, skip } = pageBounds(page);
    const [rows, total] = await Promise.all([
      this.model
        .find(query)
        .sort({ createdAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean<OutboxRecord[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items: rows.map(toDomain), total };
  }

  /** Ends a delivery attempt; a row already sent stays sent (a late duplicate report changes nothing). */
  private async finish(id: string, update: UpdateQuery<OutboxRecord>): Promise<void> {
    const oid = toObjectId(id);
    if (!oid) return;
    await mutate(this.locks, this.model, oid, (r) => (r.status === 'sent' ? undefined : update));
  }
}
