import mongoose, { type Connection } from 'mongoose';

/*
 * A stored file's contents are sealed (FieldCipher.sealBytes) whole, then cut into chunks in
 * GridFS's layout (`documents.files` rows, `documents.chunks` of `files_id`, `n`, `data`), so
 * `documents.chunks` holds only ciphertext. Loket writes and reads the chunks itself rather than
 * through the driver's GridFSBucket, because a file's chunks live under a chunk set of their own,
 * which the file row names (`metadata.chunks`):
 *   - A put writes its chunk set first and the file row last; the row's insert is the commit.
 *     Two puts of one idempotency key never mix their chunks (each sealing has its own IV): the
 *     loser deletes its own set.
 *   - `npm run keys:rotate` writes the file's new chunk set, points the row at it in one guarded
 *     write, then deletes the old set. Stopped anywhere, the row names a whole set; a reader that
 *     met the old set mid-way reads the row again.
 * Every chunk also names its file (`file`), so deleting a file finds every set it ever had,
 * even without its row.
 */

/** GridFS bucket name: collections `documents.files` and `documents.chunks`. */
const DOCUMENTS_BUCKET = 'documents';
/** The files collection of the bucket. */
export const FILES = `${DOCUMENTS_BUCKET}.files`;
/** The chunks collection of the bucket. */
export const CHUNKS = `${DOCUMENTS_BUCKET}.chunks`;

/** What we keep in `documents.files.metadata`. */
export interface FileMetadata {
  contentType: string;
  /** The SHA-256 (hex) of the plain bytes, sealed: checked after every open. */
  sha256: string;
  /** The plain length: the row's own `length` is the sealed one. */
  size: number;
  owner: { channel: string; chatId: string };
  applicationId?: string;
  discardedAt?: Date;
  /** The chunk set holding the bytes once re-sealed; until then the file's own id. */
  chunks?: mongoose.mongo.ObjectId;
}

/** A `documents.files` row as Loket writes it. */
export type FileRow = mongoose.mongo.GridFSFile & { metadata?: FileMetadata };

/** One `documents.chunks` row. */
interface ChunkRow {
  files_id: mongoose.mongo.ObjectId;
  n: number;
  data: mongoose.mongo.Binary;
  /** The file a re-sealed chunk belongs to (the driver's own chunks carry only `files_id`). */
  file?: mongoose.mongo.ObjectId;
}

/** A chunk's bytes, exactly its length (a Binary's buffer may be larger than its contents). */
const bytesOf = (data: mongoose.mongo.Binary): Buffer => Buffer.from(data.read(0, data.length()));

function collection<T extends mongoose.mongo.Document>(conn: Connection, name: string) {
  if (!conn.db) throw new Error('database connection is not open');
  return conn.db.collection<T>(name);
}

/** The files collection, typed. */
export const filesOf = (conn: Connection) => collection<FileRow>(conn, FILES);
/** The chunks collection, typed. */
export const chunksOf = (conn: Connection) => collection<ChunkRow>(conn, CHUNKS);

/** The id the file's chunks are stored under now. */
export function chunkSetOf(file: FileRow): mongoose.mongo.ObjectId {
  return file.metadata?.chunks ?? file._id;
}

/**
 * The sealed bytes of `file`, whole; undefined when its chunk set is not all there (re-sealed
 * meanwhile, or damaged): the caller reads the row again.
 */
export async function readSealed(conn: Connection, file: FileRow): Promise<Buffer | undefined> {
  const rows = await chunksOf(conn)
    .find({ files_id: chunkSetOf(file) })
    .sort({ n: 1 })
    .toArray();
  const expected = file.length === 0 ? 0 : Math.ceil(file.length / file.chunkSize);
  if (rows.length !== expected || rows.some((r, i) => r.n !== i)) return undefined;
  const bytes = Buffer.concat(rows.map((r) => bytesOf(r.data)));
  return bytes.length === file.length ? bytes : undefined;
}

/** The first chunk of a file, enough to tell which key sealed it. */
export async function firstChunk(conn: Connection, file: FileRow): Promise<Buffer | undefined> {
  const row = await chunksOf(conn).findOne({ files_id: chunkSetOf(file), n: 0 });
  return row ? bytesOf(row.data) : undefined;
}

/** GridFS's own chunk size: under the 16 MB document limit with room, few chunks per photo. */
export const CHUNK_SIZE = 255 * 1024;

/**
 * Writes `sealed` as a new chunk set of the file `fileId`, cut in chunks of `chunkSize`; returns
 * the set's id for the file row to name.
 */
export async function writeChunkSet(
  conn: Connection,
  fileId: mongoose.mongo.ObjectId,
  sealed: Buffer,
  chunkSize: number = CHUNK_SIZE,
): Promise<mongoose.mongo.ObjectId> {
  const set = new mongoose.mongo.ObjectId();
  const rows: ChunkRow[] = [];
  for (let n = 0; n * chunkSize < sealed.length; n++) {
    const part = sealed.subarray(n * chunkSize, (n + 1) * chunkSize);
    rows.push({ files_id: set, n, data: new mongoose.mongo.Binary(part), file: fileId });
  }
  if (rows.length > 0) await chunksOf(conn).insertMany(rows);
  return set;
}

/** Deletes every chunk of the file `id` ever had (its own and every re-sealed set). */
export async function deleteAllChunks(conn: Connection, id: mongoose.mongo.ObjectId): Promise<void> {
  await chunksOf(conn).deleteMany({ files_id: id });
  await chunksOf(conn).deleteMany({ file: id });
}

/**
 * Deletes the chunks of `file` no longer in use: left by a re-sealing that stopped between
 * writing the new set and deleting the old one. Only the chunk set the row names stays.
 */
export async function deleteStaleChunks(conn: Connection, file: FileRow): Promise<void> {
  const set = chunkSetOf(file);
  if (!set.equals(file._id)) await chunksOf(conn).deleteMany({ files_id: file._id });
  await chunksOf(conn).deleteMany({ file: file._id, files_id: { $ne: set } });
}

/** Chunks naming a file with no row are a put still writing when younger than this; older, dead. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** Files looked up per query when sweeping orphan chunks. */
const SWEEP_BATCH = 100;

/**
 * Deletes chunks whose file has no row, once their set is old enough not to be a put still
 * writing (a set's id is made when its writing starts): a put that died before its row, or a
 * file deleted while a rotation re-sealed it. Run by `keys:rotate` and by the orphan-upload
 * sweep; answers how many chunk sets went.
 */
export async function sweepOrphanChunks(conn: Connection, now: Date): Promise<number> {
  let swept = 0;
  const named = (await chunksOf(conn).distinct('file')) as mongoose.mongo.ObjectId[];
  for (let i = 0; i < named.length; i += SWEEP_BATCH) {
    const ids = named.slice(i, i + SWEEP_BATCH).filter((v) => v instanceof mongoose.mongo.ObjectId);
    const rows = await filesOf(conn)
      .find({ _id: { $in: ids } }, { projection: { _id: 1 } })
      .toArray();
    const kept = new Set(rows.map((r) => r._id.toHexString()));
    for (const id of ids) {
      if (kept.has(id.toHexString())) continue;
      const sets = await chunksOf(conn).distinct('files_id', { file: id });
      const dead = sets.filter((s) => now.getTime() - s.getTimestamp().getTime() > ORPHAN_AGE_MS);
      if (dead.length === 0) continue;
      await chunksOf(conn).deleteMany({ file: id, files_id: { $in: dead } });
      swept += dead.length;
    }
  }
  return swept;
}
