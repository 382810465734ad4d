import { beforeAll, describe, expect, it } from '@jest/globals';
import { Schema, Types, type Model } from 'mongoose';
import {
  compareAndSet,
  mutate,
  mutateInPlace,
  sweepLocks,
  type Versioned,
} from '../../../src/adapters/mongo/write-lock.js';
import { writeLockModel, type WriteLockRecord } from '../../../src/adapters/mongo/write-lock-model.js';
import { useTestDatabase } from '../../support/db.js';

interface Counter extends Versioned {
  n: number;
  by: string[];
}

const db = useTestDatabase('write_lock');
let locks: Model<WriteLockRecord>;
let counters: Model<Counter>;

beforeAll(async () => {
  locks = writeLockModel(db.conn());
  counters = db
    .conn()
    .model<Counter>(
      'Counter',
      new Schema<Counter>(
        { n: Number, by: [String], version: Number, inPlaceSeq: Number },
        { versionKey: false },
      ),
      'counters',
    );
  await locks.init();
  await counters.init();
});

async function newCounter(): Promise<Types.ObjectId> {
  const _id = new Types.ObjectId();
  await counters.create({ _id, n: 0, by: [], version: 1 });
  return _id;
}

describe('compareAndSet', () => {
  const locksOf = async (id: Types.ObjectId) =>
    (await locks.find({}).lean<WriteLockRecord[]>().exec())
      .map((l) => String(l._id))
      .filter((k) => k.includes(id.toHexString()));

  it('should apply the update and bump the version when the version matches', async () => {
    const id = await newCounter();
    expect(await compareAndSet(locks, counters, id, 1, { $inc: { n: 5 } })).toBe(true);
    expect(await counters.findById(id).lean().exec()).toMatchObject({ n: 5, version: 2 });
    // The lock of a finished write names a version nobody can write from: it waits for the sweep.
    expect(await locksOf(id)).toEqual([`counters:${id.toHexString()}:2`]);
    expect(await compareAndSet(locks, counters, id, 2, { $inc: { n: 1 } })).toBe(true);
  });

  it('should refuse a stale version and leave no lock of its own behind', async () => {
    const id = await newCounter();
    await compareAndSet(locks, counters, id, 1, { $inc: { n: 1 } });
    await locks.deleteMany({}).exec();
    expect(await compareAndSet(locks, counters, id, 1, { $inc: { n: 100 } })).toBe(false);
    expect(await counters.findById(id).lean().exec()).toMatchObject({ n: 1, version: 2 });
    expect(await locksOf(id)).toEqual([]);
  });

  it('should sweep the locks of finished writes once they are older than a crashed writer', async () => {
    const id = await newCounter();
    await compareAndSet(locks, counters, id, 1, { $inc: { n: 1 } });
    expect(await sweepLocks(locks)).toBe(0);
    expect(await locksOf(id)).toHaveLength(1);
    expect(await sweepLocks(locks, new Date(Date.now() + 31_000))).toBeGreaterThanOrEqual(1);
    expect(await locksOf(id)).toEqual([]);
  });

  it('should let exactly one of 10 concurrent writers of one version through', async () => {
    const id = await newCounter();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => compareAndSet(locks, counters, id, 1, { $push: { by: `w${i}` } })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const doc = await counters.findById(id).lean().exec();
    expect(doc?.by).toHaveLength(1);
    expect(doc?.version).toBe(2);
  });

  it('should wait out a fresh lock but take over one left by a crashed writer', async () => {
    const id = await newCounter();
    const key = `counters:${id.toHexString()}:2`;
    await locks.create({ _id: key, at: new Date() });
    expect(await compareAndSet(locks, counters, id, 1, { $inc: { n: 1 } })).toBe(false);
    await locks.updateOne({ _id: key }, { $set: { at: new Date(Date.now() - 60_000) } }).exec();
    expect(await compareAndSet(locks, counters, id, 1, { $inc: { n: 1 } })).toBe(true);
    expect(await counters.findById(id).lean().exec()).toMatchObject({ n: 1, version: 2 });
  });
});

describe('mutate', () => {
  it('should wait out a brief lock of a write that keeps the version instead of failing', async () => {
    const id = await newCounter();
    const key = `counters:${id.toHexString()}:2`;
    await locks.create({ _id: key, at: new Date(), brief: true });
    setTimeout(() => void locks.deleteOne({ _id: key }).exec(), 20);
    expect(await compareAndSet(locks, counters, id, 1, { $set: { n: 1 } })).toBe(true);
    expect((await counters.findById(id).lean<Counter>().exec())?.version).toBe(2);
  });

  it('should keep the version in mutateInPlace, and never lose a concurrent guarded write', async () => {
    const id = await newCounter();
    const guarded = Promise.all(
      Array.from({ length: 5 }, () => mutate(locks, counters, id, (c) => ({ $set: { n: c.n + 1 } }))),
    );
    const inPlace = Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        mutateInPlace(locks, counters, id, (c) => ({ $set: { by: [...c.by, `p${i}`] } })),
      ),
    );
    await Promise.all([guarded, inPlace]);
    const c = await counters.findById(id).lean<Counter>().exec();
    expect(c?.n).toBe(5);
    expect(c?.version).toBe(6);
    expect([...(c?.by ?? [])].sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('should serialise 10 concurrent read-modify-writes without losing one', async () => {
    const id = await newCounter();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        mutate(locks, counters, id, (c) => ({ $set: { n: c.n + 1, by: [...c.by, `w${i}`] } })),
      ),
    );
    const doc = await counters.findById(id).lean().exec();
    expect(doc?.n).toBe(10);
    expect(new Set(doc?.by).size).toBe(10);
    expect(doc?.version).toBe(11);
  });

  it('should not write when decide declines, and report a missing document', async () => {
    const id = await newCounter();
    const declined = await mutate(locks, counters, id, () => undefined);
    expect(declined).toEqual({ updated: false, doc: expect.objectContaining({ n: 0, version: 1 }) });
    expect(await mutate(locks, counters, new Types.ObjectId(), () => ({ $set: { n: 1 } }))).toEqual({
      updated: false,
      doc: undefined,
    });
  });
});
