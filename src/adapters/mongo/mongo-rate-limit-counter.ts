import { Schema, type Connection, type Model } from 'mongoose';
import type { RateLimitCounter, RateLimitHits } from '../../ports/rate-limit-counter.js';
import { isDuplicateKeyError, modelOn } from './mongo-utils.js';

interface RateLimitDoc {
  _id: string;
  hits: number;
  resetAt: Date;
}

const schema = new Schema<RateLimitDoc>(
  {
    _id: { type: String, required: true },
    hits: { type: Number, required: true },
    resetAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ resetAt: 1 });

/** The `rate_limits` collection: one row per limited key and its open window. */
export function rateLimitModel(conn: Connection): Model<RateLimitDoc> {
  return modelOn(conn, 'RateLimit', schema, 'rate_limits');
}

/** How often an increment also sweeps ended windows, so the collection never grows unbounded. */
const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * RateLimitCounter on MongoDB/FerretDB. Each step is a single-document update (no
 * findOneAndUpdate, which FerretDB runs as a find then a write): `$inc` in an open window, else
 * restart an ended window, else insert, letting the unique `_id` settle a race of two inserts.
 */
export class MongoRateLimitCounter implements RateLimitCounter {
  private lastSweep = 0;

  constructor(private readonly model: Model<RateLimitDoc>) {}

  async increment(key: string, windowMs: number, now: Date): Promise<RateLimitHits> {
    await this.maybeSweep(now);
    for (let attempt = 0; attempt < 3; attempt++) {
      const open = await this.model.updateOne({ _id: key, resetAt: { $gt: now } }, { $inc: { hits: 1 } });
      if (open.matchedCount === 0) {
        const resetAt = new Date(now.getTime() + windowMs);
        const ended = await this.model.updateOne(
          { _id: key, resetAt: { $lte: now } },
          { $set: { hits: 1, resetAt } },
        );
        if (ended.matchedCount === 0 && !(await this.insert(key, resetAt))) continue;
      }
      const hits = await this.get(key, now);
      if (hits) return hits;
    }
    throw new Error(`rate limit counter: could not count a hit for ${key}`);
  }

  async get(key: string, now: Date): Promise<RateLimitHits | undefined> {
    const d = await this.model
      .findOne({ _id: key, resetAt: { $gt: now } })
      .lean<RateLimitDoc>()
      .exec();
    return d ? { hits: d.hits, resetAt: d.resetAt } : undefined;
  }

  async decrement(key: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: key, resetAt: { $gt: now }, hits: { $gt: 0 } }, { $inc: { hits: -1 } });
  }

  async reset(key: string): Promise<void> {
    await this.model.deleteOne({ _id: key });
  }

  async sweep(now: Date): Promise<number> {
    const r = await this.model.deleteMany({ resetAt: { $lte: now } });
    return r.deletedCount;
  }

  private async maybeSweep(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    await this.sweep(now);
  }

  /** Opens the key's first window; false when another process inserted it first. */
  private async insert(key: string, resetAt: Date): Promise<boolean> {
    try {
      await this.model.create({ _id: key, hits: 1, resetAt });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}
