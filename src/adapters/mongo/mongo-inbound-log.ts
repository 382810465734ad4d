import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { ClaimResult, InboundLog } from '../../ports/inbound-log.js';
import type { InboundMessageRecord } from './inbound-message-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';
import { compareAndSet } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** Inbound message idempotency on MongoDB (or FerretDB). */
export class MongoInboundLog implements InboundLog {
  constructor(
    private readonly model: Model<InboundMessageRecord>,
    private readonly locks: Model<WriteLockRecord>,
  ) {}

  async claim(channel: Channel, messageId: string, leaseMs: number, now: Date): Promise<ClaimResult> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // Two rounds: the row may be released or purged between our insert and our read.
    for (let round = 0; round < 2; round++) {
      try {
        await this.model.create({
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

  async complete(channel: Channel, messageId: string, at: Date = new Date()): Promise<void> {
    // One plain update, not a guarded one: only the claim holder completes, `done` is final, and
    // the only guarded write it could race (a takeover after our lease lapsed) means the message
    // was being handled twice anyway, whichever write lands last.
    await this.model
      .updateOne({ channel, messageId, status: 'processing' }, { $set: { status: 'done', completedAt: at } })
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
