import type { Model, UpdateQuery } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { Reply } from '../../dialogue/types.js';
import {
  outboxOrder,
  type NewOutboxItem,
  type Outbox,
  type OutboxBody,
  type OutboxFile,
  type OutboxItem,
  type OutboxLane,
  type Receipt,
  type UndeliveredFilter,
} from '../../ports/outbox.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { OutboxRecord } from './outbox-model.js';
import { compact, escapeRegex, isDuplicateKeyError, pageBounds } from './mongo-utils.js';

/** Errors are stored for the console; a stack trace or a whole HTTP body is not needed there. */
const MAX_ERROR_LENGTH = 500;
/** Rows not yet final: what a lane still has to send. */
const OPEN = ['pending', 'sending'];

/**
 * A delivery error as kept for the console: its first line, runs of digits (a NIK, a phone)
 * masked, and cut short. The row's text is sealed; an error that quotes it (a channel echoing the
 * message it refused) must not keep it in plain text beside it.
 */
export function scrubError(error: string): string {
  const firstLine = error.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.replace(/\+?\d[\d\s.-]{3,}\d/g, '…').slice(0, MAX_ERROR_LENGTH);
}

/** A file row's sealed body: a kind no reply has, so one sealed field holds either. */
type StoredFile = { kind: 'file'; file: OutboxFile };

function openBody(sealed: string, cipher: FieldCipher): OutboxBody {
  const body = JSON.parse(cipher.open(sealed)) as Reply | StoredFile;
  return body.kind === 'file' ? { file: body.file } : { reply: body };
}

function sealBody(item: OutboxBody, cipher: FieldCipher): string {
  const body: Reply | StoredFile = item.file ? { kind: 'file', file: item.file } : item.reply;
  return cipher.seal(JSON.stringify(body));
}

function toDomain(r: OutboxRecord, cipher: FieldCipher): OutboxItem {
  return compact<OutboxItem>({
    id: r._id,
    key: r._id,
    channel: r.channel as Channel,
    chatId: r.chatId,
    ...openBody(r.reply, cipher),
    order: r.order,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastError: r.lastError,
    origin: r.origin ? { handoffId: r.origin.handoffId, index: r.origin.index } : undefined,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    providerIds: r.providerIds?.length ? [...r.providerIds] : undefined,
    receipt: r.receipt
      ? compact<Receipt>({
          state: r.receipt.state as Receipt['state'],
          at: r.receipt.at,
          error:
            r.receipt.code !== undefined ? { code: r.receipt.code, title: r.receipt.title ?? '' } : undefined,
        })
      : undefined,
  });
}

/** Receipts only move forward: a failure can follow `sent`, never a delivery or a reading. */
const RANK: Record<Receipt['state'], number> = { sent: 1, failed: 2, delivered: 3, read: 4 };

function toRecord(item: NewOutboxItem, cipher: FieldCipher): OutboxRecord {
  return compact<OutboxRecord>({
    _id: item.key,
    channel: item.channel,
    chatId: item.chatId,
    reply: sealBody(item, cipher),
    order: item.order ?? outboxOrder(item.createdAt),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: item.createdAt,
    origin: item.origin,
    createdAt: item.createdAt,
  });
}

/**
 * Outbound messages on MongoDB (or FerretDB). The key is the `_id`, so recording a message twice
 * (a retried enqueue, a reconciliation) is one insert that fails on the unique `_id`. Updates are
 * plain: a row is only updated by the process holding its chat's lane lease. The reply (or the
 * file a file row names) is sealed by `cipher` (a message to a citizen can name them or echo their
 * NIK; a file's name can say whose it is); the chat address stays plain, as the lanes are found
 * and sent by it.
 */
export class MongoOutbox implements Outbox {
  private readonly toDomain: (r: OutboxRecord) => OutboxItem;

  constructor(
    private readonly model: Model<OutboxRecord>,
    private readonly cipher: FieldCipher,
  ) {
    this.toDomain = (r) => toDomain(r, cipher);
  }

  async enqueue(items: readonly NewOutboxItem[]): Promise<number> {
    if (items.length === 0) return 0;
    try {
      const res = await this.model.collection.insertMany(
        items.map((i) => toRecord(i, this.cipher)) as never[],
        { ordered: false },
      );
      return res.insertedCount;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return (err as { insertedCount?: number; result?: { insertedCount?: number } }).insertedCount ?? 0;
    }
  }

  async dueLanes(now: Date, limit: number, channels?: readonly Channel[]): Promise<OutboxLane[]> {
    if (limit <= 0 || channels?.length === 0) return [];
    const rows = await this.model
      .find(
        {
          // A new row is due whatever clock recorded it; a retry or a lapsed attempt at its time.
          $or: [
            { status: 'pending', attempts: 0 },
            { status: { $in: OPEN }, nextAttemptAt: { $lte: now } },
          ],
          ...(channels ? { channel: { $in: [...channels] } } : {}),
        },
        { channel: 1, chatId: 1 },
      )
      .sort({ nextAttemptAt: 1 })
      .limit(limit * 5)
      .lean<Array<Pick<OutboxRecord, 'channel' | 'chatId'>>>()
      .exec();
    const lanes = new Map<string, OutboxLane>();
    for (const r of rows) {
      if (lanes.size >= limit) break;
      lanes.set(`${r.channel}:${r.chatId}`, { channel: r.channel as Channel, chatId: r.chatId });
    }
    return [...lanes.values()];
  }

  async listLane(lane: OutboxLane, limit: number): Promise<OutboxItem[]> {
    const rows = await this.model
      .find({ channel: lane.channel, chatId: lane.chatId, status: { $in: OPEN } })
      .sort({ order: 1, _id: 1 })
      .limit(limit)
      .lean<OutboxRecord[]>()
      .exec();
    return rows.map(this.toDomain);
  }

  async markSending(id: string, until: Date): Promise<void> {
    await this.finish(id, { $set: { status: 'sending', nextAttemptAt: until }, $inc: { attempts: 1 } });
  }

  async markSent(id: string, at: Date, providerIds?: string[]): Promise<void> {
    await this.finish(id, {
      $set: { status: 'sent', sentAt: at, ...(providerIds?.length ? { providerIds } : {}) },
    });
  }

  async recordReceipt(providerId: string, receipt: Receipt): Promise<boolean> {
    const rank = RANK[receipt.state];
    const code = receipt.error?.code;
    const title = receipt.error ? scrubError(receipt.error.title) : undefined;
    // The code is the channel's own number, not the citizen's: kept whole, unlike digits in a title.
    const error = receipt.error ? `WhatsApp ${receipt.error.code}: ${title}` : undefined;
    const res = await this.model
      .updateOne(
        {
          providerIds: providerId,
          $or: [{ receipt: { $exists: false } }, { 'receipt.rank': { $lt: rank } }],
        },
        {
          $set: {
            receipt: compact({ state: receipt.state, at: receipt.at, rank, code, title }),
            ...(receipt.state === 'failed' ? { status: 'failed', lastError: error ?? 'failed' } : {}),
          },
        },
      )
      .exec();
    return res.modifiedCount > 0;
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.finish(id, {
      $set: { status: 'pending', nextAttemptAt, lastError: scrubError(error) },
    });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.finish(id, { $set: { status: 'failed', lastError: scrubError(error) } });
  }

  async markUnreachable(id: string, error: string): Promise<void> {
    await this.finish(id, { $set: { status: 'unreachable', lastError: scrubError(error) } });
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    const r = await this.model.findById(id).lean<OutboxRecord>().exec();
    return r ? this.toDomain(r) : undefined;
  }

  async listUndelivered(filter: UndeliveredFilter, page: Page): Promise<PageResult<OutboxItem>> {
    const query = {
      status: { $in: filter.statuses ?? ['failed', 'unreachable'] },
      ...(filter.keyPrefix ? { _id: { $regex: `^${escapeRegex(filter.keyPrefix)}` } } : {}),
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
    return { items: rows.map(this.toDomain), total };
  }

  /** Records an attempt's outcome; a row already final stays as it is (a late report changes nothing). */
  private async finish(id: string, update: UpdateQuery<OutboxRecord>): Promise<void> {
    await this.model.updateOne({ _id: id, status: { $in: OPEN } }, update).exec();
  }
}
