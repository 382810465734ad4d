import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import mongoose, { Types } from 'mongoose';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { DocumentIntegrityError } from '../../../src/ports/document-store.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('documents');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A minimal PDF (catalog, empty page tree, trailer). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
/** The start of a Windows executable: the DOS "MZ" header. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)]);

const owner = { channel: 'whatsapp' as const, chatId: '6281200000009' };
const images = ['image/jpeg', 'image/png', 'application/pdf'];
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('GridFsDocumentStore', () => {
  describe('.put', () => {
    it('should store a PNG with the type from its bytes and its SHA-256, and read it back', async () => {
      const res = await repos.documents.put({
        bytes: PNG,
        filename: 'ktp.jpg',
        owner,
        maxBytes: 1024,
        allowedTypes: images,
      });
      if (!res.ok) throw new Error(`refused: ${res.reason}`);
      expect(res.file).toMatchObject({
        filename: 'ktp.jpg',
        contentType: 'image/png',
        size: PNG.length,
        sha256: sha(PNG),
      });
      const got = await repos.documents.get(res.file.documentId);
      expect(got?.bytes.equals(PNG)).toBe(true);
      expect(got?.meta).toMatchObject({ ...res.file, owner });
      expect(got?.meta.uploadedAt).toBeInstanceOf(Date);
    });

    it('should round-trip a file larger than one GridFS chunk byte for byte', async () => {
      // A PDF comment line of 600 kB, so the file still ends with %%EOF as a whole PDF does.
      const big = Buffer.concat([
        PDF.subarray(0, 9),
        Buffer.from('%'),
        Buffer.alloc(600_000, 0x41),
        Buffer.from('\n'),
        PDF.subarray(9),
      ]);
      const res = await repos.documents.put({
        bytes: big,
        filename: 'gambar.pdf',
        owner,
        maxBytes: 1_000_000,
        allowedTypes: images,
      });
      if (!res.ok) throw new Error(`refused: ${res.reason}`);
      expect(res.file.contentType).toBe('application/pdf');
      const got = await repos.documents.get(res.file.documentId);
      expect(got && sha(got.bytes)).toBe(sha(big));
      expect(got?.meta.sha256).toBe(sha(big));
    });

    it('should refuse an .exe renamed .jpg, saying what it is', async () => {
      const res = await repos.documents.put({
        bytes: EXE,
        filename: 'foto_ktp.jpg',
        owner,
        maxBytes: 1024,
        allowedTypes: images,
      });
      expect(res).toEqual({
        ok: false,
        reason: 'type_not_allowed',
        detectedType: 'application/x-msdownload',
      });
    });

    it('should refuse bytes of no known type even with a good name', async () => {
      const res = await repos.documents.put({
        bytes: Buffer.from('bukan gambar'),
        filename: 'a.png',
        owner,
        maxBytes: 1024,
        allowedTypes: images,
      });
      expect(res).toEqual({
        ok: false,
        reason: 'type_not_allowed',
        detectedType: 'application/octet-stream',
      });
    });

    it('should refuse an oversized file and an empty one', async () => {
      expect(
        await repos.documents.put({
          bytes: PDF,
          filename: 'a.pdf',
          owner,
          maxBytes: PDF.length - 1,
          allowedTypes: images,
        }),
      ).toEqual({
        ok: false,
        reason: 'too_big',
      });
      expect(
        await repos.documents.put({
          bytes: Buffer.alloc(0),
          filename: 'a.pdf',
          owner,
          maxBytes: 1024,
          allowedTypes: images,
        }),
      ).toEqual({
        ok: false,
        reason: 'empty',
      });
    });

    it('should store a PDF only where PDFs are allowed', async () => {
      const photosOnly = await repos.documents.put({
        bytes: PDF,
        filename: 'a.pdf',
        owner,
        maxBytes: 1024,
        allowedTypes: ['image/jpeg'],
      });
      expect(photosOnly).toEqual({ ok: false, reason: 'type_not_allowed', detectedType: 'application/pdf' });
    });

    it('should keep only the base name, without control characters', async () => {
      const res = await repos.documents.put({
        bytes: PNG,
        filename: 'C:\\Users\\siti\\ktp\u0000.png',
        owner,
        maxBytes: 1024,
        allowedTypes: images,
      });
      expect(res.ok && res.file.filename).toBe('ktp.png');
    });
  });

  describe('.put with an idempotency key', () => {
    const keyed = (key: string, bytes = PNG) =>
      repos.documents.put({
        bytes,
        filename: 'ktp.png',
        owner,
        maxBytes: 1_000_000,
        allowedTypes: images,
        key,
      });
    const filesOf = (id: string) =>
      db
        .conn()
        .collection('documents.files')
        .countDocuments({ _id: new Types.ObjectId(id) });
    // Every chunk names its file (the chunk set it belongs to is named by the file row).
    const chunksOf = (id: string) =>
      db
        .conn()
        .collection('documents.chunks')
        .countDocuments({ file: new Types.ObjectId(id) });

    it('should store the file once and answer the same file to a second put with the same key', async () => {
      const first = await keyed('telegram:9001');
      const second = await keyed('telegram:9001');
      if (!first.ok || !second.ok) throw new Error('refused');
      expect(second.file).toEqual(first.file);
      expect(await filesOf(first.file.documentId)).toBe(1);
      expect(await chunksOf(first.file.documentId)).toBe(1);

      const other = await keyed('whatsapp:9001');
      expect(other.ok && other.file.documentId).not.toBe(first.file.documentId);
    });

    it('should store the file once when two puts of the same key race', async () => {
      const [a, b] = await Promise.all([keyed('telegram:9002'), keyed('telegram:9002')]);
      if (!a.ok || !b.ok) throw new Error('refused');
      expect(b.file.documentId).toBe(a.file.documentId);
      expect(await filesOf(a.file.documentId)).toBe(1);
      expect((await repos.documents.get(a.file.documentId))?.bytes.equals(PNG)).toBe(true);
    });

    it('should store again after a put that died before writing its file row, its chunks going with the file', async () => {
      // Over one 255 kB chunk, so the dead put left several chunks behind.
      const big = Buffer.concat([
        PDF.subarray(0, 9),
        Buffer.from('%'),
        Buffer.alloc(300_000, 0x42),
        Buffer.from('\n'),
        PDF.subarray(9),
      ]);
      const first = await keyed('telegram:9003', big);
      if (!first.ok) throw new Error('refused');
      await db
        .conn()
        .collection('documents.files')
        .deleteOne({ _id: new Types.ObjectId(first.file.documentId) });
      expect(await chunksOf(first.file.documentId)).toBe(2);

      const again = await keyed('telegram:9003', big);
      if (!again.ok) throw new Error('refused');
      expect(again.file).toEqual(first.file);
      expect(await filesOf(again.file.documentId)).toBe(1);
      // The dead put's chunks are not named by the row; they go when the file goes (or a key
      // rotation finds them), never mixed into the stored file.
      expect(await chunksOf(again.file.documentId)).toBe(4);
      const got = await repos.documents.get(again.file.documentId);
      expect(got && sha(got.bytes)).toBe(sha(big));
      await repos.documents.delete(again.file.documentId);
      expect(await chunksOf(again.file.documentId)).toBe(0);
    });
  });

  describe('sealed at rest', () => {
    const NIK = '3171014708900003';
    /** A PDF over one chunk whose text names the NIK, as a scanned letter's text layer does. */
    const letter = Buffer.concat([
      PDF.subarray(0, 9),
      Buffer.from(`% Surat pengantar NIK ${NIK}\n%`),
      Buffer.alloc(300_000, 0x43),
      Buffer.from('\n'),
      PDF.subarray(9),
    ]);
    const put = async (bytes: Buffer) => {
      const r = await repos.documents.put({
        bytes,
        filename: 'surat.pdf',
        owner,
        maxBytes: 1_000_000,
        allowedTypes: images,
      });
      if (!r.ok) throw new Error(`refused: ${r.reason}`);
      return r.file.documentId;
    };
    const bytesOf = (data: unknown) => {
      const b = data as mongoose.mongo.Binary;
      return Buffer.from(b.read(0, b.length()));
    };
    const rawChunks = (id: string) =>
      db
        .conn()
        .collection('documents.chunks')
        .find({ file: new Types.ObjectId(id) })
        .sort({ n: 1 })
        .toArray();
    const rawFile = (id: string) =>
      db
        .conn()
        .collection('documents.files')
        .findOne({ _id: new Types.ObjectId(id) });

    it('should keep the contents and their SHA-256 out of the raw rows, and give back the exact bytes and plain size', async () => {
      const id = await put(letter);
      const chunks = await rawChunks(id);
      expect(chunks.length).toBe(2);
      const raw = Buffer.concat(chunks.map((c) => bytesOf(c.data)));
      expect(raw.includes(NIK)).toBe(false);
      expect(raw.includes('%PDF')).toBe(false);
      const row = await rawFile(id);
      expect(JSON.stringify(row)).not.toContain(sha(letter));
      expect(row?.metadata.size).toBe(letter.length);
      expect(row?.length).toBeGreaterThan(letter.length);
      const got = await repos.documents.get(id);
      expect(got?.bytes.equals(letter)).toBe(true);
      expect(got?.meta).toMatchObject({ size: letter.length, sha256: sha(letter), filename: 'surat.pdf' });
    });

    it('should refuse a tampered chunk, and chunks of another file, rather than serve them', async () => {
      const id = await put(letter);
      const [first] = await rawChunks(id);
      const data = bytesOf(first!.data);
      data[data.length - 1] = data[data.length - 1]! ^ 1;
      await db
        .conn()
        .collection('documents.chunks')
        .updateOne({ _id: first!._id }, { $set: { data: new mongoose.mongo.Binary(data) } });
      await expect(repos.documents.get(id)).rejects.toThrow(DocumentIntegrityError);
      await expect(repos.documents.get(id)).rejects.toThrow(/tidak dapat dibuka.*authentication failed/);

      // The chunks of another file (sealed under the same key) pointed at: the digest differs.
      const a = await put(PDF);
      const b = await put(letter);
      const chunksOfB = (await rawFile(b))?.metadata.chunks;
      await db
        .conn()
        .collection('documents.files')
        .updateOne(
          { _id: new Types.ObjectId(a) },
          { $set: { 'metadata.chunks': chunksOfB, length: (await rawFile(b))?.length } },
        );
      await expect(repos.documents.get(a)).rejects.toThrow(/digest differs/);

      // A chunk gone: the file is refused too.
      await db
        .conn()
        .collection('documents.chunks')
        .deleteOne({ file: new Types.ObjectId(b), n: 1 });
      await expect(repos.documents.get(b)).rejects.toThrow(/chunks missing/);
    });
  });

  describe('.delete and .listOrphansBefore', () => {
    it('should list pending uploads, skip attached ones, and forget deleted ones', async () => {
      const put = async () => {
        const r = await repos.documents.put({
          bytes: PNG,
          filename: 'x.png',
          owner,
          maxBytes: 1024,
          allowedTypes: images,
        });
        if (!r.ok) throw new Error('refused');
        return r.file.documentId;
      };
      const pending = await put();
      const attached = await put();
      await repos.documents.attach(attached, 'app-1');
      const orphans = (await repos.documents.listOrphansBefore(new Date(Date.now() + 60_000))).map(
        (m) => m.documentId,
      );
      expect(orphans).toContain(pending);
      expect(orphans).not.toContain(attached);
      expect((await repos.documents.get(attached))?.meta.applicationId).toBe('app-1');
      expect(await repos.documents.listOrphansBefore(new Date('2000-01-01'))).toEqual([]);

      await repos.documents.delete(pending);
      expect(await repos.documents.get(pending)).toBeUndefined();
      await expect(repos.documents.delete(pending)).resolves.toBeUndefined();
      expect(await repos.documents.get('nope')).toBeUndefined();
    });
  });
});
