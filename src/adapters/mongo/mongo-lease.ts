import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Lease, LeaseClaim, LeaseRepository } from '../../ports/lease.js';
import { isDuplicateKeyError, modelOn } from './mongo-utils.js';
import { compareAndSet } from './write-lock.js';
import { writeLockModel, type WriteLockRecord } from './write-lock-model.js';

/** One named lease. Versioned so every change goes through `compareAndSet` (atomic on FerretDB too). */
export interface LeaseRecord {
  _id: Types.ObjectId;
  name: string;
  holder: string;
  expiresAt: Date;
  note?: string;
  version: number;
}

const schema = new Schema<LeaseRecord>(
  {
    name: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    note: { type: String },
    version: { type: Number, required: true },
  },
  { versionKey: false },
);
// The first taker of a never-held lease wins by this index (the only atomic primitive on FerretDB).
schema.index({ name: 1 }, { unique: true });

/** The `leases` collection. */
export function leaseModel(conn: Connection): Model<LeaseRecord> {
  return modelOn(conn, 'Lease', schema, 'leases');
}

const toLease = (r: LeaseRecord): Lease => ({
  name: r.name,
  holder: r.holder,
  expiresAt: r.expiresAt,
  ...(typeof r.note === 'string' ? { note: r.note } : {}),
});

/**
 * Leases on MongoDB or FerretDB: the first holder inserts the row (unique name); later changes
 * (renew, take over a lapsed lease, release) are versioned compare-and-set writes, so of two
 * processes racing for a lapsed lease exactly one wins.
 */
export class MongoLeaseRepository implements LeaseRepository {
  constructor(
    private readonly model: Model<LeaseRecord>,
    private readonly locks: Model<WriteLockRecord>,
  ) {}

  async acquire(name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<LeaseClaim> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    for (let round = 0; round < 3; round++) {
      try {
        await this.model.create({ name, holder, expiresAt, version: 1 });
        return { acquired: true, lease: { name, holder, expiresAt } };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const current = await this.read(name);
      if (!current) continue;
      const ours = current.holder === holder;
      if (!ours && current.expiresAt.getTime() > now.getTime())
        return { acquired: false, lease: toLease(current) };
      // The note was the previous holder's (kept when the holder takes its own lease again).
      const taken = await compareAndSet(this.locks, this.model, current._id, current.version, {
        $set: { holder, expiresAt },
        ...(ours ? {} : { $unset: { note: 1 } }),
      });
      if (taken) return { acquired: true, lease: { name, holder, expiresAt } };
      // Lost the race: whoever won holds it now (or it moved on); look once more.
    }
    const after = await this.read(name);
    return { acquired: false, lease: after ? toLease(after) : { name, holder: '', expiresAt: now } };
  }

  async renew(
    name: string,
    holder: string,
    ttlMs: number,
    now: Date = new Date(),
    note?: string,
  ): Promise<boolean> {
    const current = await this.read(name);
    if (!current || current.holder !== holder) return false;
    return compareAndSet(this.locks, this.model, current._id, current.version, {
      $set: { expiresAt: new Date(now.getTime() + ttlMs), ...(note === undefined ? {} : { note }) },
    });
  }

  async release(name: string, holder: string, now: Date = new Date()): Promise<void> {
    const current = await this.read(name);
    if (!current || current.holder !== holder) return;
    // Lapsed rather than deleted: a delete could remove a row another process just took over.
    await compareAndSet(this.locks, this.model, current._id, current.version, {
      $set: { expiresAt: new Date(now.getTime() - 1) },
    });
  }

  async current(name: string): Promise<Lease | undefined> {
    const r = await this.read(name);
    return r ? toLease(r) : undefined;
  }

  private read(name: string): Promise<LeaseRecord | null> {
    return this.model.findOne({ name }).lean<LeaseRecord>().exec();
  }
}

/** The lease repository on `conn`, with its indexes (call `ensureIndexes` once at start-up). */
export function createMongoLeases(conn: Connection): LeaseRepository & { ensureIndexes(): Promise<void> } {
  const model = leaseModel(conn);
  const locks = writeLockModel(conn);
  const repo = new MongoLeaseRepository(model, locks);
  return Object.assign(repo, {
    async ensureIndexes() {
      // `init` is mongoose's index build (started when the model was made); see repositories.ts.
      await Promise.all([locks.init(), model.init()]);
    },
  });
}
