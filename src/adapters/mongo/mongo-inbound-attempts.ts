import type { Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { InboundAttemptLog } from '../../ports/inbound-attempts.js';
import type { InboundAttemptRecord } from './inbound-attempt-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';

/** The blind-index purpose of a row's key. */
const KEY_PURPOSE = 'inbound-attempt';

/**
 * Tries at inbound messages on MongoDB (or FerretDB): one small row per message being tried,
 * holding only the channel, a blind index of the message id, a count and two times. It is
 * deleted once the message is handled; a parked message's row stays until the purge, so a
 * redelivery is parked again without being tried. After a key rotation a message's count
 * starts again: rows live for minutes, and a restart of the count only delays parking.
 */
export class MongoInboundAttempts implements InboundAttemptLog {
  constructor(
    private readonly model: Model<InboundAttemptRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  private keyOf(channel: Channel, messageId: string): string {
    return this.cipher.blindIndex(KEY_PURPOSE, `${channel}:${messageId}`);
  }

  async begin(channel: Channel, messageId: string, now: Date, excused = 0): Promise<number> {
    const _id = this.keyOf(channel, messageId);
    // Two rounds: two first tries at once (two webhook servers) race on the insert.
    for (let round = 0; ; round++) {
      try {
        const row = await this.model
          .findOneAndUpdate(
            { _id },
            {
              $inc: { attempts: 1 - excused },
              $set: { lastAt: now },
              $setOnInsert: { channel, firstAt: now },
            },
            { upsert: true, new: true },
          )
          .lean<InboundAttemptRecord>()
          .exec();
        return row?.attempts ?? 1;
      } catch (err) {
        if (round > 0 || !isDuplicateKeyError(err)) throw err;
      }
    }
  }

  async excuse(channel: Channel, messageId: string): Promise<void> {
    await this.model
      .updateOne({ _id: this.keyOf(channel, messageId), attempts: { $gt: 0 } }, { $inc: { attempts: -1 } })
      .exec();
  }

  async forget(channel: Channel, messageId: string): Promise<void> {
    await this.model.deleteOne({ _id: this.keyOf(channel, messageId) }).exec();
  }

  async purgeBefore(date: Date): Promise<number> {
    const res = await this.model.deleteMany({ lastAt: { $lt: date } }).exec();
    return res.deletedCount;
  }
}
