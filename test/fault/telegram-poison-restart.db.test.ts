import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TelegramChannel } from '../../src/adapters/telegram/channel.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type Loket } from '../../src/main.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { FakeChat } from '../../scripts/support/fake-chat.js';
import { ATTEMPTS, PARKED, poisonedTelegram } from './poisoned-telegram.js';

const logger = createLogger('silent');
/** The message whose handler never returns (as if it ran the process out of memory or hung). */
const HANG = 'macet 3171010101900002';

/** One process: a Loket and its polling Telegram channel, on the shared database and fake Bot API. */
interface Generation {
  loket: Loket;
  telegram: TelegramChannel;
}

/**
 * An update that never finishes being handled is never confirmed, so every restart fetches it
 * again: without a durable count it would hang (or crash) every new process, holding back its
 * chat for good. Each try is recorded before it runs, so after ATTEMPTS restarts the next
 * process parks it without running it, tells the citizen once, and the chat goes on.
 */
describe('a Telegram update whose handler never returns, across restarts', () => {
  const api = new FakeBotApi(TOKEN);
  let env: Record<string, string>;
  let apiRoot: string;
  const running: Generation[] = [];
  let tried = 0;

  const startGeneration = async (): Promise<Generation> => {
    const loket = await createLoket(loadConfig(env), logger);
    const hang = {
      text: HANG,
      run: () => {
        tried++;
        return new Promise<never>(() => undefined);
      },
    };
    const telegram = poisonedTelegram(loket, apiRoot, hang, { drainTimeoutMs: 100 });
    await telegram.start();
    const g = { loket, telegram };
    running.push(g);
    return g;
  };
  /** The process stops (the hung handler stays hung: only a restart ends it). */
  const stopGeneration = async (g: Generation) => {
    running.splice(running.indexOf(g), 1);
    await g.telegram.stop();
    await g.loket.stop();
  };

  beforeAll(async () => {
    env = serverEnv('tg_poison_restart');
    apiRoot = await api.listen();
  });

  afterAll(async () => {
    for (const g of [...running]) await stopGeneration(g);
    await api.close();
  });

  it('should park it after the attempts, without running it again, and go on with the chat', async () => {
    const chat = new FakeChat(api, 9_401_001);
    const other = new FakeChat(api, 9_401_002);
    let g = await startGeneration();
    await chat.turn('/start', /Layanan apa/);
    const since = chat.replies().length;
    const id = chat.say(HANG);
    await waitUntil('the first try', () => tried === 1);
    // Other chats are not held back by the hung one.
    await other.turn('/start', /Layanan apa/);

    for (let n = 2; n <= ATTEMPTS; n++) {
      await stopGeneration(g);
      expect(api.confirmedOffset).toBeLessThanOrEqual(id);
      g = await startGeneration();
      await waitUntil(`try ${n} after a restart`, () => tried === n);
    }
    await stopGeneration(g);
    g = await startGeneration();

    await chat.reply(PARKED, since, 30_000);
    await waitUntil('the hung update to be confirmed', () => api.confirmedOffset > id);
    expect(tried).toBe(ATTEMPTS);
    await chat.turn('gmn cara bikin ktp', /Syarat KTP-el/, 50_000);
    expect(tried).toBe(ATTEMPTS);
    expect(
      chat
        .replies()
        .slice(since)
        .filter((t) => PARKED.test(t)),
    ).toHaveLength(1);

    const { items } = await g.loket.repos.deadLetters.list({ limit: 10 });
    expect(items).toEqual([
      expect.objectContaining({
        channel: 'telegram',
        messageId: String(id),
        chatId: '9401001',
        kind: 'text',
        attempts: ATTEMPTS,
        error: expect.stringMatching(/^Unfinished: /),
      }),
    ]);
    // The parked update's tries are kept (a redelivery is parked at once), the handled ones
    // forgotten; keyed by a digest of the update id: no chat, nothing the citizen wrote.
    const rows = g.loket.conn.collection('inbound_attempts');
    await waitUntil('the handled updates to be forgotten', async () => (await rows.countDocuments()) === 1);
    const raw = await rows.find({}).toArray();
    expect(raw[0]).toMatchObject({ channel: 'telegram' });
    // At least the tries that ran plus the one that parked it; a loaded machine may fetch the
    // parked update once more before its offset is confirmed, which is parked again unrun.
    expect(raw[0]!.attempts).toBeGreaterThanOrEqual(ATTEMPTS + 1);
    expect(JSON.stringify(raw)).not.toContain('9401001');
    expect(JSON.stringify(raw)).not.toContain('3171010101900002');
  }, 180_000);
});
