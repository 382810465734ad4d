import { beforeAll, describe, expect, it } from '@jest/globals';
import { Types } from 'mongoose';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';
import { scanRawCollections } from '../../support/raw-scan.js';

const db = useTestDatabase('sealed_records');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const NIK = '3171014708900003';
const PHONE = '081234567890';
const at = (min: number) => new Date(Date.UTC(2025, 2, 3, 2, min));

/** The raw document of `collection` with `_id`, as the driver reads it (no schema, no cipher). */
async function raw(collection: string, _id: unknown): Promise<Record<string, unknown>> {
  const doc = await db
    .conn()
    .db!.collection(collection)
    .findOne({ _id: _id as never });
  if (!doc) throw new Error(`${collection} ${String(_id)} not found`);
  return doc;
}

describe('personal data at rest in handoffs, events, dead letters and survey answers', () => {
  it('should seal a ticket line by line, its notes, name and file names, and read them back plain', async () => {
    const { ticket } = await repos.handoffs.open({
      channel: 'telegram',
      chatId: 's1',
      citizenName: `Budi ${PHONE}`,
      reason: 'asked',
      priority: false,
      createdAt: at(0),
      transcript: [{ from: 'bot', text: `NIK Anda ${NIK}?`, at: at(0), beforeHandoff: true }],
    });
    await repos.handoffs.claim(ticket.id, 'off-1', at(1));
    await repos.handoffs.appendMessage(ticket.id, { from: 'citizen', text: `HP saya ${PHONE}`, at: at(2) });
    const file = { documentId: 'd1', filename: `ktp-${NIK}.jpg`, contentType: 'image/jpeg', size: 10 };
    await repos.handoffs.appendLine(ticket.id, {
      from: 'citizen',
      text: '[berkas]',
      at: at(3),
      attachment: file,
    });
    await repos.handoffs.addNote(ticket.id, {
      officerId: 'off-1',
      officerName: 'Sari',
      text: NIK,
      at: at(4),
    });
    const moved = await repos.handoffs.transfer(
      ticket.id,
      { toOfficerId: 'off-2' },
      { officerId: 'off-1', officerName: 'Sari', text: `telepon ${PHONE}`, at: at(5) },
    );
    expect(moved?.notes?.map((n) => n.text)).toEqual([NIK, `telepon ${PHONE}`]);

    expect(await scanRawCollections(db.conn(), [NIK, PHONE])).toEqual([]);
    const stored = await raw('handoffs', new Types.ObjectId(ticket.id));
    // What the queue and the write lock read stays plain.
    expect(stored).toMatchObject({ status: 'claimed', officerId: 'off-2', channel: 'telegram' });
    expect(String(stored.chatId)).toMatch(/^enc1\./);
    expect(stored.openKey).toBe(stored.chatKey);
    expect(String(stored.openKey)).not.toContain('s1');
    expect((stored.transcript as Array<{ from: string; text: string }>).map((l) => l.from)).toEqual([
      'bot',
      'citizen',
      'citizen',
    ]);
    expect(String(stored.citizenName)).toMatch(/^enc1\./);

    const read = await repos.handoffs.get(ticket.id);
    expect(read?.citizenName).toBe(`Budi ${PHONE}`);
    expect(read?.transcript.map((l) => l.text)).toEqual([`NIK Anda ${NIK}?`, `HP saya ${PHONE}`, '[berkas]']);
    expect(read?.transcript[2]?.attachment).toEqual(file);
    expect((await repos.handoffs.listClaimedBy('off-2'))[0]?.notes?.[0]?.text).toBe(NIK);
  });

  it('should keep a WhatsApp chat (a phone number) sealed and still find its tickets by chat', async () => {
    const chat = `62${PHONE.slice(1)}@s.whatsapp.net`;
    const open = (text: string) =>
      repos.handoffs.open({
        channel: 'whatsapp',
        chatId: chat,
        reason: 'asked',
        priority: false,
        createdAt: at(20),
        transcript: [{ from: 'citizen', text, at: at(20) }],
      });
    const first = await open('satu');
    expect(first.created).toBe(true);
    expect((await open('dua')).created).toBe(false);
    expect((await repos.handoffs.findOpenByChat('whatsapp', chat))?.id).toBe(first.ticket.id);
    await repos.handoffs.close(first.ticket.id, at(21), 'answered');
    const second = await open('tiga');
    expect(second.created).toBe(true);
    const history = await repos.handoffs.listByChat('whatsapp', chat, 10);
    expect(history.map((t) => [t.id, t.chatId])).toEqual([
      [second.ticket.id, chat],
      [first.ticket.id, chat],
    ]);
    expect(await repos.handoffs.listByChat('whatsapp', `${chat}x`, 10)).toEqual([]);
    expect(await scanRawCollections(db.conn(), [PHONE.slice(1)])).toEqual([]);
  });

  it('should seal an event payload as one string, keep the filters plain, and read it back with its dates', async () => {
    const e = {
      type: 'handoff.note_added',
      applicationId: 'app-s1',
      officeId: 'o1',
      actor: { kind: 'officer' as const, id: 'off-1' },
      at: at(6),
      data: { note: `NIK ${NIK}`, counts: [1, 2], nested: { when: at(7) } },
      before: { phone: PHONE },
      after: { phone: '0' },
    };
    const stored = await repos.events.append(e);
    const second = { ...e, at: at(7), data: { phone: PHONE } };
    const again = await repos.events.appendOnce('sealed-once', second);
    const rawEvent = await raw('events', new Types.ObjectId(stored.id));
    expect(rawEvent).toMatchObject({
      type: e.type,
      applicationId: 'app-s1',
      officeId: 'o1',
      actor: e.actor,
      at: e.at,
    });
    expect(String(rawEvent.sealed)).toMatch(/^enc1\./);
    expect(Object.keys(rawEvent)).not.toEqual(expect.arrayContaining(['data']));
    expect(rawEvent).not.toHaveProperty('before');
    expect(await scanRawCollections(db.conn(), [NIK, PHONE])).toEqual([]);

    expect(await repos.events.listForApplication('app-s1')).toEqual([
      { ...e, id: stored.id },
      { ...second, id: again.id },
    ]);
    const page = await repos.events.search({ type: e.type, officeIds: ['o1'] }, { limit: 10, offset: 0 });
    expect(page.items.map((i) => i.data)).toEqual([second.data, e.data]);
  });

  it('should read an event stored before sealing as it was', async () => {
    const _id = new Types.ObjectId();
    await db
      .conn()
      .db!.collection('events')
      .insertOne({
        _id,
        type: 'legacy',
        actor: { kind: 'system', id: 'x' },
        at: at(8),
        data: { note: 'lama', when: at(9) },
      });
    const [legacy] = await repos.events.listWindow({ type: 'legacy' }, 5);
    expect(legacy?.data).toEqual({ note: 'lama', when: at(9) });
  });

  it('should seal the chat and error of a parked message, and a survey comment', async () => {
    await repos.deadLetters.park({
      channel: 'whatsapp',
      messageId: 'm1',
      chatId: `62${PHONE.slice(1)}@s.whatsapp.net`,
      kind: 'text',
      error: `TypeError: cannot parse "${NIK}"`,
      attempts: 5,
      parkedAt: at(10),
    });
    await repos.satisfaction.record({
      ticketId: 'ticket-s1',
      officerId: 'off-1',
      officeId: 'o1',
      score: 4,
      comment: `hubungi ${PHONE}`,
      answeredAt: at(11),
    });
    const needles = [NIK, PHONE, PHONE.slice(1)];
    expect(await scanRawCollections(db.conn(), needles)).toEqual([]);

    const { items } = await repos.deadLetters.list({ limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({
      chatId: `62${PHONE.slice(1)}@s.whatsapp.net`,
      error: `TypeError: cannot parse "${NIK}"`,
    });
    const answers = await repos.satisfaction.listWindow({ from: at(0), to: at(60) }, 10);
    expect(answers).toEqual([
      expect.objectContaining({ ticketId: 'ticket-s1', comment: `hubungi ${PHONE}` }),
    ]);
  });
});
