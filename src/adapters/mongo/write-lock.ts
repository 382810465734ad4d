import type { FilterQuery, Model, Types, UpdateQuery } from 'mongoose';
import { ConcurrencyError } from '../../ports/errors.js';
import type { WriteLockRecord } from './write-lock-model.js';
import { isDuplicateKeyError } from './mongo-utils.js';

/*
 * Why this file exists (see docs/decisions/0001-write-lock.md): FerretDB 1.24 (our test database,
 * SQLite backend) runs `update` and `findAndModify` as "query matching documents, then UPDATE ...
 * WHERE _id = ?" without re-checking the filter (internal/handler/msg_findandmodify.go,
 * common/update.go). Two concurrent `updateOne({ _id, version: 3 }, ...)` or
 * `findOneAndUpdate({ status: 'waiting' }, ...)` can both succeed, so neither is a guard. The only
 * atomic primitive there is an insert into a unique index: of concurrent inserts of one key
 * exactly one wins, and the others fail with a duplicate-key error.
 *
 * So every conditional update goes through `compareAndSet`: first insert a lock row whose `_id`
 * names the transition (`<collection>:<id>:<version + 1>`); only the inserter may run the
 * versioned update. A writer holding a stale version either loses the insert or finds the version
 * moved on. After a successful update the lock is left in place: its name holds a version nobody
 * can write from any more, so it blocks no one, and `sweepLocks` removes it later (one round trip
 * less per write). After a failed update it is deleted at once. On MongoDB the versioned filter
 * alone would be atomic; the lock costs one insert and keeps the code identical on both.
 *
 * Rule: every update of a versioned collection (applications, inbound messages, handoffs)
 * must go through here, or it can clobber a concurrent guarded write. Conversations need none:
 * they are insert-only versions (see conversation-model.ts), where the unique index decides; nor
 * does the outbox, whose rows of one chat only the holder of that chat's lane lease updates.
 */

/** A lock left by a process that crashed between insert and delete is taken over after this. */
const STALE_LOCK_MS = 30_000;

/** Documents guarded by `compareAndSet` carry a version. */
export interface Versioned {
  _id: Types.ObjectId;
  version: number;
  /**
   * Counts `mutateInPlace` writes, which keep the version: two of them from one version would
   * otherwise not see each other. Declare it in the schema of a model written in place.
   */
  inPlaceSeq?: number;
}

/** How often a writer retries while a brief (in-place) lock is held, a few milliseconds apart. */
const BRIEF_WAITS = 12;

async function acquire(locks: Model<WriteLockRecord>, key: string, brief = false): Promise<boolean> {
  for (let attempt = 0; attempt < 2 + BRIEF_WAITS; attempt++) {
    try {
      await locks.create({ _id: key, at: new Date(), ...(brief ? { brief: true } : {}) });
      return true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const held = await locks.findById(key).lean<WriteLockRecord>().exec();
      // Released in between: try the insert again (the versioned filter still decides).
      if (!held) continue;
      const fresh = held.at.getTime() > Date.now() - STALE_LOCK_MS;
      // A bookkeeping write that keeps the version: it is done in a moment, so it is waited
      // out rather than answered as a conflict.
      if (fresh && held.brief) {
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 6));
        continue;
      }
      if (fresh) return false;
      // Left by a crashed writer: remove exactly that row (its `at`), then try once more.
      await locks.deleteOne({ _id: key, at: held.at }).exec();
    }
  }
  return false;
}

/**
 * Applies `update` to document `id` only if its version is still `expectedVersion`, and bumps
 * the version. Answers whether it did (false: someone else wrote first, or it is gone).
 */
export async function compareAndSet<T extends Versioned>(
  locks: Model<WriteLockRecord>,
  model: Model<T>,
  id: Types.ObjectId,
  expectedVersion: number,
  update: UpdateQuery<T>,
): Promise<boolean> {
  const key = `${model.collection.collectionName}:${id.toHexString()}:${expectedVersion + 1}`;
  if (!(await acquire(locks, key))) return false;
  let done = false;
  try {
    const $set = {
      ...(update.$set ?? {}),
      version: expectedVersion + 1,
    };
    const res = await model.updateOne({ _id: id, version: expectedVersion }, { ...update, $set }).exec();
    done = res.matchedCount === 1;
    return done;
  } finally {
    if (!done) await locks.deleteOne({ _id: key }).exec();
  }
}

/**
 * Read-decide-write of bookkeeping on a versioned document that must not make anyone's copy
 * stale: the version stays. It holds the lock of the next versioned write from the version read
 * (and gives it back at once, since the version does not move), so it never interleaves with a
 * guarded write; a guarded writer meeting it in that moment loses as it would to any writer.
 * `decide` returns the update, or `undefined` when there is nothing to do. Answers whether it wrote.
 */
export async function mutateInPlace<T extends Versioned>(
  locks: Model<WriteLockRecord>,
  model: Model<T>,
  id: Types.ObjectId,
  decide: (current: T) => UpdateQuery<T> | undefined,
  maxTries = 20,
): Promise<boolean> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const current = await model.findById(id).lean<T>().exec();
    if (!current) return false;
    const update = decide(current);
    if (!update) return false;
    const key = `${model.collection.collectionName}:${id.toHexString()}:${current.version + 1}`;
    if (await acquire(locks, key, true)) {
      try {
        // Under the lock no other writer from this version runs, so the filter read now holds.
        const seq = current.inPlaceSeq;
        const filter = {
          _id: id,
          version: current.version,
          inPlaceSeq: seq ?? { $exists: false },
        } as FilterQuery<T>;
        const res = await model
          .updateOne(filter, { ...update, $set: { ...(update.$set ?? {}), inPlaceSeq: (seq ?? 0) + 1 } })
          .exec();
        if (res.matchedCount === 1) return true;
      } finally {
        await locks.deleteOne({ _id: key }).exec();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * (attempt + 1)));
  }
  throw new ConcurrencyError(model.modelName, id.toHexString(), null);
}

/** Removes the locks of finished writes (older than a crashed writer's, so never one in use). */
export async function sweepLocks(locks: Model<WriteLockRecord>, now = new Date()): Promise<number> {
  const res = await locks.deleteMany({ at: { $lt: new Date(now.getTime() - STALE_LOCK_MS) } }).exec();
  return res.deletedCount;
}

/** What `mutate` did: `updated` false when the document is missing or `decide` declined. */
export type Mutation<T> = { updated: true; doc: T } | { updated: false; doc: T | undefined };

/**
 * Read-decide-write with retries: an atomic read-modify-write on any database. `decide` sees the
 * current document and returns the update, or `undefined` to leave it (e.g. already claimed).
 * Throws `ConcurrencyError` after `maxTries` lost races.
 */
export async function mutate<T extends Versioned>(
  locks: Model<WriteLockRecord>,
  model: Model<T>,
  id: Types.ObjectId,
  decide: (current: T) => UpdateQuery<T> | undefined,
  maxTries = 20,
): Promise<Mutation<T>> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const current = await model.findById(id).lean<T>().exec();
    if (!current) return { updated: false, doc: undefined };
    const update = decide(current);
    if (!update) return { updated: false, doc: current };
    if (await compareAndSet(locks, model, id, current.version, update)) {
      const doc = await model.findById(id).lean<T>().exec();
      return doc ? { updated: true, doc } : { updated: false, doc: undefined };
    }
    // Lost a race: back off a little, with jitter so the losers do not collide again.
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * (attempt + 1)));
  }
  throw new ConcurrencyError(model.modelName, id.toHexString(), null);
}
