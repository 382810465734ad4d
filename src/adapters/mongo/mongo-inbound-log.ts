import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ClaimResult, InboundLog } from '../../ports/inbound-log.js';
import type { InboundMessageRecord } from './inbound-message-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';
import { compareAndSet } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/**
 * Inbound message idempotency on MongoDB (or FerretDB). A message is done once its turn saved a
 * conversation version (`recorded`): no completion write per message; the first redelivery that
 * finds the version marks the claim done.
 */
export class MongoInboundLog implements InboundLog {
  constructor(
    private readonly model: Model<InboundMessageRecord>,
    private readonly locks: Model<WriteLockRecord>,
    private readonly recorded: (channel: Channel, messageId: string, chatId: string) => Promise<boolean>,
  ) {}

  async claim(
    channel: Channel,
    messageId: string,
    leaseMs: number,
    now: Date,
    chatId: string,
  ): Promise<ClaimResult> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // Two rounds: the row may be released or purged between our insert and our read.
    for (let round = 0; round < 2; round++) {
      try {
        // The driver's insert, as for a conversation version: every field is built right here.
        await this.model.collection.insertOne({
          channel,
          messageId,
          status: 'processing',
          leaseUntil,
          attempts: 1,
          claimedAt: now,
          version: 1,
        });
        return 'claimed';
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const current = await this.model.findOne({ channel, messageId }).lean<InboundMessageRecord>().exec();
      if (!current) continue;
      if (current.status === 'done') return 'done';
      if (await this.recorded(channel, messageId, chatId)) {
        await this.model
          .updateOne({ _id: current._id }, { $set: { status: 'done', completedAt: now } })
          .exec();
        return 'done';
      }
      if (current.leaseUntil.getTime() > now.getTime()) return 'busy';
      // The lease lapsed (crashed claimer): exactly one of the takers wins the versioned update.
      const taken = await compareAndSet(this.locks, this.model, current._id, current.version, {
        $set: { leaseUntil, claimedAt: now },
        $inc: { attempts: 1 },
      });
      return taken ? 'claimed' : 'busy';
    }
    return 'busy';
  }

  /**
   * Marks handled messages done (their conversation versions, the other record of it, are about
   * to be removed by the sweep). Ids with no claim row (pushed events) are ignored.
   */
  async markDone(channel: Channel, messageIds: string[], at: Date = new Date()): Promise<void> {
    if (messageIds.length === 0) return;
    await this.model
      .updateMany(
        { channel, messageId: { $in: messageIds }, status: 'processing' },
        { $set: { status: 'done', completedAt: at } },
      )
      .exec();
  }

  async release(channel: Channel, messageId: string, claimedAt?: Date): Promise<void> {
    // Deleting the row lets the channel's retry claim it at once (a fresh insert).
    await this.model
      .deleteOne({ channel, messageId, status: 'processing', ...(claimedAt ? { claimedAt } : {}) })
      .exec();
  }

  async purgeCompletedBefore(date: Date): Promise<number> {
    const res = await this.model
      .deleteMany({
        $or: [
          { status: 'done', completedAt: { $lt: date } },
          // Abandoned: claimed, never completed nor released, lease long gone.
          { status: 'processing', leaseUntil: { $lt: date } },
        ],
      })
      .exec();
    return res.deletedCount;
  }
}
