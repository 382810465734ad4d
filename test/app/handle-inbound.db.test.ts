import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { HANDLED_KEPT, makeHandleInbound, type HandleInboundDeps } from '../../src/app/handle-inbound.js';
import type { HandleInbound, InboundMessage } from '../../src/app/inbound.js';
import { createMongoRepositories, type MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { makeEffectRunner } from '../../src/app/run-effects.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type Loket } from '../../src/main.js';
import { serverEnv } from '../support/db.js';
import { pseudonymousCitizens } from '../../src/app/citizen-actor.js';
import { testCipher } from '../support/cipher.js';

const LEASE_MS = 60_000;

/** Builds the Telegram text messages of one chat. */
const telegramText =
  (chatId: string) =>
  (messageId: string, body: string): InboundMessage => ({
    channel: 'telegram',
    chatId,
    messageId,
    at: new Date(),
    content: { kind: 'text', text: body },
  });

describe('handleInbound', () => {
  let loket: Loket;
  /** The real use case on the real database, its lease clock in the test's hand. */
  let handle: HandleInbound;
  let deps: HandleInboundDeps;
  const clock = { now: new Date() };

  /** The use case's dependencies on `repos` (another process's are its own repositories). */
  const depsOn = (repos: MongoRepositories): HandleInboundDeps => {
    const logger = createLogger('silent');
    return {
      engine: loket.engine,
      understand: (text) => loket.nlu.understand(text),
      conversations: repos.conversations,
      inbound: repos.inbound,
      documents: repos.documents,
      effects: makeEffectRunner({
        catalog: loket.catalog,
        applications: repos.applications,
        events: repos.events,
        handoffs: repos.handoffs,
        officers: repos.officers,
        satisfaction: repos.satisfaction,
        statusProofs: repos.statusProofs,
        documents: repos.documents,
        deletionRequests: repos.deletionRequests,
        logger,
        trackingPrefix: 'PTSP',
        holidays: [],
        citizenActorId: pseudonymousCitizens(testCipher),
      }),
      outbound: loket.outbound,
      logger,
      uploadMaxBytes: 100_000,
      allowedTypes: ['image/jpeg'],
      leaseMs: LEASE_MS,
      now: () => clock.now,
    };
  };

  beforeAll(async () => {
    loket = await createLoket(loadConfig(serverEnv('handle_inbound')), createLogger('silent'));
    deps = depsOn(loket.repos);
    handle = makeHandleInbound(deps);
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  describe('round trips', () => {
    it('should take three for a plain answer (read, write, record the replies), and a bounded few for an upload and the submission', async () => {
      const env = serverEnv('round_trips');
      const url = new URL(env.MONGODB_URI ?? '');
      url.searchParams.set('monitorCommands', 'true');
      const counted = await createLoket(
        loadConfig({ ...env, MONGODB_URI: url.toString() }),
        createLogger('silent'),
      );
      const commands: string[] = [];
      counted.conn.getClient().on('commandStarted', (e) => {
        commands.push(`${e.commandName} ${String((e.command as Record<string, unknown>)[e.commandName])}`);
      });
      const file = (name: string) => {
        const bytes = readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));
        return {
          kind: 'file' as const,
          file: { filename: name, announcedSize: bytes.length, fetch: () => Promise.resolve(bytes) },
        };
      };
      const script: InboundMessage['content'][] = [
        ...[
          'halo',
          'ktp sy ilang mw bikin lg',
          'setuju',
          'hilang',
          'Siti Rahmawati',
          '3171 0155 0592 0003',
        ].map((text) => ({ kind: 'text' as const, text })),
        ...['081298765432', 'kebon kelapa', '3171010101900002'].map((text) => ({
          kind: 'text' as const,
          text,
        })),
        file('surat.pdf'),
        file('foto-kk.png'),
        { kind: 'text', text: 'kirim' },
      ];
      const perTurn: string[][] = [];
      try {
        for (const [k, content] of script.entries()) {
          commands.length = 0;
          const res = await counted.handleInbound({
            channel: 'terminal',
            chatId: 'rt-1',
            messageId: `rt-1-${k}`,
            at: new Date(),
            content,
          });
          expect(res.status).toBe('processed');
          perTurn.push([...commands]);
        }
      } finally {
        await counted.conn.dropDatabase().catch(() => undefined);
        await counted.stop();
      }
      // The name, NIK, phone, kelurahan and KK number: read the conversation, write it, record the
      // replies (no terminal sender in this process: they wait for the chat CLI that has one).
      for (const k of [4, 5, 6, 7, 8])
        expect(perTurn[k]).toEqual(['find conversations', 'insert conversations', 'insert outbox']);
      // The second upload: claim, the store's look for an earlier copy, chunks, file row, read,
      // write, record.
      expect(perTurn[10]).toHaveLength(7);
      // The submission: read, claim, read again, the office with those above it (routing, SLA,
      // local holidays) in one read, the holidays for every office, the application with its
      // follow-up, the event, two documents attached, the follow-up cleared (read, lock, write,
      // unlock: FerretDB has no transactions, so the follow-up rides on the application), write,
      // record the replies.
      expect(perTurn[11]).toHaveLength(15);
      expect(JSON.stringify(perTurn[11])).toContain('insert applications');
    });
  });

  describe('a process that stops', () => {
    it('should leave one version per chat it wrote: the superseded ones (long enough) are swept as it stops', async () => {
      const env = serverEnv('stop_sweep');
      const versions = (l: Loket) => l.conn.collection('conversations').countDocuments({ chatId: 'stop-1' });
      const first = await createLoket(loadConfig(env), createLogger('silent'));
      try {
        for (const [k, text] of ['halo', 'apa kabar', 'terima kasih'].entries())
          await first.handleInbound({
            channel: 'terminal',
            chatId: 'stop-1',
            messageId: `stop-1-${k}`,
            at: new Date(),
            content: { kind: 'text', text },
          });
        expect(await versions(first)).toBe(3);
        // Saved a while ago: superseded long enough for the sweep to remove them.
        await first.conn
          .collection('conversations')
          .updateMany({ chatId: 'stop-1' }, { $set: { updatedAt: new Date(Date.now() - 3600_000) } });
      } finally {
        await first.stop();
      }
      const second = await createLoket(loadConfig(env), createLogger('silent'));
      try {
        expect(await versions(second)).toBe(1);
      } finally {
        await second.conn.dropDatabase().catch(() => undefined);
        await second.stop();
      }
    });
  });

  describe('a message claimed by a process that died', () => {
    it('should answer busy while the lease lives, then handle the redelivery once it lapsed', async () => {
      // Sent ten minutes ago; a process claimed it at t0 and died without finishing.
      const t0 = new Date();
      const msg: InboundMessage = {
        channel: 'telegram',
        chatId: '5150',
        messageId: 'crashed-1',
        at: new Date(t0.getTime() - 600_000),
        // A turn with an effect (the status lookup) claims its message before running it.
        content: { kind: 'text', text: 'cek status' },
      };
      expect(await loket.repos.inbound.claim('telegram', 'crashed-1', LEASE_MS, t0, '5150')).toBe('claimed');

      clock.now = new Date(t0.getTime() + LEASE_MS - 1000);
      expect((await handle(msg)).status).toBe('busy');
      expect(await loket.repos.conversations.read('telegram', '5150')).toBeUndefined();

      // The redelivery carries the same (old) message date: the lease is measured on the clock.
      clock.now = new Date(t0.getTime() + LEASE_MS + 1000);
      const taken = await handle(msg);
      expect(taken.status).toBe('processed');
      expect(taken.replies.length).toBeGreaterThan(0);
      expect((await handle(msg)).status).toBe('duplicate');
      expect((await loket.repos.conversations.read('telegram', '5150'))?.version).toBe(1);
    });
  });

  describe('a plain text message', () => {
    const text = (chatId: string, messageId: string, body: string): InboundMessage => ({
      channel: 'telegram',
      chatId,
      messageId,
      at: new Date(),
      content: { kind: 'text', text: body },
    });
    const claims = (messageId: string) =>
      loket.conn.collection('inbound_messages').countDocuments({ channel: 'telegram', messageId });

    it('should be saved without a claim, and its redelivery be a duplicate', async () => {
      const first = await handle(text('5353', 'plain-1', 'halo'));
      expect(first.status).toBe('processed');
      expect(first.replies.length).toBeGreaterThan(0);
      expect(await claims('plain-1')).toBe(0);
      expect(await loket.repos.conversations.read('telegram', '5353')).toMatchObject({
        version: 1,
        handled: ['plain-1'],
      });

      expect(await handle(text('5353', 'plain-2', 'menu'))).toMatchObject({ status: 'processed' });
      // Redelivered after a later message of the chat: still known from the read alone.
      expect(await handle(text('5353', 'plain-1', 'halo'))).toEqual({ status: 'duplicate', replies: [] });
      expect(await loket.repos.conversations.read('telegram', '5353')).toMatchObject({
        version: 2,
        handled: ['plain-1', 'plain-2'],
      });
    });

    it('should change the state once when delivered twice at the same time', async () => {
      await handle(text('5454', 'twice-0', 'halo'));
      const results = await Promise.all([
        handle(text('5454', 'twice-1', 'menu')),
        handle(text('5454', 'twice-1', 'menu')),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'processed']);
      expect(results.find((r) => r.status === 'duplicate')?.replies).toEqual([]);
      const saved = await loket.repos.conversations.read('telegram', '5454');
      expect(saved?.version).toBe(2);
      expect(saved?.handled).toEqual(['twice-0', 'twice-1']);
    });

    it(`should keep the last ${HANDLED_KEPT} handled messages of a chat`, async () => {
      for (let i = 0; i < HANDLED_KEPT + 3; i++) await handle(text('5555', `many-${i}`, 'menu'));
      const saved = await loket.repos.conversations.read('telegram', '5555');
      expect(saved?.handled).toHaveLength(HANDLED_KEPT);
      expect(saved?.handled.at(-1)).toBe(`many-${HANDLED_KEPT + 2}`);
      expect(saved?.handled[0]).toBe('many-3');
    });
  });

  describe('a process that dies between saving a turn and recording its replies', () => {
    it('should record and send the replies when the message is delivered again', async () => {
      const text = telegramText('6161');
      // The replies are saved with the turn, but the process "dies" before the outbox insert.
      const dying = makeHandleInbound({
        ...deps,
        outbound: { ...loket.outbound, deliver: () => Promise.reject(new Error('killed')) },
      });
      expect((await dying(text('crash-1', 'halo'))).status).toBe('processed');
      const rows = () =>
        loket.conn.collection('outbox').find({ chatId: '6161' }).sort({ order: 1 }).toArray();
      expect(await rows()).toEqual([]);
      // Telegram delivers the unconfirmed update again, to the restarted process.
      expect((await handle(text('crash-1', 'halo'))).status).toBe('duplicate');
      const recorded = await rows();
      expect(recorded.map((r) => String(r._id))).toEqual(['turn:telegram:6161:crash-1:0']);
      // The reply is sealed at rest; through the outbox it reads as recorded.
      expect(String(recorded[0]?.reply)).toMatch(/^enc1\./);
      const row = await loket.repos.outbox.get(String(recorded[0]?._id));
      expect(JSON.stringify(row?.reply)).toContain('Layanan apa');
    });
  });

  describe('two processes handling one chat', () => {
    it('should never run an effect from a version the other process superseded', async () => {
      // Process B: its own repositories, so its own memory of the versions it saw.
      const b = makeHandleInbound(depsOn(createMongoRepositories(loket.conn, testCipher)));
      const text = telegramText('5656');
      await handle(text('two-1', 'halo'));
      const asked = await handle(text('two-2', 'ktp sy ilang mw bikin lg'));
      expect(asked.replies.map((r) => r.text).join('\n')).toMatch(/setuju/i);
      // B takes the consent (an effect: the audit event), from the latest version.
      expect((await b(text('two-3', 'setuju'))).status).toBe('processed');
      // The citizen said it twice; A last saw the version before B's. From that version the
      // answer would record the consent again; A finds it stale first and answers from the latest.
      expect((await handle(text('two-4', 'setuju'))).status).toBe('processed');
      const consents = await loket.repos.events.search(
        {
          type: 'consent.given',
          actorId: pseudonymousCitizens(testCipher)({ channel: 'telegram', chatId: '5656' }),
        },
        { limit: 10 },
      );
      expect(consents.items).toHaveLength(1);
      expect((await loket.repos.conversations.read('telegram', '5656'))?.handled).toEqual([
        'two-1',
        'two-2',
        'two-3',
        'two-4',
      ]);
    });
  });

  describe('a turn slower than its version may be kept', () => {
    it('should check its version before saving, so it is not saved beside versions saved meanwhile and lost', async () => {
      const other = createMongoRepositories(loket.conn, testCipher);
      const b = makeHandleInbound(depsOn(other));
      const text = telegramText('5757');
      await handle(text('slow-1', 'halo'));
      // A's next turn reads version 1 and then takes 20 s. Meanwhile process B saves two turns of
      // the chat and, its clock further on, sweeps versions 1 and 2 (superseded long enough).
      const store = loket.repos.conversations;
      let meanwhile = true;
      const slow = makeHandleInbound({
        ...deps,
        conversations: {
          read: (channel, chatId) => store.read(channel, chatId),
          write: (...args) => store.write(...args),
          delete: (channel, chatId) => store.delete(channel, chatId),
          listOutbound: (since, limit) => store.listOutbound(since, limit),
          async readForTurn(channel, chatId) {
            const seen = await store.readForTurn(channel, chatId);
            if (meanwhile) {
              meanwhile = false;
              await b(text('slow-2', 'apa kabar'));
              await b(text('slow-3', 'terima kasih'));
              expect(await other.sweepConversations(new Date(Date.now() + 60_000))).toBe(2);
              clock.now = new Date(clock.now.getTime() + 20_000);
            }
            return seen;
          },
        },
      });
      const started = clock.now;
      try {
        expect((await slow(text('slow-4', 'mau urus akta'))).status).toBe('processed');
      } finally {
        clock.now = started;
      }
      // Saved from the latest version on its retry: nothing of either process is lost.
      const latest = await store.read('telegram', '5757');
      expect(latest?.version).toBe(4);
      expect(latest?.handled).toEqual(['slow-1', 'slow-2', 'slow-3', 'slow-4']);
    });
  });

  describe('an upload whose turn failed after the file was stored', () => {
    it('should store the file once when the message is delivered again', async () => {
      const chatId = '6281200005151';
      let seq = 0;
      const say = async (text: string) => {
        const res = await handle({
          channel: 'whatsapp',
          chatId,
          messageId: `text-${++seq}`,
          at: new Date(),
          content: { kind: 'text', text },
        });
        return res.replies.map((r) => r.text).join('\n');
      };
      for (const text of [
        'mau urus surat domisili tempat tinggal',
        'ya',
        '1',
        'Rina Marlina',
        '3171060101700015',
        '081200002222',
        'menteng',
        'Jl. Teuku Umar No. 5',
      ])
        await say(text);
      expect(await say('lewati')).toMatch(/foto KTP-el/);

      // The conversation write fails once, after the upload: as a process dying there would.
      let failWrites = 1;
      const conversations = loket.repos.conversations;
      const flaky = makeHandleInbound({
        ...deps,
        conversations: {
          read: (channel, chat) => conversations.read(channel, chat),
          readForTurn: (channel, chat) => conversations.readForTurn(channel, chat),
          delete: (channel, chat) => conversations.delete(channel, chat),
          listOutbound: (since, limit) => conversations.listOutbound(since, limit),
          write: async (channel, chat, state, expected) => {
            if (failWrites-- > 0) throw new Error('connection closed');
            return conversations.write(channel, chat, state, expected);
          },
        },
      });
      const jpeg = readFileSync(new URL('../fixtures/files/foto-ktp.jpg', import.meta.url));
      let downloads = 0;
      const photo: InboundMessage = {
        channel: 'whatsapp',
        chatId,
        messageId: 'photo-1',
        at: new Date(),
        content: {
          kind: 'file',
          file: {
            filename: 'ktp.jpg',
            fetch: () => {
              downloads++;
              return Promise.resolve(jpeg);
            },
          },
        },
      };
      // The owner's chat id is sealed at rest: open it to find this chat's files.
      const files = async () =>
        (await loket.conn.collection('documents.files').find({}).toArray()).filter(
          (f) => testCipher.open((f.metadata as { owner: { chatId: string } }).owner.chatId) === chatId,
        );

      await expect(flaky(photo)).rejects.toThrow('connection closed');
      const [stored, ...more] = await files();
      expect(more).toEqual([]);

      // Delivered again (the claim was released): the same file, and the step takes it.
      const again = await flaky(photo);
      expect(again.status).toBe('processed');
      expect(again.replies.map((r) => r.text).join('\n')).toMatch(/foto Kartu Keluarga/);
      expect(downloads).toBe(2);
      expect((await files()).map((f) => f._id)).toEqual([stored!._id]);
      const state = (await conversations.read('whatsapp', chatId))?.state;
      expect(state?.flow?.at).toEqual({ step: 'foto_kk' });
      expect(JSON.stringify(state?.flow)).toContain(stored!._id.toHexString());
    });
  });

  describe('a submitted application', () => {
    it("should attach the draft's files to it, so they are no longer pending", async () => {
      const jpeg = readFileSync(new URL('../fixtures/files/foto-ktp.jpg', import.meta.url));
      const owner = { channel: 'telegram' as const, chatId: '5252' };
      const put = await loket.repos.documents.put({
        bytes: jpeg,
        filename: 'ktp.jpg',
        owner,
        maxBytes: 100_000,
        allowedTypes: ['image/jpeg'],
      });
      if (!put.ok) throw new Error(`refused: ${put.reason}`);
      const msg: InboundMessage = {
        ...owner,
        messageId: 'kirim-1',
        at: new Date(),
        content: { kind: 'text', text: 'kirim' },
      };
      const events = await deps.effects.run(
        {
          kind: 'submit_application',
          draft: {
            serviceId: 'domisili',
            answers: {
              jenis: 'tinggal',
              nama: 'Rina Marlina',
              nik: '3171060101700015',
              kelurahan: 'menteng',
            },
            documents: { foto_ktp: [put.file] },
          },
          lang: 'id',
        },
        { msg, state: loket.engine.initialState('id') },
      );
      const submitted = events[0];
      if (submitted?.kind !== 'submitted') throw new Error(`not submitted: ${JSON.stringify(events)}`);
      const app = await loket.repos.applications.findByTrackingNumber(submitted.trackingNumber);
      expect(app?.documents.map((d) => d.id)).toEqual([put.file.documentId]);
      expect((await loket.repos.documents.get(put.file.documentId))?.meta.applicationId).toBe(app?.id);
      const pending = await loket.repos.documents.listOrphansBefore(new Date(Date.now() + 60_000));
      expect(pending.map((m) => m.documentId)).not.toContain(put.file.documentId);
    });
  });
});
