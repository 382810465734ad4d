import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { createLoket, type Loket } from '../../../src/main.js';
import { incoming } from './helpers.js';
import { whatsappHarness, type WhatsAppHarness } from './whatsapp-citizen.js';

const JID = '6281298760001@s.whatsapp.net';

/**
 * The replies of a saved turn on WhatsApp are never dropped: a send that fails (the socket broke,
 * the queue was full) leaves them recorded, and they go out, in order, when sending works again.
 */
describe('WhatsApp replies whose send failed (Baileys seams, real engine and database)', () => {
  let loket: Loket;
  let h: WhatsAppHarness | undefined;
  beforeAll(async () => {
    const db = `t_wa_retry_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
  });
  afterAll(async () => {
    await h?.stop();
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  it('should keep the replies of a handled message whose send failed and send them on the next pass', async () => {
    h = await whatsappHarness(loket, { start: new Date() });
    h.sock.failSends = 1;
    h.sock.deliver(incoming({ conversation: 'halo' }, { jid: JID, id: 'RETRY-1' }));
    await h.channel.idle();
    expect(h.sock.texts()).toEqual([]);
    const rows = await loket.conn.collection('outbox').find({ chatId: JID }).toArray();
    expect(rows.map((r) => String(r.status))).toEqual(['pending']);
    expect(rows[0]?.attempts).toBe(1);
    // The worker's pass once the back-off is over: the reply goes out with its recorded id.
    await loket.conn
      .collection('outbox')
      .updateMany({ chatId: JID }, { $set: { nextAttemptAt: new Date(0) } });
    await loket.outbound.pass();
    expect(h.sock.texts().join('\n')).toMatch(/Layanan apa/);
    expect((await loket.conn.collection('outbox').findOne({ chatId: JID }))?.status).toBe('sent');
  }, 30_000);
});
