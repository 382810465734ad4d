import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { CitizenRecord } from '../../scripts/chaos/citizen.js';
import { databaseRows } from '../../scripts/chaos/check.js';
import type { StatusChangeRecord } from '../../scripts/chaos/officer.js';
import { citizenData } from '../../scripts/chaos/script.js';
import { eventModel } from '../../src/adapters/mongo/event-model.js';
import { MongoEventLog } from '../../src/adapters/mongo/mongo-event-log.js';
import { testCipher } from '../support/cipher.js';
import { useTestDatabase } from '../support/db.js';

const db = useTestDatabase('chaos_check');
const TRACKING = 'PTSP-2612-AAAAA';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Audit events as Loket writes them: their payload sealed. */
const events = () => new MongoEventLog(eventModel(db.conn()), testCipher);

/** A citizen who sent all 13 turns and got `TRACKING`. */
function citizen(): CitizenRecord {
  const sent = Array.from({ length: 13 }, (_, turn) => ({ turn, repliesBefore: turn, at: 0 }));
  return {
    index: 0,
    channel: 'telegram',
    chatId: '700000',
    data: citizenData(0),
    sent,
    replies: [],
    tracking: TRACKING,
  };
}

/** Stores the citizen's application, its officer change to IN_REVIEW with its audit, and its files. */
async function store(r: CitizenRecord, opts: { audits?: number; files?: number; apps?: number } = {}) {
  const conn = db.conn();
  await conn.collection('applications').deleteMany({});
  await conn.collection('events').deleteMany({});
  await conn.collection('documents.files').deleteMany({});
  const files = r.data.files.slice(0, opts.files ?? 3);
  for (let n = 0; n < (opts.apps ?? 1); n++) {
    const { insertedId } = await conn.collection('applications').insertOne({
      trackingNumber: n === 0 ? TRACKING : `PTSP-2612-BBBB${n}`,
      applicant: { contact: { channel: 'telegram', chatId: r.chatId } },
      documents: files.map((b, k) => ({ id: `f${k}`, sha256: testCipher.seal(sha(b)), size: b.length })),
      statusHistory: [
        { to: 'SUBMITTED', by: { kind: 'citizen' } },
        { to: 'IN_REVIEW', by: { kind: 'officer' } },
      ],
    });
    for (let a = 0; a < (opts.audits ?? 1); a++) {
      await events().append({
        type: 'application.status_changed',
        applicationId: String(insertedId),
        actor: { kind: 'officer', id: 'o1' },
        at: new Date(),
        after: { status: 'IN_REVIEW' },
      });
    }
  }
  for (const b of files)
    await conn
      .collection('documents.files')
      .insertOne({ metadata: { sha256: testCipher.seal(sha(b)), size: b.length } });
}

const change: StatusChangeRecord = {
  tracking: TRACKING,
  chatId: '700000',
  to: 'IN_REVIEW',
  confirmed: true,
  done: true,
};
const notice = `Pembaruan permohonan ${TRACKING}:\nStatus: Sedang diperiksa petugas.\nAnda tidak perlu melakukan apa pun.`;

type Found = Record<string, { found: string; ok: boolean }>;

async function rows(r: CitizenRecord, notices: string[], changes = [change]): Promise<Found> {
  const all = await databaseRows(db.conn(), [r], changes, () => notices, testCipher);
  return Object.fromEntries(all.map((x) => [x.counted.split(' ')[0]!, { found: x.found, ok: x.ok }]));
}

describe('the chaos run database checks', () => {
  it('should pass an application with its files, its one audit event and its one notice', async () => {
    const r = citizen();
    await store(r);
    expect(await rows(r, [notice])).toEqual({
      applications: { found: '1 / 1 / 0', ok: true },
      status: { found: '1', ok: true },
      files: { found: '0', ok: true },
    });
  });

  it('should fail a status change without its notice, with two notices, or with two audit events', async () => {
    const r = citizen();
    await store(r);
    expect((await rows(r, [])).status).toEqual({
      found: `0 (${TRACKING} → IN_REVIEW: history 1, audits 1, notices 0)`,
      ok: false,
    });
    expect((await rows(r, [notice, notice])).status).toEqual({
      found: `0 (${TRACKING} → IN_REVIEW: history 1, audits 1, notices 2)`,
      ok: false,
    });
    await store(r, { audits: 2 });
    expect((await rows(r, [notice])).status).toEqual({
      found: `0 (${TRACKING} → IN_REVIEW: history 1, audits 2, notices 1)`,
      ok: false,
    });
  });

  it('should fail a change the officer made that the application does not hold', async () => {
    const r = citizen();
    await store(r);
    const approved: StatusChangeRecord = { ...change, to: 'APPROVED' };
    expect((await rows(r, [notice], [change, approved])).status).toEqual({
      found: `1 (${TRACKING} → APPROVED: history 0, audits 0, notices 0)`,
      ok: false,
    });
  });

  it('should fail a missing file, a missing application and a duplicated one', async () => {
    const r = citizen();
    await store(r, { files: 2 });
    expect((await rows(r, [notice])).files).toEqual({ found: '1', ok: false });
    await store(r, { apps: 2 });
    expect((await rows(r, [notice])).applications).toEqual({ found: '1 / 1 / 1', ok: false });
    await db.conn().collection('applications').deleteMany({});
    expect((await rows(r, [notice])).applications).toEqual({ found: '1 / 0 / 0', ok: false });
  });
});
