import { Schema, type Connection, type Model } from 'mongoose';
import type { CloudChatLog, CloudChatMarks } from '../../ports/cloud-chat-log.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { compact, isDuplicateKeyError, modelOn } from './mongo-utils.js';

/** The blind-index purpose of a WhatsApp number in this collection. */
const PURPOSE = 'wa-cloud-number';

/**
 * One WhatsApp number's marks as stored: the number only as a keyed blind index (`number`), so
 * the collection holds no phone number; `touchedAt` is the latest mark, for retention.
 */
export interface CloudChatRecord {
  number: string;
  lastInboundAt?: Date;
  newNumberToldAt?: Date;
  touchedAt: Date;
}

const schema = new Schema<CloudChatRecord>(
  {
    number: { type: String, required: true },
    lastInboundAt: Date,
    newNumberToldAt: Date,
    touchedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ number: 1 }, { unique: true });
schema.index({ touchedAt: 1 });

/** The `wa_cloud_chats` collection. */
export function cloudChatModel(conn: Connection): Model<CloudChatRecord> {
  return modelOn(conn, 'CloudChat', schema, 'wa_cloud_chats');
}

/**
 * CloudChatLog on MongoDB/FerretDB. A look-up matches the number's digest under every key of the
 * ring; a write moves the record to the current key's digest, so a key rotation needs no
 * re-sealer here (the digest cannot be recomputed without the number, which is not stored).
 */
export class MongoCloudChatLog implements CloudChatLog {
  constructor(
    private readonly model: Model<CloudChatRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  private async mark(
    number: string,
    at: Date,
    field: 'lastInboundAt' | 'newNumberToldAt',
    keepFirst: boolean,
  ) {
    const filter = { number: { $in: this.cipher.blindIndexes(PURPOSE, number) } };
    const current = { number: this.cipher.blindIndex(PURPOSE, number) };
    const update = keepFirst
      ? { $set: current, $min: { [field]: at }, $max: { touchedAt: at } }
      : { $set: current, $max: { [field]: at, touchedAt: at } };
    try {
      await this.model.updateOne(filter, update, { upsert: true }).exec();
    } catch (err) {
      // Two first writes of one number at once: the loser's upsert hits the unique index; the
      // record exists now, so the same update finds it.
      if (!isDuplicateKeyError(err)) throw err;
      await this.model.updateOne(filter, update).exec();
    }
  }

  wrote(number: string, at: Date): Promise<void> {
    return this.mark(number, at, 'lastInboundAt', false);
  }

  toldNewNumber(number: string, at: Date): Promise<void> {
    return this.mark(number, at, 'newNumberToldAt', true);
  }

  async marks(number: string): Promise<CloudChatMarks> {
    const rows = await this.model
      .find({ number: { $in: this.cipher.blindIndexes(PURPOSE, number) } })
      .lean<CloudChatRecord[]>()
      .exec();
    const latest = (pick: (r: CloudChatRecord) => Date | undefined) =>
      rows
        .map(pick)
        .filter((d): d is Date => d instanceof Date)
        .sort((a, b) => b.getTime() - a.getTime())[0];
    return compact({
      lastInboundAt: latest((r) => r.lastInboundAt),
      newNumberToldAt: latest((r) => r.newNumberToldAt),
    });
  }

  async forgetIdleBefore(date: Date): Promise<number> {
    const res = await this.model.deleteMany({ touchedAt: { $lt: date } }).exec();
    return res.deletedCount;
  }
}
