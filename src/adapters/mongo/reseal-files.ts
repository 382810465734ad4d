import type mongoose from 'mongoose';
import type { Connection } from 'mongoose';
import type { FieldCipher } from '../../ports/field-cipher.js';
import {
  chunkSetOf,
  chunksOf,
  deleteStaleChunks,
  filesOf,
  firstChunk,
  readSealed,
  sweepOrphanChunks,
  writeChunkSet,
  type FileRow,
} from './sealed-chunks.js';
import type { ResealReport } from './sealed-fields.js';

/*
 * `npm run keys:rotate` for stored files: the sealed file name, owner chat id and SHA-256 in the
 * row, and the contents in the chunks. Contents are never rewritten in place (a file half under
 * one key and half under another would open under neither): the file's bytes are opened, sealed
 * again into a new chunk set, and the row is pointed at that set in one write guarded by the
 * values it replaces (the old set, the old sealed strings); the old set is deleted after. Stopped
 * anywhere, the row names a whole set under a key of the ring and the next run deletes what was
 * left over; a reader that met the old set mid-way reads the row again (sealed-chunks.ts). Run
 * one rotation at a time.
 */

/** File rows re-sealed per query. */
const BATCH = 100;

/** What re-sealing the files found: `busy` are files changed meanwhile (a second run takes them). */
export type FileResealReport = ResealReport & { busy: string[] };

/** True when `err` is the cipher's "does not open" (by name: the crypto adapter is not imported here). */
const unopenable = (err: unknown): boolean => err instanceof Error && err.name === 'SealedValueError';

/** The row's sealed strings, by the path a `$set` writes them at. */
function sealedStrings(row: FileRow): Array<[string, string]> {
  const m = row.metadata;
  if (!m) return [];
  const strings: Array<[string, unknown]> = [
    ['filename', row.filename],
    ['metadata.owner.chatId', m.owner?.chatId],
    ['metadata.sha256', m.sha256],
  ];
  return strings.filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** What re-sealing one file did. */
type Outcome = 'current' | 'resealed' | 'busy' | 'unreadable';

/** Re-seals one file if anything of it is not under the current key. */
async function resealFile(conn: Connection, cipher: FieldCipher, row: FileRow): Promise<Outcome> {
  await deleteStaleChunks(conn, row);
  const strings = sealedStrings(row).filter(([, v]) => !cipher.isCurrent(v));
  const first = await firstChunk(conn, row);
  if (first === undefined && row.length > 0) return missingChunks(conn, row);
  const bytesStale = first !== undefined && !cipher.isCurrentBytes(first);
  if (strings.length === 0 && !bytesStale) return 'current';
  const $set: Record<string, unknown> = Object.fromEntries(
    strings.map(([path, v]) => [path, cipher.seal(cipher.open(v))]),
  );
  const filter: Record<string, unknown> = { _id: row._id, ...Object.fromEntries(strings) };
  let fresh: mongoose.mongo.ObjectId | undefined;
  if (bytesStale) {
    const sealed = await readSealed(conn, row);
    // Chunks missing: moved by another writer (busy), or lost (no key opens what is not there).
    if (!sealed) return missingChunks(conn, row);
    const again = cipher.sealBytes(cipher.openBytes(sealed));
    fresh = await writeChunkSet(conn, row._id, again, row.chunkSize);
    Object.assign($set, { 'metadata.chunks': fresh, length: again.length });
    filter['metadata.chunks'] = row.metadata?.chunks ?? { $exists: false };
  }
  const res = await filesOf(conn).updateOne(filter, { $set });
  if (res.modifiedCount === 1) {
    if (fresh) await chunksOf(conn).deleteMany({ files_id: chunkSetOf(row) });
    return 'resealed';
  }
  if (fresh) await chunksOf(conn).deleteMany({ files_id: fresh });
  // Gone meanwhile (the citizen's file deleted) is fine; changed is not.
  return (await filesOf(conn).countDocuments({ _id: row._id })) > 0 ? 'busy' : 'current';
}

/** A file whose chunk set is not all there: deleted or moved meanwhile, or lost for good. */
async function missingChunks(conn: Connection, row: FileRow): Promise<Outcome> {
  const now = await filesOf(conn).findOne({ _id: row._id });
  if (!now) return 'current';
  return chunkSetOf(now).equals(chunkSetOf(row)) ? 'unreadable' : 'busy';
}

/**
 * Re-seals every stored file not wholly under the current key, by `_id` in batches, then sweeps
 * chunks no file names. A file no key of the ring opens is reported by id and left as it is.
 */
export async function resealFiles(
  conn: Connection,
  cipher: FieldCipher,
  now: Date = new Date(),
): Promise<FileResealReport> {
  const report: FileResealReport = { checked: 0, resealed: 0, unreadable: [], busy: [] };
  let after: mongoose.mongo.ObjectId | undefined;
  for (;;) {
    const rows = await filesOf(conn)
      .find(after ? { _id: { $gt: after } } : {})
      .sort({ _id: 1 })
      .limit(BATCH)
      .toArray();
    if (rows.length === 0) break;
    for (const row of rows) {
      report.checked++;
      try {
        const outcome = await resealFile(conn, cipher, row);
        if (outcome === 'resealed') report.resealed++;
        else if (outcome === 'busy') report.busy.push(row._id.toHexString());
        else if (outcome === 'unreadable') report.unreadable.push(row._id.toHexString());
      } catch (err) {
        if (!unopenable(err)) throw err;
        report.unreadable.push(row._id.toHexString());
      }
    }
    after = rows.at(-1)!._id;
  }
  await sweepOrphanChunks(conn, now);
  return report;
}
