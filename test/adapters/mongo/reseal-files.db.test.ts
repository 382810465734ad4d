import { describe, expect, it } from '@jest/globals';
import mongoose, { Types } from 'mongoose';
import { createAesGcmCipher, keyIdOf } from '../../../src/adapters/crypto/aes-gcm-cipher.js';
import { createMongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { resealAll, RESEALERS } from '../../../src/adapters/mongo/reseal.js';
import { useTestDatabase } from '../../support/db.js';

/**
 * `npm run keys:rotate` for stored files: contents sealed under key A are re-sealed under key B
 * into a new chunk set while the files are read, leftovers of a run that stopped are cleaned,
 * and afterwards a ring holding B alone opens every file byte for byte.
 */
const db = useTestDatabase('reseal_files');
const [A, B, C] = [31, 32, 33].map((n) => Buffer.alloc(32, n)) as [Buffer, Buffer, Buffer];
const storeUnder = (key: Buffer, older: Buffer[] = []) =>
  createMongoRepositories(db.conn(), createAesGcmCipher(key, older)).documents;
const filesOnly = RESEALERS.filter((r) => r.collection === 'documents.files');
const NIK = '3171014708900003';
const PDF_HEAD = '%PDF-1.4\n';
const PDF_TAIL =
  '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
/** A PDF naming the NIK, padded over `size` bytes so it takes several chunks. */
const letter = (size: number, fill: number) =>
  Buffer.concat([
    Buffer.from(`${PDF_HEAD}% NIK ${NIK}\n%`),
    Buffer.alloc(size, fill),
    Buffer.from(`\n${PDF_TAIL}`),
  ]);
const owner = { channel: 'telegram' as const, chatId: '5301' };

async function put(store: ReturnType<typeof storeUnder>, bytes: Buffer): Promise<string> {
  const r = await store.put({
    bytes,
    filename: `ktp-${NIK}.pdf`,
    owner,
    maxBytes: 2_000_000,
    allowedTypes: ['application/pdf'],
  });
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.file.documentId;
}

const chunks = () => db.conn().collection('documents.chunks');
const bytesOf = (data: unknown) => {
  const b = data as mongoose.mongo.Binary;
  return Buffer.from(b.read(0, b.length()));
};
/** Every raw chunk's bytes and every raw file row's text. */
async function raw(): Promise<{ chunks: Buffer; rows: string }> {
  const all = await chunks().find({}).toArray();
  const rows = await db.conn().collection('documents.files').find({}).toArray();
  return { chunks: Buffer.concat(all.map((c) => bytesOf(c.data))), rows: JSON.stringify(rows) };
}

describe('keys:rotate for stored files', () => {
  it('should re-seal contents and row under the new key while the files are read, then open them with that key alone', async () => {
    const files = [letter(600_000, 0x41), letter(10, 0x42), letter(300_000, 0x43)];
    const ids: string[] = [];
    for (const f of files) ids.push(await put(storeUnder(A), f));
    const before = await raw();
    expect(before.chunks.includes(`encb1.${keyIdOf(A)}.`)).toBe(true);
    expect(before.chunks.includes(NIK)).toBe(false);
    const chunkCount = await chunks().countDocuments({});

    const rolled = storeUnder(B, [A]);
    const reads: boolean[] = [];
    let rotating = true;
    const [tallies] = await Promise.all([
      resealAll(db.conn(), createAesGcmCipher(B, [A]), undefined, filesOnly).finally(() => {
        rotating = false;
      }),
      (async () => {
        // Loket serves downloads meanwhile: every read gives the exact bytes, never an error.
        while (rotating)
          for (const [i, id] of ids.entries()) reads.push((await rolled.get(id))!.bytes.equals(files[i]!));
      })(),
    ]);
    expect(tallies).toEqual([
      { collection: 'documents.files', checked: 3, resealed: 3, unreadable: [], busy: [] },
    ]);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every(Boolean)).toBe(true);

    const after = await raw();
    expect(after.chunks.includes(`encb1.${keyIdOf(A)}.`)).toBe(false);
    expect(after.chunks.includes(`encb1.${keyIdOf(B)}.`)).toBe(true);
    expect(after.rows).not.toContain(`enc1.${keyIdOf(A)}.`);
    // The old chunk sets are gone: as many chunks as before.
    expect(await chunks().countDocuments({})).toBe(chunkCount);

    const onlyB = storeUnder(B);
    for (const [i, id] of ids.entries()) {
      const got = await onlyB.get(id);
      expect(got?.bytes.equals(files[i]!)).toBe(true);
      expect(got?.meta).toMatchObject({ filename: `ktp-${NIK}.pdf`, size: files[i]!.length, owner });
    }
    // Run again: nothing left to do.
    const again = await resealAll(db.conn(), createAesGcmCipher(B, [A]), undefined, filesOnly);
    expect(again[0]).toMatchObject({ checked: 3, resealed: 0 });

    for (const id of ids) await onlyB.delete(id);
    expect(await chunks().countDocuments({})).toBe(0);
  });

  it('should finish a run that stopped half way: a new chunk set written but not named, or an old one not deleted', async () => {
    const bytes = letter(300_000, 0x44);
    const id = await put(storeUnder(A), bytes);
    const fileId = new Types.ObjectId(id);
    const own = await chunks().find({ file: fileId }).toArray();
    // A set written by a run that stopped before pointing the row at it, and a copy of the
    // current set under another id, as a run that stopped before deleting the old set leaves.
    const stray = new Types.ObjectId();
    await chunks().insertMany(own.map(({ _id, ...c }) => ({ ...c, files_id: stray })));

    const [tally] = await resealAll(db.conn(), createAesGcmCipher(B, [A]), undefined, filesOnly);
    expect(tally).toMatchObject({ checked: 1, resealed: 1, unreadable: [], busy: [] });
    expect(await chunks().countDocuments({ files_id: stray })).toBe(0);
    expect(await chunks().countDocuments({ file: fileId })).toBe(own.length);
    expect((await storeUnder(B).get(id))?.bytes.equals(bytes)).toBe(true);
    await storeUnder(B).delete(id);
  });

  it('should name a file no key of the ring opens (or whose chunks are gone), and sweep chunks of dead puts but not of one still writing', async () => {
    const lost = await put(storeUnder(C), letter(10, 0x45));
    // A file whose chunks are gone opens under no key either.
    const emptied = await put(storeUnder(A), letter(10, 0x46));
    await chunks().deleteMany({ file: new Types.ObjectId(emptied) });
    const dead = new Types.ObjectId(Math.floor(Date.now() / 1000) - 2 * 3600);
    const writing = new Types.ObjectId();
    const orphan = (set: Types.ObjectId) => ({
      files_id: set,
      n: 0,
      data: new mongoose.mongo.Binary(Buffer.from('encb1.x')),
      file: new Types.ObjectId(),
    });
    await chunks().insertMany([orphan(dead), orphan(writing)]);

    const [tally] = await resealAll(db.conn(), createAesGcmCipher(B, [A]), undefined, filesOnly);
    expect(tally).toMatchObject({ checked: 2, resealed: 0, unreadable: [lost, emptied], busy: [] });
    expect(await chunks().countDocuments({ files_id: dead })).toBe(0);
    expect(await chunks().countDocuments({ files_id: writing })).toBe(1);
    await chunks().deleteMany({ files_id: writing });
    await storeUnder(C).delete(lost);
    await storeUnder(A).delete(emptied);
  });
});
