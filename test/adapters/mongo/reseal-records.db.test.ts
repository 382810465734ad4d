import { beforeAll, describe, expect, it } from '@jest/globals';
import { createAesGcmCipher } from '../../../src/adapters/crypto/aes-gcm-cipher.js';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import {
  resealDeadLetters,
  resealEvents,
  resealHandoffs,
  resealSatisfaction,
} from '../../../src/adapters/mongo/reseal-records.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('reseal_records');
const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);
const keyC = Buffer.alloc(32, 3);
const underA = createAesGcmCipher(keyA);
/** Key B rolled in: it seals, A still opens. */
const rolled = createAesGcmCipher(keyB, [keyA]);
/** After the rotation key A is gone. */
const onlyB = createAesGcmCipher(keyB);
let repos: MongoRepositories;
let ticketId = '';

const at = (min: number) => new Date(Date.UTC(2025, 2, 3, 2, min));
const resealers = { resealHandoffs, resealEvents, resealDeadLetters, resealSatisfaction };

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), underA);
  await repos.ensureIndexes();
  const { ticket } = await repos.handoffs.open({
    channel: 'telegram',
    chatId: 'r1',
    citizenName: 'Budi',
    reason: 'asked',
    priority: false,
    createdAt: at(0),
    transcript: [{ from: 'bot', text: 'Halo', at: at(0), beforeHandoff: true }],
  });
  ticketId = ticket.id;
  const file = { documentId: 'd1', filename: 'ktp.jpg', contentType: 'image/jpeg', size: 3 };
  await repos.handoffs.appendLine(ticket.id, { from: 'citizen', text: 'KTP', at: at(1), attachment: file });
  await repos.handoffs.addNote(ticket.id, {
    officerId: 'o',
    officerName: 'Sari',
    text: 'catatan',
    at: at(2),
  });
  await repos.events.append({
    type: 'handoff.note_added',
    actor: { kind: 'officer', id: 'o' },
    at: at(3),
    data: { note: 'catatan', when: at(4) },
    after: { phone: '0812' },
  });
  await repos.deadLetters.park({
    channel: 'telegram',
    messageId: '1',
    chatId: 'r1',
    kind: 'text',
    error: 'boom',
    attempts: 3,
    parkedAt: at(5),
  });
  await repos.satisfaction.record({
    ticketId: ticket.id,
    officerId: 'o',
    officeId: 'x',
    score: 3,
    comment: 'cepat',
    answeredAt: at(6),
  });
  // A ticket, an event from before sealing, and an event sealed under a key nobody holds any more.
  await db
    .conn()
    .db!.collection('handoffs')
    .insertOne({
      openKey: 'telegram:legacy',
      channel: 'telegram',
      chatId: 'legacy',
      reason: 'asked',
      priority: false,
      status: 'waiting',
      createdAt: at(0),
      transcript: [{ from: 'citizen', text: 'lama', at: at(0) }],
      version: 1,
    });
  await db
    .conn()
    .db!.collection('events')
    .insertMany([
      { type: 'legacy', actor: { kind: 'system', id: 's' }, at: at(7), data: { note: 'lama' } },
      {
        type: 'lost',
        actor: { kind: 'system', id: 's' },
        at: at(8),
        sealed: createAesGcmCipher(keyC).seal('{"data":{"note":"hilang"}}'),
      },
    ]);
});

describe('re-sealers of handoffs, events, dead letters and survey answers', () => {
  it('should find the open ticket of a chat under the older key, or from before sealing, and not open a second', async () => {
    const during = createMongoRepositories(db.conn(), rolled);
    expect((await during.handoffs.findOpenByChat('telegram', 'r1'))?.id).toBe(ticketId);
    const again = await during.handoffs.open({
      channel: 'telegram',
      chatId: 'r1',
      reason: 'asked',
      priority: false,
      createdAt: at(9),
    });
    expect(again).toMatchObject({ created: false, ticket: { id: ticketId } });
    const legacy = await during.handoffs.findOpenByChat('telegram', 'legacy');
    expect(legacy?.transcript.map((l) => l.text)).toEqual(['lama']);
    expect((await during.handoffs.listByChat('telegram', 'legacy', 5)).map((t) => t.id)).toEqual([
      legacy?.id,
    ]);
  });

  it('should re-seal every record under the new key, report the unreadable one, and do nothing the second time', async () => {
    const reports = Object.fromEntries(
      await Promise.all(
        Object.entries(resealers).map(async ([name, run]) => [name, await run(db.conn(), rolled)] as const),
      ),
    );
    expect(reports.resealHandoffs).toEqual({ checked: 2, resealed: 2, unreadable: [] });
    expect(reports.resealEvents).toMatchObject({ checked: 3, resealed: 2 });
    expect(reports.resealEvents?.unreadable).toHaveLength(1);
    expect(reports.resealDeadLetters).toEqual({ checked: 1, resealed: 1, unreadable: [] });
    expect(reports.resealSatisfaction).toEqual({ checked: 1, resealed: 1, unreadable: [] });

    const again = await resealHandoffs(db.conn(), rolled);
    expect(again).toEqual({ checked: 2, resealed: 0, unreadable: [] });
    expect((await resealEvents(db.conn(), rolled)).resealed).toBe(0);
  });

  it('should read everything back with a cipher that holds only the new key', async () => {
    const after = createMongoRepositories(db.conn(), onlyB);
    const ticket = await after.handoffs.get(ticketId);
    expect(ticket).toMatchObject({
      citizenName: 'Budi',
      notes: [expect.objectContaining({ text: 'catatan' })],
    });
    expect(ticket?.transcript.map((l) => l.text)).toEqual(['Halo', 'KTP']);
    expect(ticket?.transcript[1]?.attachment?.filename).toBe('ktp.jpg');
    const events = await after.events.listWindow({ type: ['handoff.note_added', 'legacy'] }, 10);
    expect(events.map((e) => [e.data, e.after])).toEqual([
      [{ note: 'lama' }, undefined],
      [{ note: 'catatan', when: at(4) }, { phone: '0812' }],
    ]);
    expect((await after.deadLetters.list({ limit: 5 })).items[0]).toMatchObject({
      chatId: 'r1',
      error: 'boom',
    });
    const [answer] = await after.satisfaction.listWindow({ from: at(0), to: at(60) }, 5);
    expect(answer?.comment).toBe('cepat');
    const legacy = await after.handoffs.findOpenByChat('telegram', 'legacy');
    expect(legacy).toMatchObject({
      chatId: 'legacy',
      transcript: [expect.objectContaining({ text: 'lama' })],
    });
    expect((await after.handoffs.listByChat('telegram', 'legacy', 5)).map((t) => t.id)).toEqual([legacy?.id]);
    const raw = await db.conn().db!.collection('handoffs').find({}).toArray();
    expect(JSON.stringify(raw)).not.toMatch(/legacy|lama|Budi|catatan/);
    const rawEvents = await db.conn().db!.collection('events').find({}).toArray();
    expect(JSON.stringify(rawEvents)).not.toMatch(/lama|catatan|0812/);
    expect(rawEvents.filter((e) => 'data' in e || 'after' in e)).toEqual([]);
    // The handoff is versioned: its re-seal went through the write lock.
    expect(raw.find((r) => String(r._id) === ticketId)?.version).toBe(4);
  });
});
