import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { incoming } from './helpers.js';
import { whatsappHarness, type WhatsAppHarness } from './whatsapp-citizen.js';

const JID = '6281298765432@s.whatsapp.net';

/**
 * A restart over the real use case and database: the messages Baileys delivers on reconnect
 * (`append`) are answered unless a process before this one handled them already.
 */
describe('WhatsApp messages delivered on reconnect (Baileys seams, real engine and database)', () => {
  let loket: Loket;
  const harnesses: WhatsAppHarness[] = [];
  beforeAll(async () => {
    const db = `t_wa_offline_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
  });
  afterAll(async () => {
    for (const h of harnesses) await h.stop();
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  const message = (text: string, id: string, ageSeconds: number) => {
    const m = incoming({ conversation: text }, { jid: JID, id });
    m.messageTimestamp = Math.floor(Date.now() / 1000) - ageSeconds;
    return m;
  };

  it('should answer what came while Loket was down, and not a message the process before it handled', async () => {
    const before = await whatsappHarness(loket, { start: new Date() });
    harnesses.push(before);
    const first = message('halo', 'RESTART-1', 120);
    before.sock.deliver(first);
    await before.channel.idle();
    expect(before.sock.texts().length).toBeGreaterThan(0);
    await before.stop();
    harnesses.pop();

    // The next process: the phone's server hands over what it kept, the handled message among it.
    const after = await whatsappHarness(loket, { start: new Date() });
    harnesses.push(after);
    after.sock.deliverOffline(first);
    await after.channel.idle();
    expect(after.sock.texts()).toEqual([]);

    after.sock.deliverOffline(message('halo, apakah ada orang?', 'RESTART-2', 60));
    await after.channel.idle();
    const answered = after.sock.texts();
    expect(answered.length).toBeGreaterThan(0);
    // Delivered once more as a live message: already answered, not again.
    after.sock.deliver(message('halo, apakah ada orang?', 'RESTART-2', 60));
    await after.channel.idle();
    expect(after.sock.texts()).toEqual(answered);
  }, 30_000);
});
