import { beforeAll, describe, expect, it } from '@jest/globals';
import { Types } from 'mongoose';
import { createAesGcmCipher } from '../../../src/adapters/crypto/aes-gcm-cipher.js';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { newApplication } from './fixtures.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('app_sealing');
let repos: MongoRepositories;
const KEY_A = Buffer.alloc(32, 11);
const KEY_B = Buffer.alloc(32, 12);
const NIK = '3171014708900003';
const raw = (trackingNumber: string) => db.conn().collection('applications').findOne({ trackingNumber });

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('applications sealed at rest', () => {
  it('should keep the NIK, name, phone, chat id, answers, file names and notes out of the stored document', async () => {
    const app = await repos.applications.create(
      newApplication({
        officeId: 'seal-office',
        answers: { alamat: 'Jl. Melati No. 9', nik: NIK, hp: '081234567890' },
        rejectionReason: 'Berkas milik Siti Rahmawati tidak cocok',
        statusHistory: [
          {
            from: null,
            to: 'SUBMITTED',
            at: new Date(),
            by: { kind: 'citizen', id: 'whatsapp:6281234567890' },
            note: 'catatan Siti',
          },
        ],
      }),
      () => 'PTSP-2503-SEAL1',
    );
    await repos.applications.save({ ...app, revision: { stepId: 'foto', note: 'Foto Siti buram' } }, 1);
    const text = JSON.stringify(await raw('PTSP-2503-SEAL1'));
    for (const plain of [
      NIK,
      'Siti',
      'Rahmawati',
      '081234567890',
      '6281234567890',
      '5550001',
      'Melati',
      'laporan.pdf',
    ])
      expect([plain, text.includes(plain)]).toEqual([plain, false]);
    expect(text).toContain('enc1.');
    // Read back through the repository: plain again, exactly as given.
    const read = await repos.applications.findById(app.id);
    expect(read?.applicant).toEqual(newApplication().applicant);
    expect(read?.answers).toEqual({ alamat: 'Jl. Melati No. 9', nik: NIK, hp: '081234567890' });
    expect(read?.statusHistory[0]).toMatchObject({
      by: { id: 'whatsapp:6281234567890' },
      note: 'catatan Siti',
    });
    expect(read?.documents[0]?.filename).toBe('laporan.pdf');
    expect(read?.revision).toEqual({ stepId: 'foto', note: 'Foto Siti buram' });
    expect(read?.rejectionReason).toBe('Berkas milik Siti Rahmawati tidak cocok');
  });

  it('should find an application by NIK, by phone in any usual form and by whole words of the name', async () => {
    const app = await repos.applications.create(
      newApplication({
        officeId: 'search-office',
        applicant: { name: 'Dewi Kartika Sari', nik: '3171010101900009', phone: '+6281311112222' },
      }),
      () => 'PTSP-2503-FIND1',
    );
    await repos.applications.create(newApplication({ officeId: 'search-office' }), () => 'PTSP-2503-FIND2');
    const ids = async (text: string) =>
      (await repos.applications.list({ officeIds: ['search-office'], text }, { limit: 10 })).items.map(
        (a) => a.id,
      );
    expect(await ids('3171010101900009')).toEqual([app.id]);
    expect(await ids('3171 0101 0190 0009')).toEqual([app.id]);
    expect(await ids('0813-1111-2222')).toEqual([app.id]);
    expect(await ids('6281311112222')).toEqual([app.id]);
    expect(await ids('kartika')).toEqual([app.id]);
    expect(await ids('SARI dewi')).toEqual([app.id]);
    expect(await ids('FIND1')).toEqual([app.id]);
    // A digest matches whole words only: a part of a word, or a word not in the name, finds nothing.
    expect(await ids('kart')).toEqual([]);
    expect(await ids('dewi siti')).toEqual([]);
    expect(await ids('3171010101900008')).toEqual([]);
  });

  it('should keep finding records sealed under an older key, by contact and by NIK', async () => {
    const underA = createMongoRepositories(db.conn(), createAesGcmCipher(KEY_A));
    const contact = { channel: 'telegram' as const, chatId: 'old-key-chat' };
    const app = await underA.applications.create(
      newApplication({
        officeId: 'old-key-office',
        applicant: { name: 'Ani', nik: '3171010101900010', contact },
      }),
      () => 'PTSP-2503-OLDK1',
    );
    const underB = createMongoRepositories(db.conn(), createAesGcmCipher(KEY_B, [KEY_A]));
    expect((await underB.applications.listByContact(contact)).map((a) => a.id)).toEqual([app.id]);
    const byNik = await underB.applications.list(
      { officeIds: ['old-key-office'], text: '3171010101900010' },
      { limit: 5 },
    );
    expect(byNik.items.map((a) => a.applicant.name)).toEqual(['Ani']);
    // Without key A nothing opens, and a look-up by B's digest alone finds nothing.
    const onlyB = createMongoRepositories(db.conn(), createAesGcmCipher(KEY_B));
    await expect(onlyB.applications.findById(app.id)).rejects.toThrow(/not in LOKET_DATA_KEY/);
    expect(await onlyB.applications.listByContact(contact)).toEqual([]);
  });

  it('should read an application stored before encryption, and find it by its plain contact key', async () => {
    const _id = new Types.ObjectId();
    const plain = newApplication();
    await db
      .conn()
      .collection('applications')
      .insertOne({
        ...plain,
        _id,
        applicant: { ...plain.applicant, contact: { channel: 'telegram', chatId: 'legacy-chat' } },
        contactKey: 'telegram:legacy-chat',
        trackingNumber: 'PTSP-2503-LEGC1',
        idempotencyKey: String(_id),
        version: 1,
      });
    const read = await repos.applications.findById(String(_id));
    expect(read?.applicant.nik).toBe(NIK);
    expect(read?.answers).toEqual(plain.answers);
    const mine = await repos.applications.listByContact({ channel: 'telegram', chatId: 'legacy-chat' });
    expect(mine.map((a) => a.trackingNumber)).toEqual(['PTSP-2503-LEGC1']);
  });

  it('should keep the masked NIK sealed after erasure and drop the indexes of erased fields', async () => {
    const app = await repos.applications.create(newApplication(), () => 'PTSP-2503-ERAS1');
    const before = await raw('PTSP-2503-ERAS1');
    expect(before).toHaveProperty('nikIndex');
    expect(before).toHaveProperty('phoneIndex');
    expect(before).toHaveProperty('nameIndex');
    const { phone: _p, contact: _c, ...kept } = app.applicant;
    await repos.applications.save(
      { ...app, applicant: { ...kept, name: '[dihapus]', nik: '************0003' }, erasedAt: new Date() },
      1,
    );
    const after = await raw('PTSP-2503-ERAS1');
    for (const gone of ['nikIndex', 'phoneIndex', 'nameIndex', 'contactKey'])
      expect(after).not.toHaveProperty(gone);
    expect(String(after?.applicant.nik)).toMatch(/^enc1\./);
    expect((await repos.applications.findById(app.id))?.applicant.nik).toBe('************0003');
  });
});
