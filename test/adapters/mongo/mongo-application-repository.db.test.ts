import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { ConcurrencyError, DuplicateError } from '../../../src/ports/errors.js';
import { useTestDatabase } from '../../support/db.js';
import { newApplication, sequentialNumbers } from './fixtures.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('applications');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('MongoApplicationRepository', () => {
  describe('.create', () => {
    it('should store the application with an id, the drawn tracking number and version 1', async () => {
      const app = await repos.applications.create(newApplication(), () => 'PTSP-2503-AAAAA');
      expect(app.trackingNumber).toBe('PTSP-2503-AAAAA');
      expect(app.version).toBe(1);
      expect(app.id).toMatch(/^[0-9a-f]{24}$/);
      const read = await repos.applications.findById(app.id);
      expect(read).toEqual({
        ...newApplication(),
        id: app.id,
        trackingNumber: 'PTSP-2503-AAAAA',
        version: 1,
      });
    });

    it('should draw again when the tracking number is taken', async () => {
      await repos.applications.create(newApplication(), () => 'PTSP-2503-BBBBB');
      const drawn = ['PTSP-2503-BBBBB', 'PTSP-2503-BBBBB', 'PTSP-2503-CCCCC'];
      const app = await repos.applications.create(newApplication(), () => drawn.shift() ?? 'none');
      expect(app.trackingNumber).toBe('PTSP-2503-CCCCC');
      expect(drawn).toEqual([]);
    });

    it('should return the first application when the same submission is created again', async () => {
      const first = await repos.applications.create(newApplication(), () => 'PTSP-2503-IDEM1', {
        idempotencyKey: 'telegram:update-77',
      });
      const again = await repos.applications.create(newApplication(), () => 'PTSP-2503-FFFFF', {
        idempotencyKey: 'telegram:update-77',
      });
      expect(again.id).toBe(first.id);
      expect(again.trackingNumber).toBe('PTSP-2503-IDEM1');
      expect(await repos.applications.findByTrackingNumber('PTSP-2503-FFFFF')).toBeUndefined();
    });

    it('should create one application when the same submission races itself', async () => {
      let n = 0;
      const made = await Promise.all(
        Array.from({ length: 6 }, () =>
          repos.applications.create(newApplication(), () => `PTSP-2503-R${String(n++).padStart(4, '0')}`, {
            idempotencyKey: 'whatsapp:race-1',
          }),
        ),
      );
      expect(new Set(made.map((a) => a.id)).size).toBe(1);
    });

    it('should give up with DuplicateError after 8 clashing draws', async () => {
      await repos.applications.create(newApplication(), () => 'PTSP-2503-DDDDD');
      let draws = 0;
      const attempt = repos.applications.create(newApplication(), () => {
        draws++;
        return 'PTSP-2503-DDDDD';
      });
      await expect(attempt).rejects.toBeInstanceOf(DuplicateError);
      expect(draws).toBe(8);
    });

    it('should keep 20 concurrent inserts unique when the generator collides at first', async () => {
      // Every caller's first two draws clash (everyone gets the same few numbers); later draws are fresh.
      let calls = 0;
      const fresh = sequentialNumbers(100);
      const colliding = () => (calls++ < 40 ? `PTSP-2503-X000${calls % 3}` : fresh());
      const made = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          repos.applications.create(
            newApplication({ officeId: 'race', applicant: { name: `Warga ${i}`, nik: '3171014708900003' } }),
            colliding,
          ),
        ),
      );
      const numbers = made.map((a) => a.trackingNumber);
      expect(new Set(numbers).size).toBe(20);
      const stored = await repos.applications.list({ officeIds: ['race'] }, { limit: 50 });
      expect(stored.total).toBe(20);
      expect(stored.items.map((a) => a.trackingNumber).sort()).toEqual([...numbers].sort());
      expect(calls).toBeGreaterThan(20);
    });
  });

  describe('.findByTrackingNumber', () => {
    it('should find by the exact number and answer undefined for an unknown one', async () => {
      const app = await repos.applications.create(newApplication(), () => 'PTSP-2503-EEEEE');
      expect((await repos.applications.findByTrackingNumber('PTSP-2503-EEEEE'))?.id).toBe(app.id);
      expect(await repos.applications.findByTrackingNumber('PTSP-2503-ZZZZZ')).toBeUndefined();
    });
  });

  describe('.findById', () => {
    it('should answer undefined for a malformed or unknown id', async () => {
      expect(await repos.applications.findById('not-an-id')).toBeUndefined();
      expect(await repos.applications.findById('65f0000000000000000000ff')).toBeUndefined();
    });
  });

  describe('.findByDocumentId', () => {
    it('should find the application holding a file among its documents, and nothing for another id', async () => {
      const doc = newApplication().documents[0]!;
      const second = { ...doc, id: '65f0000000000000000000d2', stepId: 'foto_ktp' };
      const app = await repos.applications.create(
        newApplication({ documents: [doc, second] }),
        () => 'PTSP-2503-DOC01',
      );
      expect((await repos.applications.findByDocumentId(second.id))?.id).toBe(app.id);
      expect(await repos.applications.findByDocumentId('65f0000000000000000000d3')).toBeUndefined();
    });
  });

  describe('.listByContact', () => {
    it('should list only that chat, newest first', async () => {
      const contact = { channel: 'whatsapp' as const, chatId: '6281200000001' };
      const applicant = { name: 'Budi', nik: '3171010101900001', contact };
      const older = await repos.applications.create(
        newApplication({ applicant, createdAt: new Date('2025-01-01T00:00:00Z') }),
        () => 'PTSP-2501-LIST1',
      );
      const newer = await repos.applications.create(
        newApplication({ applicant, createdAt: new Date('2025-02-01T00:00:00Z') }),
        () => 'PTSP-2502-LIST2',
      );
      await repos.applications.create(
        newApplication({
          applicant: { ...applicant, contact: { channel: 'telegram', chatId: '6281200000001' } },
        }),
        () => 'PTSP-2502-LIST3',
      );
      const found = await repos.applications.listByContact(contact);
      expect(found.map((a) => a.id)).toEqual([newer.id, older.id]);

      // Erased (retention removes the contact): no longer the chat's.
      const { contact: _gone, ...withoutContact } = older.applicant;
      await repos.applications.save({ ...older, applicant: withoutContact }, older.version);
      expect((await repos.applications.listByContact(contact)).map((a) => a.id)).toEqual([newer.id]);
      const stored = await db
        .conn()
        .collection('applications')
        .findOne({ trackingNumber: 'PTSP-2501-LIST1' });
      expect(stored).not.toHaveProperty('contactKey');
    });
  });

  describe('.list', () => {
    it('should filter by office, status, service, overdue, dates and text, with a total', async () => {
      const office = 'list-office';
      const mk = (n: string, o: Parameters<typeof newApplication>[0]) =>
        repos.applications.create(newApplication({ officeId: office, ...o }), () => n);
      const late = await mk('PTSP-2501-LATE1', {
        slaDueAt: new Date('2025-01-10T00:00:00Z'),
        status: 'IN_REVIEW',
      });
      await mk('PTSP-2501-DONE1', { slaDueAt: new Date('2025-01-10T00:00:00Z'), status: 'COMPLETED' });
      const kk = await mk('PTSP-2501-KK001', {
        serviceId: 'kk',
        slaDueAt: new Date('2025-12-10T00:00:00Z'),
        createdAt: new Date('2025-05-01T00:00:00Z'),
        applicant: { name: 'Agus Salim', nik: '3171010101900001' },
      });

      const overdue = await repos.applications.list(
        { officeIds: [office], overdueAt: new Date('2025-02-01T00:00:00Z') },
        { limit: 10 },
      );
      expect(overdue.items.map((a) => a.id)).toEqual([late.id]);

      const bySvc = await repos.applications.list({ officeIds: [office], serviceId: 'kk' }, { limit: 10 });
      expect(bySvc).toEqual({ items: [kk], total: 1 });

      const byStatus = await repos.applications.list(
        { officeIds: [office], status: ['IN_REVIEW', 'COMPLETED'] },
        { limit: 10 },
      );
      expect(byStatus.total).toBe(2);

      const byText = await repos.applications.list({ officeIds: [office], text: 'agus' }, { limit: 10 });
      expect(byText.items.map((a) => a.id)).toEqual([kk.id]);
      const byNumber = await repos.applications.list({ text: 'late1' }, { limit: 10 });
      expect(byNumber.items.map((a) => a.id)).toEqual([late.id]);
      // Regex metacharacters are literal text, not a pattern.
      expect((await repos.applications.list({ officeIds: [office], text: '.*' }, { limit: 10 })).total).toBe(
        0,
      );

      const byDate = await repos.applications.list(
        { officeIds: [office], from: new Date('2025-04-01T00:00:00Z'), to: new Date('2025-06-01T00:00:00Z') },
        { limit: 10 },
      );
      expect(byDate.items.map((a) => a.id)).toEqual([kk.id]);

      const paged = await repos.applications.list({ officeIds: [office] }, { limit: 2, offset: 1 });
      expect(paged.total).toBe(3);
      expect(paged.items).toHaveLength(2);
      expect(paged.items[0]?.id).not.toBe(kk.id);
    });
  });

  describe('.save', () => {
    it('should replace the application and bump the version, removing cleared optional fields', async () => {
      const app = await repos.applications.create(
        newApplication({ rejectionReason: 'x' }),
        () => 'PTSP-2503-SAVE1',
      );
      const changed = {
        ...app,
        rejectionReason: undefined,
        status: 'IN_REVIEW' as const,
        revision: { stepId: 'foto', note: 'Foto buram' },
        answers: { ...app.answers, jenis: 'rusak' },
      };
      const saved = await repos.applications.save(changed, app.version);
      expect(saved.version).toBe(2);
      const read = await repos.applications.findById(app.id);
      expect(read?.status).toBe('IN_REVIEW');
      expect(read?.answers.jenis).toBe('rusak');
      expect(read?.revision).toEqual({ stepId: 'foto', note: 'Foto buram' });
      expect(read).not.toHaveProperty('rejectionReason');
      expect(read?.version).toBe(2);
    });

    it('should refuse a save from a stale version with ConcurrencyError', async () => {
      const app = await repos.applications.create(newApplication(), () => 'PTSP-2503-SAVE2');
      await repos.applications.save({ ...app, status: 'IN_REVIEW' }, 1);
      const stale = repos.applications.save({ ...app, status: 'CANCELLED' }, 1);
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await repos.applications.findById(app.id))?.status).toBe('IN_REVIEW');
    });

    it('should let exactly one of several concurrent saves of the same version win', async () => {
      const app = await repos.applications.create(newApplication(), () => 'PTSP-2503-SAVE3');
      const notes = ['a', 'b', 'c', 'd', 'e', 'f'];
      const results = await Promise.allSettled(
        notes.map((note) =>
          repos.applications.save({ ...app, revision: { stepId: 'foto', note } }, app.version),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
      const read = await repos.applications.findById(app.id);
      expect(read?.version).toBe(2);
      expect(won[0]?.status === 'fulfilled' && won[0].value.revision).toEqual(read?.revision);
    });

    it('should report ConcurrencyError for an application that does not exist', async () => {
      const ghost = {
        ...newApplication(),
        id: '65f0000000000000000000aa',
        trackingNumber: 'PTSP-2503-GHOST',
        version: 1,
      };
      await expect(repos.applications.save(ghost, 1)).rejects.toBeInstanceOf(ConcurrencyError);
    });
  });
});
