import type { Connection } from 'mongoose';
import { resealFiles } from './reseal-files.js';
import { resealDeadLetters, resealEvents, resealHandoffs, resealSatisfaction } from './reseal-records.js';
import type { ResealReport } from './sealed-fields.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { ConcurrencyError } from '../../ports/errors.js';
import {
  applicationReplacement,
  applicationSealedValues,
  applicationToDomain,
} from './application-mapper.js';
import { applicationModel, type ApplicationRecord } from './application-model.js';
import { writeLockModel } from './write-lock-model.js';
import { mutateInPlace } from './write-lock.js';

/*
 * `npm run keys:rotate`: every sealed value and blind index not under the current key (or still
 * plain, written before encryption) is re-sealed, collection by collection, in batches by `_id`.
 * It is idempotent (a record already current is only counted), so a run cut short is simply run
 * again, and it is safe while Loket runs: no re-sealer ever writes content it did not read in the
 * same guarded write.
 *   - Applications go through `mutateInPlace` (write-lock.ts), the guard every in-place write of
 *     a versioned record takes: a concurrent officer's save either lands first (then the
 *     re-sealer reads and re-seals that) or after (and writes under the current key itself). The
 *     version stays, so no officer's open page turns stale.
 *   - Conversations are insert-only versions: a version's content never changes once written, so
 *     re-sealing one in place, with the old sealed values in the filter, writes the same content
 *     under the new key, the latest version included; a version swept meanwhile matches nothing.
 *   - Outbox rows: only the reply is re-sealed, filtered on its old sealed value; the lane holder
 *     only ever writes the delivery fields, so neither write can undo the other.
 *   - Stored files: their contents go into a new chunk set the row is then pointed at
 *     (reseal-files.ts), never rewritten in place.
 * Another collection with sealed top-level strings adds a `topLevelResealer` entry to RESEALERS.
 * Run it after the new key is live in every Loket process: one still sealing under the old key
 * leaves records a second run re-seals.
 */

/** Records read per query. */
const BATCH = 100;

/** What one collection's re-sealing found. */
export interface ResealTally {
  collection: string;
  /** Records looked at. */
  checked: number;
  /** Records written under the current key. */
  resealed: number;
  /** Ids of records with a value no key of the ring opens (a key missing from LOKET_DATA_KEYS_OLD). */
  unreadable: string[];
  /** Ids of records changed by others too often to re-seal now: a second run takes them. */
  busy: string[];
}

/** One collection's re-sealer: looks at every record and re-seals those not current. */
export interface Resealer {
  collection: string;
  reseal(conn: Connection, cipher: FieldCipher, tally: ResealTally): Promise<void>;
}

/** True when `stored` is sealed under the current key. */
const sealedNow = (c: FieldCipher, stored: string): boolean => c.isCurrent(stored);
/** True when a blind index was made with the current key (its digest names the key id). */
const indexedNow = (c: FieldCipher, index: string): boolean => index.startsWith(`${c.keyId}.`);

/** Walks a collection by `_id` in batches, newest writes included up to the end. */
async function* batches<T extends { _id: unknown }>(
  conn: Connection,
  collection: string,
  projection?: Record<string, 1>,
): AsyncGenerator<T[]> {
  const coll = conn.collection<T>(collection);
  let after: unknown;
  for (;;) {
    const filter = (after === undefined ? {} : { _id: { $gt: after } }) as never;
    const rows = (await coll
      .find(filter, projection ? { projection } : {})
      .sort({ _id: 1 })
      .limit(BATCH)
      .toArray()) as T[];
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!._id;
  }
}

/** Applications: sealed fields and blind indexes, through the guarded in-place write. */
const applications: Resealer = {
  collection: 'applications',
  async reseal(conn, cipher, tally) {
    const model = applicationModel(conn);
    const locks = writeLockModel(conn);
    const current = (r: ApplicationRecord) => {
      const { sealed, indexes } = applicationSealedValues(r);
      return sealed.every((v) => sealedNow(cipher, v)) && indexes.every((i) => indexedNow(cipher, i));
    };
    for await (const rows of batches<ApplicationRecord>(conn, 'applications')) {
      for (const row of rows) {
        tally.checked++;
        if (current(row)) continue;
        try {
          const wrote = await mutateInPlace(locks, model, row._id, (now) =>
            current(now) ? undefined : applicationReplacement(applicationToDomain(now, cipher), cipher),
          );
          if (wrote) tally.resealed++;
        } catch (err) {
          noteFailure(err, String(row._id), tally);
        }
      }
    }
  },
};

/** Records a record that could not be re-sealed; anything else is a real failure and stops the run. */
function noteFailure(err: unknown, id: string, tally: ResealTally): void {
  // By name: the cipher is another adapter (crypto), which this one does not import.
  if (err instanceof Error && err.name === 'SealedValueError') tally.unreadable.push(id);
  else if (err instanceof ConcurrencyError) tally.busy.push(id);
  else throw err;
}

/**
 * A re-sealer of a collection whose sealed values are top-level strings, each re-sealed with the
 * old value in the filter (compare-and-set on the value itself): right for records whose sealed
 * fields nobody else rewrites (insert-only, or updated only in other fields).
 */
export function topLevelResealer(collection: string, fields: readonly string[]): Resealer {
  return {
    collection,
    async reseal(conn, cipher, tally) {
      const coll = conn.collection<Record<string, unknown>>(collection);
      const projection = Object.fromEntries(fields.map((f) => [f, 1 as const]));
      for await (const rows of batches<Record<string, unknown> & { _id: unknown }>(
        conn,
        collection,
        projection,
      )) {
        for (const row of rows) {
          tally.checked++;
          const stale = fields.filter((f) => typeof row[f] === 'string' && !sealedNow(cipher, row[f]));
          if (stale.length === 0) continue;
          try {
            const $set = Object.fromEntries(
              stale.map((f) => [f, cipher.seal(cipher.open(row[f] as string))]),
            );
            const filter = { _id: row._id, ...Object.fromEntries(stale.map((f) => [f, row[f]])) };
            const res = await coll.updateOne(filter as never, { $set });
            if (res.modifiedCount === 1) tally.resealed++;
            // Gone meanwhile (a superseded conversation version swept) is fine; changed is not.
            else if ((await coll.countDocuments({ _id: row._id } as never)) > 0)
              tally.busy.push(String(row._id));
          } catch (err) {
            noteFailure(err, String(row._id), tally);
          }
        }
      }
    },
  };
}

/** A re-sealer written as one function over its collection (reseal-records.ts). */
function wholeCollection(
  collection: string,
  run: (conn: Connection, cipher: FieldCipher) => Promise<ResealReport & { busy?: string[] }>,
): Resealer {
  return {
    collection,
    async reseal(conn, cipher, tally) {
      const report = await run(conn, cipher);
      tally.checked += report.checked;
      tally.resealed += report.resealed;
      tally.unreadable.push(...report.unreadable);
      tally.busy.push(...(report.busy ?? []));
    },
  };
}

/** Every collection holding sealed values, in the order `keys:rotate` re-seals them. */
export const RESEALERS: readonly Resealer[] = [
  applications,
  topLevelResealer('conversations', ['state', 'outbound']),
  topLevelResealer('outbox', ['reply']),
  // Only the payload: the worker holding a lane writes just the due time and the attempts.
  topLevelResealer('inbound_queue', ['payload']),
  wholeCollection('handoffs', resealHandoffs),
  wholeCollection('events', resealEvents),
  wholeCollection('dead_letters', resealDeadLetters),
  wholeCollection('satisfaction_answers', resealSatisfaction),
  // The file rows' sealed strings and the files' contents (reseal-files.ts).
  wholeCollection('documents.files', (conn, cipher) => resealFiles(conn, cipher)),
];

/**
 * Re-seals every collection of RESEALERS under `cipher`'s current key; `onProgress` hears each
 * collection's tally when it is done. Returns the tallies.
 */
export async function resealAll(
  conn: Connection,
  cipher: FieldCipher,
  onProgress: (tally: ResealTally) => void = () => undefined,
  resealers: readonly Resealer[] = RESEALERS,
): Promise<ResealTally[]> {
  const tallies: ResealTally[] = [];
  for (const r of resealers) {
    const tally: ResealTally = {
      collection: r.collection,
      checked: 0,
      resealed: 0,
      unreadable: [],
      busy: [],
    };
    await r.reseal(conn, cipher, tally);
    tallies.push(tally);
    onProgress(tally);
  }
  return tallies;
}
