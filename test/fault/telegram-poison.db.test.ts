import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TelegramChannel } from '../../src/adapters/telegram/channel.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { startHttp, type HttpServer } from '../../src/main/http.js';
import { createLoket, type Loket } from '../../src/main.js';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import { Client, PASSWORD } from '../adapters/http/http-fixture.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { FakeChat } from '../../scripts/support/fake-chat.js';
import { ATTEMPTS, PARKED, poisonedTelegram } from './poisoned-telegram.js';

const logger = createLogger('silent');
/** What the poison message says; the handler fails on it whatever the database does. */
const POISON = 'racun 3171010101900001';

/**
 * A poison update (its handler throws however often it is tried, with the database healthy) is
 * parked in the dead letters after ATTEMPTS failures: the citizen is told once to ask an
 * officer, polling moves past it, the chat's next message is answered, and the console lists
 * it without what the citizen wrote.
 */
describe('a Telegram update that fails with the database healthy', () => {
  const api = new FakeBotApi(TOKEN);
  let loket: Loket;
  let telegram: TelegramChannel;
  let http: HttpServer;
  let tried = 0;

  beforeAll(async () => {
    loket = await createLoket(loadConfig(serverEnv('tg_poison')), logger);
    const poison = {
      text: POISON,
      run: () => {
        tried++;
        return Promise.reject(new TypeError('cannot read properties of undefined'));
      },
    };
    telegram = poisonedTelegram(loket, await api.listen(), poison);
    await createOfficer(
      { ...loket.repos, now: () => new Date() },
      { username: 'sari', displayName: 'Sari', password: PASSWORD, role: 'supervisor', officeId: '31.71' },
      { kind: 'system', id: 'test' },
    );
    http = await startHttp(loket, { telegram });
    await telegram.start();
  }, 60_000);

  afterAll(async () => {
    await telegram?.stop();
    await http?.close();
    await loket?.stop();
    await api.close();
  });

  it('should park it after the attempts, tell the citizen once, and go on with the chat', async () => {
    const chat = new FakeChat(api, 9_301_234);
    await chat.turn('/start', /Layanan apa/);
    const since = chat.replies().length;
    const id = chat.say(POISON);
    await chat.reply(PARKED, since, 30_000);
    // At least the strikes: an attempt while the health probe timed out (a loaded machine) is no strike.
    expect(tried).toBeGreaterThanOrEqual(ATTEMPTS);
    const triedWhenParked = tried;
    await waitUntil('the poison update to be confirmed', () => api.confirmedOffset > id);

    // The chat goes on: its next message is answered.
    // Generous: on a loaded machine the health probe may time out, and the chat waits for it.
    await chat.turn('gmn cara bikin ktp', /Syarat KTP-el/, 50_000);
    expect(tried).toBe(triedWhenParked);
    expect(
      chat
        .replies()
        .slice(since)
        .filter((t) => PARKED.test(t)),
    ).toHaveLength(1);

    const { items } = await loket.repos.deadLetters.list({ limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      channel: 'telegram',
      messageId: String(id),
      chatId: '9301234',
      kind: 'text',
      attempts: ATTEMPTS,
      error: 'TypeError: cannot read properties of undefined',
    });
    expect(items[0]!.notifiedAt).toBeInstanceOf(Date);
    // What the citizen wrote is not kept.
    const raw = await loket.conn.collection('dead_letters').find({}).toArray();
    expect(JSON.stringify(raw)).not.toContain('3171010101900001');
    expect(JSON.stringify(raw)).not.toContain('racun');
  }, 120_000);

  it('should list it on the console page for a supervisor, chat masked, text absent', async () => {
    const client = new Client(`http://127.0.0.1:${http.port}`);
    expect((await client.login('sari')).status).toBe(303);
    const { res, html } = await client.page('/console/dead-letters');
    expect(res.status).toBe(200);
    expect(html).toContain('Pesan gagal diproses');
    expect(html).toContain('••••1234');
    expect(html).not.toContain('9301234');
    expect(html).toContain('TypeError: cannot read properties of undefined');
    expect(html).not.toContain('racun');
    const queue = await client.page('/console/queue');
    expect(queue.html).toContain('href="/console/dead-letters"');
  });
});
