import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import {
  createCloudChannel,
  type CloudChannel,
  type CloudChannelOptions,
} from '../../../src/adapters/whatsapp-cloud/channel.js';
import type { HandleInbound, InboundMessage } from '../../../src/app/inbound.js';
import { makeInboundQueueWorker, type InboundQueueWorker } from '../../../src/app/inbound-queue.js';
import { createLogger } from '../../../src/config/logger.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import type { NewOutboxItem } from '../../../src/ports/outbox.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';
import { postSignedWebhook } from '../../support/cloud-webhook.js';
import { FakeGraphApi } from '../../support/fake-graph-api.js';
import { scanRawCollections } from '../../support/raw-scan.js';

const TOKEN = 'EAAGfakeCloudToken1234567890';
const PHONE_ID = '106540352242922';
const SECRET = 'appsecret0123456789abcdef';
const logger = createLogger('silent');
const db = useTestDatabase('cloud_queue');

/** A webhook call as Meta posts it: one text message. */
function textCall(from: string, id: string, text: string): Buffer {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { phone_number_id: PHONE_ID },
    contacts: [{ profile: { name: 'Siti' }, wa_id: from }],
    messages: [
      { from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } },
    ],
  };
  return Buffer.from(
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: 'w', changes: [{ field: 'messages', value }] }],
    }),
  );
}

async function waitUntil(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Posts a signed body to the channel's handler; answers the status it was given. */
const post = (channel: CloudChannel, raw: Buffer): Promise<number> => postSignedWebhook(channel, SECRET, raw);

describe('WhatsApp Cloud API webhook: stored first, handled by the leased worker', () => {
  const graph = new FakeGraphApi(TOKEN, PHONE_ID);
  let repos: MongoRepositories;
  let leases: LeaseRepository;
  let root = '';
  const handled: InboundMessage[] = [];
  const delivered: NewOutboxItem[] = [];
  let handleInbound: HandleInbound = (msg) => {
    handled.push(msg);
    return Promise.resolve({ status: 'processed', replies: [] });
  };
  let healthy = true;

  const channelWith = (enqueue: CloudChannelOptions['enqueue']) =>
    createCloudChannel({
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      appSecret: SECRET,
      verifyToken: 'verify-token-of-the-office',
      apiRoot: root,
      handleInbound: (msg) => handleInbound(msg),
      logger,
      downloadTimeoutMs: 2000,
      enqueue,
      deliver: (items) => {
        delivered.push(...items);
        return Promise.resolve();
      },
      chats: repos.cloudChats,
    });
  const workerOf = (channel: CloudChannel, holder: string, laneLeaseMs?: number): InboundQueueWorker =>
    makeInboundQueueWorker(
      {
        queue: repos.inboundQueue,
        leases,
        deadLetters: repos.deadLetters,
        attempts: repos.inboundAttempts,
        ...(laneLeaseMs ? { laneLeaseMs } : {}),
        deliver: (items) => {
          delivered.push(...items);
          return Promise.resolve();
        },
        databaseHealthy: () => Promise.resolve(healthy),
        holder,
        now: () => new Date(),
        logger,
        maxAttempts: 3,
        baseBackoffMs: 0,
        maxBackoffMs: 0,
      },
      channel.queueHandler,
    );
  let channel: CloudChannel;
  let worker: InboundQueueWorker;
  const queued = () => db.conn().collection('inbound_queue').countDocuments({});

  beforeAll(async () => {
    root = await graph.listen();
    ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
    channel = channelWith((items) => repos.inboundQueue.add(items, new Date()).then(() => undefined));
    worker = workerOf(channel, 'process-a');
  });
  afterAll(() => graph.close());

  it('should answer 200 once the call is stored, before the message is handled, and handle it later', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    handleInbound = async (msg) => {
      started.push(msg.messageId);
      await held;
      handled.push(msg);
      return { status: 'processed', replies: [] };
    };
    expect(await post(channel, textCall('6281200007001', 'wamid.q1', 'halo rahasia'))).toBe(200);
    expect(started).toHaveLength(0);
    expect(await queued()).toBe(1);
    // The payload holds the citizen's number and words: sealed at rest, the lane a digest.
    expect(await scanRawCollections(db.conn(), ['6281200007001', 'halo rahasia'])).toEqual([]);
    const pass = worker.pass();
    await waitUntil(() => started.length === 1);
    expect(handled).toHaveLength(0);
    release();
    expect(await pass).toEqual({ done: 1, retried: 0, parked: 0 });
    expect(handled.map((m) => [m.chatId, m.messageId, m.content])).toEqual([
      ['6281200007001', 'wamid.q1', { kind: 'text', text: 'halo rahasia' }],
    ]);
    expect(await queued()).toBe(0);
    // The message opened the number's 24-hour window.
    expect((await repos.cloudChats.marks('6281200007001')).lastInboundAt).toBeInstanceOf(Date);
    handleInbound = (msg) => {
      handled.push(msg);
      return Promise.resolve({ status: 'processed', replies: [] });
    };
  });

  it('should answer 500 when the call cannot be stored, so Meta delivers it again', async () => {
    const failing = channelWith(() => Promise.reject(new Error('database unavailable')));
    expect(await post(failing, textCall('6281200007002', 'wamid.q2', 'halo'))).toBe(500);
    expect(await queued()).toBe(0);
  });

  it('should store a repeated delivery once and handle it once, whichever of two processes takes the lane', async () => {
    handled.length = 0;
    const call = textCall('6281200007003', 'wamid.q3', 'halo');
    expect(await post(channel, call)).toBe(200);
    expect(await post(channel, call)).toBe(200);
    expect(await queued()).toBe(1);
    const other = workerOf(channel, 'process-b');
    await Promise.all([worker.pass(), other.pass(), worker.pass()]);
    expect(handled.map((m) => m.messageId)).toEqual(['wamid.q3']);
    expect(await queued()).toBe(0);
  });

  it('should retry a failing message uncounted while the database is away, then park it and tell the citizen once', async () => {
    handleInbound = () => Promise.reject(new Error('TypeError: engine broke'));
    expect(await post(channel, textCall('6281200007004', 'wamid.q4', 'halo'))).toBe(200);
    healthy = false;
    for (let i = 0; i < 4; i++) await worker.pass();
    const [row] = await db.conn().collection('inbound_queue').find({}).toArray();
    expect(row).toMatchObject({ attempts: 0 });
    healthy = true;
    const reports = [];
    for (let i = 0; i < 3; i++) reports.push(await worker.pass());
    expect(reports.map((r) => r.parked)).toEqual([0, 0, 1]);
    expect(await queued()).toBe(0);
    const letters = await repos.deadLetters.list({ limit: 10 });
    expect(letters.items[0]).toMatchObject({
      channel: 'wa_cloud',
      messageId: 'wamid.q4',
      chatId: '6281200007004',
      kind: 'text',
      attempts: 3,
      notifiedAt: expect.any(Date),
    });
    expect(delivered).toEqual([
      expect.objectContaining({
        key: 'wa-cloud-parked:wamid.q4',
        channel: 'wa_cloud',
        chatId: '6281200007004',
        reply: { kind: 'text', text: expect.stringMatching(/petugas[\s\S]*officer/) },
      }),
    ]);
  });

  it('should put a kind answer to a reaction on the outbound path, keyed by its wamid', async () => {
    delivered.length = 0;
    const value = {
      messaging_product: 'whatsapp',
      metadata: { phone_number_id: PHONE_ID },
      messages: [
        {
          from: '6281200007005',
          id: 'wamid.q5',
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'reaction',
          reaction: { message_id: 'wamid.x', emoji: '👍' },
        },
      ],
    };
    const raw = Buffer.from(JSON.stringify({ entry: [{ changes: [{ value }] }] }));
    expect(await post(channel, raw)).toBe(200);
    await worker.pass();
    expect(delivered).toEqual([
      expect.objectContaining({
        key: 'wa-cloud-reaction:wamid.q5',
        channel: 'wa_cloud',
        chatId: '6281200007005',
      }),
    ]);
    expect(graph.sent).toHaveLength(0);
  });

  it('should forget items never handled once past their retention', async () => {
    expect(await post(channel, textCall('6281200007006', 'wamid.q6', 'halo'))).toBe(200);
    expect(await repos.inboundQueue.purgeReceivedBefore(new Date(Date.now() - 60_000))).toBe(0);
    expect(await repos.inboundQueue.purgeReceivedBefore(new Date(Date.now() + 60_000))).toBe(1);
    expect(await queued()).toBe(0);
  });

  it('should park a message whose handling never finishes once that many processes took it, without handling it again', async () => {
    delivered.length = 0;
    let started = 0;
    handleInbound = () => {
      started++;
      return new Promise(() => undefined);
    };
    expect(await post(channel, textCall('6281200007007', 'wamid.q7', 'halo'))).toBe(200);
    // Each process hangs on it (or dies of it): its lane lease lapses and the next one takes it.
    for (let n = 1; n <= 3; n++) {
      void workerOf(channel, `hung-${n}`, 50).pass();
      await waitUntil(() => started === n);
      expect(started).toBe(n);
      await new Promise((r) => setTimeout(r, 80));
    }
    expect(await workerOf(channel, 'process-c', 50).pass()).toEqual({ done: 0, retried: 0, parked: 1 });
    expect(started).toBe(3);
    expect(await queued()).toBe(0);
    const letters = await repos.deadLetters.list({ limit: 10 });
    expect(letters.items.find((l) => l.messageId === 'wamid.q7')).toMatchObject({
      channel: 'wa_cloud',
      attempts: 3,
      error: expect.stringMatching(/^Unfinished: /),
    });
    expect(delivered).toEqual([expect.objectContaining({ key: 'wa-cloud-parked:wamid.q7' })]);
    handleInbound = (msg) => {
      handled.push(msg);
      return Promise.resolve({ status: 'processed', replies: [] });
    };
  });
});
