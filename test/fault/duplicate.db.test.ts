import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../src/adapters/whatsapp/channel.js';
import type { Channel } from '../../src/domain/application.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, start, type Loket, type Running } from '../../src/main.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import {
  MemoryAuthStore,
  MemoryLeases,
  fakeSockets,
  incoming,
  type FakeSocket,
} from '../adapters/whatsapp/helpers.js';
import { TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { FakeChat } from '../../scripts/support/fake-chat.js';

const logger = createLogger('silent');
const SECRET = 'rahasia-webhook-1234567890';
const FIRST_MESSAGE = 'gmn cara bikin ktp';

/** The stored conversation's version: 1 means exactly one turn changed it. */
async function version(loket: Loket, channel: Channel, chatId: string): Promise<number | undefined> {
  return (await loket.repos.conversations.read(channel, chatId))?.version;
}

/**
 * The same Telegram update delivered again (in sequence, at once to one process, at once to two
 * processes behind a load balancer) changes the conversation once and is answered once: the
 * replies are exactly those of a chat that got the update a single time.
 */
describe('a Telegram update delivered twice to the webhook', () => {
  const api = new FakeBotApi(TOKEN);
  const servers: Running[] = [];

  beforeAll(async () => {
    const env = serverEnv('fault_dup_tg', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: await api.listen(),
      TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    // Two server processes on one database, as behind a load balancer.
    servers.push(await start(loadConfig(env), logger));
    servers.push(await start(loadConfig(env), logger));
  }, 60_000);

  afterAll(async () => {
    await servers[0]?.conn.dropDatabase().catch(() => undefined);
    for (const s of servers) await s.stop();
    await api.close();
  });

  let nextUpdateId = 70_000;
  /** Posts an update to server `i` as Telegram would; resolves with the HTTP status. */
  const post = async (i: number, update: object): Promise<number> => {
    const res = await fetch(`http://127.0.0.1:${servers[i]!.port}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.status;
  };
  /** Telegram retries a webhook call until it gets 200. */
  const deliverUntilOk = async (i: number, update: object): Promise<void> => {
    await waitUntil('the webhook to answer 200', async () => (await post(i, update)) === 200, 30_000, 200);
  };
  const chatFor = (chatId: number) => {
    const chat = new FakeChat(api, chatId);
    return { chat, update: chat.textUpdate(++nextUpdateId, FIRST_MESSAGE) };
  };

  let once: string[] = [];
  it('should answer an update delivered once (the reference)', async () => {
    const { chat, update } = chatFor(7001);
    expect(await post(0, update)).toBe(200);
    once = chat.replies();
    expect(once.join('\n')).toMatch(/Syarat KTP-el/);
    expect(await version(servers[0]!.loket, 'telegram', '7001')).toBe(1);
  });

  it('should change nothing and say nothing for the same update again, to either process', async () => {
    const { chat, update } = chatFor(7002);
    expect(await post(0, update)).toBe(200);
    expect(await post(0, update)).toBe(200);
    expect(await post(1, update)).toBe(200);
    expect(chat.replies()).toEqual(once);
    expect(await version(servers[0]!.loket, 'telegram', '7002')).toBe(1);
  });

  it('should handle the same update posted twice at once to one process once', async () => {
    const { chat, update } = chatFor(7003);
    const statuses = await Promise.all([post(0, update), post(0, update)]);
    // One process orders a chat's updates: the second waits and finds it done.
    expect(statuses).toEqual([200, 200]);
    expect(chat.replies()).toEqual(once);
    expect(await version(servers[0]!.loket, 'telegram', '7003')).toBe(1);
  });

  it('should handle the same update posted at once to two processes once; the loser answers 503 until done', async () => {
    const { chat, update } = chatFor(7004);
    const statuses = await Promise.all([post(0, update), post(1, update)]);
    expect(statuses).toContain(200);
    for (const s of statuses) expect([200, 503]).toContain(s);
    for (const [i, s] of statuses.entries()) if (s !== 200) await deliverUntilOk(i, update);
    expect(chat.replies()).toEqual(once);
    expect(await version(servers[1]!.loket, 'telegram', '7004')).toBe(1);
  });
});

/**
 * The same WhatsApp message id through the WhatsApp inbound path (fake Baileys socket, real use
 * case and database): twice at once to one process, and at once to two processes that both
 * believe they own the number (a handover whose old owner has not noticed yet).
 */
describe('a WhatsApp message delivered twice', () => {
  const lokets: Loket[] = [];
  const channels: WhatsAppChannel[] = [];
  const socks: FakeSocket[] = [];

  beforeAll(async () => {
    const config = loadConfig(serverEnv('fault_dup_wa'));
    for (let i = 0; i < 2; i++) {
      const loket = await createLoket(config, logger);
      const sockets = fakeSockets();
      const channel = createWhatsAppChannel({
        handleInbound: loket.handleInbound,
        logger,
        store: new MemoryAuthStore(),
        // Each its own lease table: both hold the number, as in a handover split brain.
        leases: new MemoryLeases(),
        socketFactory: sockets.factory,
        sendIntervalMs: 0,
        sendJitterMs: 0,
        // A busy message is tried again after these; generous, so a slow machine is not "failed".
        retryDelaysMs: [250, 1000, 4000, 8000],
        printQr: () => undefined,
      });
      // As the composition root does: the outbound path sends this chat's replies through it.
      loket.senders.set('whatsapp', channel.sender);
      await channel.start();
      const sock = sockets.last();
      sock.open();
      lokets.push(loket);
      channels.push(channel);
      socks.push(sock);
    }
  }, 60_000);

  afterAll(async () => {
    for (const c of channels) await c.stop();
    await lokets[0]?.conn.dropDatabase().catch(() => undefined);
    for (const l of lokets) await l.stop();
  });

  const jid = (n: number) => `62812000070${n.toString().padStart(2, '0')}@s.whatsapp.net`;
  const textsTo = (j: string) => socks.flatMap((s) => s.sent.filter((m) => m.jid === j).map((m) => m.text));
  const idle = () => Promise.all(channels.map((c) => c.idle()));

  let once: string[] = [];
  it('should answer a message delivered once (the reference)', async () => {
    socks[0]!.deliver(incoming({ conversation: FIRST_MESSAGE }, { jid: jid(1) }));
    await idle();
    once = textsTo(jid(1));
    expect(once.join('\n')).toMatch(/Syarat KTP-el/);
    expect(await version(lokets[0]!, 'whatsapp', jid(1))).toBe(1);
  });

  it('should handle one message id delivered twice at once to one process once', async () => {
    const m = incoming({ conversation: FIRST_MESSAGE }, { jid: jid(2) });
    socks[0]!.deliver(m);
    socks[0]!.deliver(m);
    await idle();
    expect(textsTo(jid(2))).toEqual(once);
    expect(await version(lokets[0]!, 'whatsapp', jid(2))).toBe(1);
  });

  it('should handle one message id delivered at once to two processes once, without a "try again"', async () => {
    const m = incoming({ conversation: FIRST_MESSAGE }, { jid: jid(3) });
    socks[0]!.deliver(m);
    socks[1]!.deliver(m);
    await idle();
    expect(textsTo(jid(3))).toEqual(once);
    expect(await version(lokets[1]!, 'whatsapp', jid(3))).toBe(1);
  });
});
