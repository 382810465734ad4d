import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { fileProblem } from '../../app/file-check.js';
import mongoose, { type Connection } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { UploadedFile } from '../../dialogue/types.js';
import type {
  DocumentStore,
  PutDocument,
  PutResult,
  StoredDocumentMeta,
} from '../../ports/document-store.js';
import { isDuplicateKeyError, toObjectId } from './mongo-utils.js';

/** GridFS bucket name: collections `documents.files` and `documents.chunks`. */
export const DOCUMENTS_BUCKET = 'documents';

/** Shown when file-type cannot tell (plain text, unknown formats): never in an allow-list of ours. */
const UNKNOWN_TYPE = 'application/octet-stream';

/** What we keep in `documents.files.metadata`. */
interface FileMetadata {
  contentType: string;
  sha256: string;
  owner: { channel: string; chatId: string };
  applicationId?: string;
  discardedAt?: Date;
}

/**
 * A name safe to store and show: no path (a citizen's app may send `C:\...\ktp.jpg`), no
 * control characters (FerretDB refuses NUL), and not endless.
 */
function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'dokumen').slice(0, 200);
}

function metaOf(file: mongoose.mongo.GridFSFile, cipher: FieldCipher): StoredDocumentMeta | undefined {
  const m = file.metadata as FileMetadata | undefined;
  if (!m) return undefined;
  const meta: StoredDocumentMeta = {
    documentId: file._id.toHexString(),
    filename: cipher.open(file.filename),
    contentType: m.contentType,
    size: file.length,
    sha256: m.sha256,
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
function uploadedOf(file: mongoose.mongo.GridFSFile, cipher: FieldCipher): UploadedFile | undefined {
  const meta = metaOf(file, cipher);
  if (!meta) return undefined;
  const { documentId, filename, contentType, size, sha256 } = meta;
  return { documentId, filename, contentType, size, sha256 };
}

/** Citizen uploads in GridFS, checked by their bytes. */
export class GridFsDocumentStore implements DocumentStore {
  /** One bucket per database handle: a new bucket checks the indexes again (a round trip per upload). */
  private opened: { db: mongoose.mongo.Db; bucket: mongoose.mongo.GridFSBucket } | undefined;

  /**
   * `cipher` seals the file name (citizens name files after themselves: "ktp-<NIK>.pdf") and the
   * owner's chat id (on WhatsApp a phone number). The bytes are not sealed: decision 0010.
   */
  constructor(
    private readonly conn: Connection,
    private readonly cipher: FieldCipher,
  ) {}

  private bucket(): mongoose.mongo.GridFSBucket {
    const { db } = this.conn;
    if (!db) throw new Error('database connection is not open');
    if (this.opened?.db !== db)
      this.opened = { db, bucket: new mongoose.mongo.GridFSBucket(db, { bucketName: DOCUMENTS_BUCKET }) };
    return this.opened.bucket;
  }

  private files(): mongoose.mongo.Collection<mongoose.mongo.GridFSFile> {
    if (!this.conn.db) throw new Error('database connection is not open');
    return this.conn.db.collection<mongoose.mongo.GridFSFile>(`${DOCUMENTS_BUCKET}.files`);
  }

  private chunks(): mongoose.mongo.Collection {
    if (!this.conn.db) throw new Error('database connection is not open');
    return this.conn.db.collection(`${DOCUMENTS_BUCKET}.chunks`);
  }

  /** Builds the GridFS indexes up front (the driver would on the first upload, racing concurrent ones). */
  async ensureIndexes(): Promise<void> {
    if (!this.conn.db) throw new Error('database connection is not open');
    await this.files().createIndex({ filename: 1, uploadDate: 1 });
    // The discard sweep's look-up, every half minute.
    await this.files().createIndex({ 'metadata.discardedAt': 1 });
    await this.conn.db
      .collection(`${DOCUMENTS_BUCKET}.chunks`)
      .createIndex({ files_id: 1, n: 1 }, { unique: true });
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
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const metadata: FileMetadata = {
      contentType: detected,
      sha256,
      owner: { channel: input.owner.channel, chatId: this.cipher.seal(input.owner.chatId) },
    };
    const upload = () =>
      pipeline(
        Readable.from([bytes]),
        this.bucket().openUploadStreamWithId(id, this.cipher.seal(filename), { metadata }),
      );
    for (let attempt = 0; ; attempt++) {
      try {
        await upload();
        break;
      } catch (err) {
        if (input.key === undefined || !isDuplicateKeyError(err)) throw err;
        // Another put of the same message finished first: its file is the answer.
        const stored = await this.storedFile(id);
        if (stored) return { ok: true, file: stored };
        if (attempt > 0) throw err;
        // Chunks of a put that died before writing its file row (or of one still running, of
        // the same bytes): replace them.
        await this.chunks().deleteMany({ files_id: id });
      }
    }
    return {
      ok: true,
      file: { documentId: id.toHexString(), filename, contentType: detected, size: bytes.length, sha256 },
    };
  }

  private async storedFile(id: mongoose.mongo.ObjectId): Promise<UploadedFile | undefined> {
    const file = await this.files().findOne({ _id: id });
    return file ? uploadedOf(file, this.cipher) : undefined;
  }

  async get(id: string): Promise<{ meta: StoredDocumentMeta; bytes: Buffer } | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const file = await this.files().findOne({ _id: oid });
    const meta = file ? metaOf(file, this.cipher) : undefined;
    if (!meta) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket().openDownloadStream(oid)) chunks.push(chunk as Buffer);
    return { meta, bytes: Buffer.concat(chunks) };
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
    await this.chunks().deleteMany({ files_id: oid });
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
}
