import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMongoLeases } from '../../../src/adapters/mongo/mongo-lease.js';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { createOutbound } from '../../../src/app/outbound/outbound.js';
import { sendLane, type Settled } from '../../../src/app/outbound/send-lane.js';
import { reconcileTurns } from '../../../src/app/outbound/turn-rows.js';
import type { Channel } from '../../../src/domain/application.js';
import type { Reply } from '../../../src/dialogue/types.js';
import type { ChannelSender, SendResult } from '../../../src/ports/channel-sender.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import type { NewOutboxItem } from '../../../src/ports/outbox.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('outbound');
let repos: MongoRepositories;
let leases: LeaseRepository;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  leases = createMongoLeases(db.conn());
});

beforeEach(async () => {
  await Promise.all(['outbox', 'leases', 'conversations'].map((c) => db.conn().collection(c).deleteMany({})));
});

const clock = { now: new Date('2025-03-04T03:00:00.000Z') };

/** A sender that answers from a script and records what it sent, with the message id it was given. */
function sender(answers: Array<SendResult | Error> = []) {
  const sent: Array<{ chatId: string; text: string; messageId?: string }> = [];
  const s: ChannelSender = {
    channel: 'telegram',
    async send(chatId, replies, options) {
      await Promise.resolve();
      const next = answers.shift() ?? { ok: true };
      if (next instanceof Error) throw next;
      if (next.ok)
        for (const r of replies) sent.push({ chatId, text: r.text, messageId: options?.messageId });
      return next;
    },
  };
  return { s, sent };
}

function outboundWith(s: ChannelSender, extra: { settled?: Settled[]; workerId?: string } = {}) {
  return createOutbound({
    outbox: repos.outbox,
    leases,
    senders: new Map<Channel, ChannelSender>([['telegram', s]]),
    workerId: extra.workerId ?? 'test-worker',
    now: () => clock.now,
    baseBackoffMs: 1000,
    maxAttempts: 3,
    onSettled: (_item, settled) => {
      extra.settled?.push(settled);
      return Promise.resolve();
    },
  });
}

const row = (key: string, i: number, chatId = '5550001'): NewOutboxItem => ({
  key,
  channel: 'telegram',
  chatId,
  reply: { kind: 'text', text: key },
  order: clock.now.getTime() * 100 + i,
  createdAt: clock.now,
});

describe('the outbound path', () => {
  it("should send a chat's messages in order, each named by its record", async () => {
    const { s, sent } = sender();
    await outboundWith(s).deliver([row('r:2', 2), row('r:1', 1), row('r:3', 3)]);
    expect(sent.map((m) => m.text)).toEqual(['r:1', 'r:2', 'r:3']);
    expect(sent.map((m) => m.messageId)).toEqual(['r:1', 'r:2', 'r:3']);
    expect((await repos.outbox.get('r:3'))?.status).toBe('sent');
  });

  it('should keep a message whose send failed and retry it later, the later ones waiting behind it', async () => {
    const { s, sent } = sender([{ ok: false, reason: 'retry', error: 'socket closed' }]);
    const out = outboundWith(s);
    await out.deliver([row('w:1', 1), row('w:2', 2)]);
    expect(sent).toEqual([]);
    expect(await repos.outbox.get('w:2')).toMatchObject({ status: 'pending', attempts: 0 });
    // Not due yet: nothing goes out of order meanwhile.
    await out.pass();
    expect(sent).toEqual([]);
    clock.now = new Date(clock.now.getTime() + 1000);
    await out.pass();
    expect(sent.map((m) => m.text)).toEqual(['w:1', 'w:2']);
  });

  it('should mark a message failed after its last attempt, report it, and go on with the next', async () => {
    const fail: SendResult = { ok: false, reason: 'retry', error: 'timeout' };
    const { s, sent } = sender([fail, fail, fail]);
    const settled: Settled[] = [];
    const out = outboundWith(s, { settled });
    await out.deliver([row('f:1', 1), row('f:2', 2)]);
    for (let i = 0; i < 3; i++) {
      clock.now = new Date(clock.now.getTime() + 10_000);
      await out.pass();
    }
    expect(await repos.outbox.get('f:1')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'timeout',
    });
    expect(sent.map((m) => m.text)).toEqual(['f:2']);
    expect(settled.map((x) => x.state)).toEqual(['failed', 'sent']);
  });

  it('should send again a message left sending by a process that died, once its lane lapsed', async () => {
    await repos.outbox.enqueue([row('d:1', 1)]);
    // The dead process: it took the lane and marked the row, then nothing.
    await leases.acquire('outbox:telegram:5550001', 'dead', 60_000, clock.now);
    await repos.outbox.markSending('d:1', new Date(clock.now.getTime() + 60_000));
    const { s, sent } = sender();
    const out = outboundWith(s);
    await out.pass();
    expect(sent).toEqual([]);
    clock.now = new Date(clock.now.getTime() + 61_000);
    await out.pass();
    expect(sent.map((m) => m.text)).toEqual(['d:1']);
    expect(await repos.outbox.get('d:1')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('should not send a message again while an earlier run of its lane in this process is still sending it', async () => {
    // A run stalls mid-send (the database froze under markSent, say) past the point where the
    // next run of the lane stops waiting for it; both hold the lease as the same process.
    let release!: () => void;
    const stalled = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    let calls = 0;
    const slow: ChannelSender = {
      channel: 'telegram',
      async send(_chatId, replies) {
        if (calls++ === 0) await stalled;
        for (const r of replies) sent.push(r.text);
        return { ok: true };
      },
    };
    const deps = {
      outbox: repos.outbox,
      leases,
      senders: new Map<Channel, ChannelSender>([['telegram', slow]]),
      workerId: 'test-worker',
      now: () => clock.now,
    };
    await repos.outbox.enqueue([row('s:1', 1)]);
    const lane = { channel: 'telegram' as const, chatId: '5550001' };
    const first = sendLane(deps, lane);
    while (calls === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await sendLane(deps, lane)).toMatchObject({ sent: 0 });
    release();
    expect(await first).toMatchObject({ sent: 1 });
    expect(sent).toEqual(['s:1']);
  });

  it('should call a lane with nothing left done, and one another process holds busy', async () => {
    const { s } = sender();
    const out = outboundWith(s);
    const lane = { channel: 'telegram' as const, chatId: '5550009' };
    expect(await out.flush(lane)).toMatchObject({ busy: false, sent: 0 });
    await leases.acquire('outbox:telegram:5550009', 'other', 60_000, clock.now);
    expect(await out.flush(lane)).toMatchObject({ busy: true, sent: 0 });
  });

  it('should leave the rows of a channel it has no sender for to a process that has one', async () => {
    await repos.outbox.enqueue([{ ...row('wa:1', 1), channel: 'whatsapp' }]);
    const { s } = sender();
    await outboundWith(s).pass();
    expect(await repos.outbox.get('wa:1')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('should fail a file row at once on a channel without files, the lane going on', async () => {
    const { s, sent } = sender();
    const file = { kind: 'document' as const, documentId: 'x', filename: 'formulir.pdf' };
    const settled: Settled[] = [];
    await outboundWith(s, { settled }).deliver([
      { key: 'file:1', channel: 'telegram', chatId: '5550001', file, order: 1, createdAt: clock.now },
      row('after:2', 2),
    ]);
    expect(await repos.outbox.get('file:1')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'no file sending on telegram',
    });
    expect(sent.map((m) => m.text)).toEqual(['after:2']);
    expect(settled.map((x) => x.state)).toEqual(['failed', 'sent']);
  });

  it('should record and send the replies of a turn saved just before its process died', async () => {
    const replies: Reply[] = [
      { kind: 'text', text: 'Permohonan diterima.' },
      { kind: 'text', text: 'Nomor: PTSP-2503-X' },
    ];
    await repos.conversations.write('telegram', '42', { v: 1 } as never, null, 'update-7', ['update-7'], {
      at: clock.now,
      replies,
    });
    const { s, sent } = sender();
    const out = outboundWith(s);
    const deps = { conversations: repos.conversations, outbound: out, now: () => clock.now };
    expect(await reconcileTurns(deps)).toBe(2);
    expect(sent.map((m) => m.text)).toEqual(['Permohonan diterima.', 'Nomor: PTSP-2503-X']);
    expect(await reconcileTurns(deps)).toBe(0);
    expect(sent).toHaveLength(2);
  });
});
