import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { fileProblem } from '../../app/file-check.js';
import mongoose, { type Connection } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { UploadedFile } from '../../dialogue/types.js';
import {
  DocumentIntegrityError,
  type DocumentStore,
  type PutDocument,
  type PutResult,
  type StoredDocumentMeta,
} from '../../ports/document-store.js';
import { isDuplicateKeyError, toObjectId } from './mongo-utils.js';
import {
  CHUNK_SIZE,
  CHUNKS,
  chunksOf,
  deleteAllChunks,
  filesOf,
  readSealed,
  sweepOrphanChunks,
  writeChunkSet,
  type FileMetadata,
  type FileRow,
} from './sealed-chunks.js';

/** Shown when file-type cannot tell (plain text, unknown formats): never in an allow-list of ours. */
const UNKNOWN_TYPE = 'application/octet-stream';

/** Reading a file again after its chunk set moved under it (a re-sealing): at most this often. */
const READ_ATTEMPTS = 3;

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A name safe to store and show: no path (a citizen's app may send `C:\...\ktp.jpg`), no
 * control characters (FerretDB refuses NUL), and not endless.
 */
function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'dokumen').slice(0, 200);
}

function metaOf(file: FileRow, cipher: FieldCipher): StoredDocumentMeta | undefined {
  const m = file.metadata;
  if (!m) return undefined;
  const meta: StoredDocumentMeta = {
    documentId: file._id.toHexString(),
    filename: cipher.open(file.filename),
    contentType: m.contentType,
    size: m.size,
    sha256: cipher.open(m.sha256),
    owner: { channel: m.owner.channel as Channel, chatId: cipher.open(m.owner.chatId) },
    uploadedAt: file.uploadDate,
  };
  if (m.applicationId !== undefined) meta.applicationId = m.applicationId;
  if (m.discardedAt !== undefined) meta.discardedAt = m.discardedAt;
  return meta;
}

/**
 * The file id for an idempotency key: the first 12 bytes of its SHA-256. The id is the files
 * collection's primary key, so the key is unique without an index of its own (FerretDB has no
 * sparse unique indexes, and assisted-intake uploads carry no key).
 */
function idForKey(key: string): mongoose.mongo.ObjectId {
  return new mongoose.mongo.ObjectId(createHash('sha256').update(`upload:${key}`).digest().subarray(0, 12));
}

/** What `put` answers for a file already stored. */
function uploadedOf(file: FileRow, cipher: FieldCipher): UploadedFile | undefined {
  const meta = metaOf(file, cipher);
  if (!meta) return undefined;
  const { documentId, filename, contentType, size, sha256 } = meta;
  return { documentId, filename, contentType, size, sha256 };
}

/** Citizen uploads in GridFS, checked by their bytes. */
export class GridFsDocumentStore implements DocumentStore {
  /**
   * `cipher` seals the contents (a KTP photo is the most sensitive thing Loket holds), the file
   * name (citizens name files after themselves: "ktp-<NIK>.pdf"), the owner's chat id (on
   * WhatsApp a phone number) and the contents' SHA-256: decision 0010.
   */
  constructor(
    private readonly conn: Connection,
    private readonly cipher: FieldCipher,
  ) {}

  private files(): mongoose.mongo.Collection<FileRow> {
    return filesOf(this.conn);
  }

  private chunks() {
    return chunksOf(this.conn);
  }

  /** Builds the indexes of the files and chunks up front. */
  async ensureIndexes(): Promise<void> {
    if (!this.conn.db) throw new Error('database connection is not open');
    await this.files().createIndex({ filename: 1, uploadDate: 1 });
    // The discard sweep's look-up, every half minute.
    await this.files().createIndex({ 'metadata.discardedAt': 1 });
    await this.conn.db.collection(CHUNKS).createIndex({ files_id: 1, n: 1 }, { unique: true });
    // Deleting a file finds its re-sealed chunk sets by the file they name.
    await this.conn.db.collection(CHUNKS).createIndex({ file: 1 });
  }

  async put(input: PutDocument): Promise<PutResult> {
    const { bytes } = input;
    if (bytes.length === 0) return { ok: false, reason: 'empty' };
    if (bytes.length > input.maxBytes) return { ok: false, reason: 'too_big' };
    // The type comes from the bytes, never from the name: a renamed .exe stays an .exe.
    const detected = (await fileTypeFromBuffer(bytes))?.mime ?? UNKNOWN_TYPE;
    if (!input.allowedTypes.includes(detected))
      return { ok: false, reason: 'type_not_allowed', detectedType: detected };
    const problem = fileProblem(bytes, detected);
    if (problem) return { ok: false, reason: problem, detectedType: detected };

    const id = input.key === undefined ? new mongoose.mongo.ObjectId() : idForKey(input.key);
    if (input.key !== undefined) {
      const stored = await this.storedFile(id);
      if (stored) return { ok: true, file: stored };
    }
    const filename = cleanFilename(input.filename);
    const sha256 = sha256Of(bytes);
    const metadata: Omit<FileMetadata, 'chunks'> = {
      contentType: detected,
      sha256: this.cipher.seal(sha256),
      size: bytes.length,
      owner: { channel: input.owner.channel, chatId: this.cipher.seal(input.owner.chatId) },
    };
    // Whole files are in memory already (uploads are capped), so they are sealed in one piece.
    const stored = await this.store(id, filename, metadata, this.cipher.sealBytes(bytes));
    if (stored) return { ok: true, file: stored };
    return {
      ok: true,
      file: { documentId: id.toHexString(), filename, contentType: detected, size: bytes.length, sha256 },
    };
  }

  /**
   * Writes the chunk set, then the file row naming it. Answers the file another put of the same
   * key stored first (its row won the insert); undefined when this one is stored.
   */
  private async store(
    id: mongoose.mongo.ObjectId,
    filename: string,
    metadata: Omit<FileMetadata, 'chunks'>,
    sealed: Buffer,
  ): Promise<UploadedFile | undefined> {
    const chunks = await writeChunkSet(this.conn, id, sealed);
    const row: FileRow = {
      _id: id,
      length: sealed.length,
      chunkSize: CHUNK_SIZE,
      uploadDate: new Date(),
      filename: this.cipher.seal(filename),
      metadata: { ...metadata, chunks },
    };
    try {
      await this.files().insertOne(row);
    } catch (err) {
      await this.chunks().deleteMany({ files_id: chunks });
      if (!isDuplicateKeyError(err)) throw err;
      // Another put of the same message finished first: its file is the answer.
      const stored = await this.storedFile(id);
      if (stored) return stored;
      throw err;
    }
    // Chunks of an earlier put of this key that died before its row stay until the file is
    // deleted or a rotation re-seals it: deleting them here could race that re-sealing.
    return undefined;
  }

  private async storedFile(id: mongoose.mongo.ObjectId): Promise<UploadedFile | undefined> {
    const file = await this.files().findOne({ _id: id });
    return file ? uploadedOf(file, this.cipher) : undefined;
  }

  async get(id: string): Promise<{ meta: StoredDocumentMeta; bytes: Buffer } | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const file = await this.files().findOne({ _id: oid });
      const meta = file ? metaOf(file, this.cipher) : undefined;
      if (!file || !meta) return undefined;
      const sealed = await readSealed(this.conn, file);
      if (sealed) return { meta, bytes: this.plainOf(id, sealed, meta.sha256) };
    }
    throw new DocumentIntegrityError(id, 'chunks missing');
  }

  /**
   * The plain bytes, or an error: a file that fails its tag or its digest (tampered, swapped
   * with another file's chunks, under a key no longer in the ring) is never served.
   */
  private plainOf(id: string, sealed: Buffer, sha256: string): Buffer {
    let plain: Buffer;
    try {
      plain = this.cipher.openBytes(sealed);
    } catch (err) {
      throw new DocumentIntegrityError(id, err instanceof Error ? err.message : String(err));
    }
    if (sha256Of(plain) !== sha256) throw new DocumentIntegrityError(id, 'digest differs');
    return plain;
  }

  async attach(id: string, applicationId: string): Promise<void> {
    const oid = toObjectId(id);
    if (!oid) return;
    await this.files().updateOne({ _id: oid }, { $set: { 'metadata.applicationId': applicationId } });
  }

  async delete(id: string): Promise<void> {
    const oid = toObjectId(id);
    if (!oid) return;
    // Delete chunks and file row directly: bucket.delete throws when the file is already gone.
    // Chunks first, every set the file had: a repeated delete still finds them without the row.
    await deleteAllChunks(this.conn, oid);
    await this.files().deleteOne({ _id: oid });
  }

  async discard(id: string, at: Date): Promise<void> {
    const oid = toObjectId(id);
    if (!oid) return;
    await this.files().updateOne({ _id: oid }, { $set: { 'metadata.discardedAt': at } });
  }

  async listDiscardedBefore(date: Date, limit: number): Promise<StoredDocumentMeta[]> {
    const rows = await this.files()
      .find({ 'metadata.discardedAt': { $lt: date }, 'metadata.applicationId': { $exists: false } })
      .sort({ 'metadata.discardedAt': 1 })
      .limit(Math.max(1, Math.trunc(limit)))
      .toArray();
    return rows.map((r) => metaOf(r, this.cipher)).filter((m): m is StoredDocumentMeta => m !== undefined);
  }

  async listOrphansBefore(date: Date): Promise<StoredDocumentMeta[]> {
    const rows = await this.files()
      .find({ uploadDate: { $lt: date }, 'metadata.applicationId': { $exists: false } })
      .sort({ uploadDate: 1 })
      .toArray();
    return rows.map((r) => metaOf(r, this.cipher)).filter((m): m is StoredDocumentMeta => m !== undefined);
  }

  sweepDeadContents(now: Date): Promise<number> {
    return sweepOrphanChunks(this.conn, now);
  }
}
