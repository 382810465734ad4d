import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoLeases } from '../../../src/adapters/mongo/mongo-lease.js';
import { createMongoWhatsAppAuthStore } from '../../../src/adapters/mongo/whatsapp-auth-store.js';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../../src/adapters/whatsapp/channel.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { useTestDatabase } from '../../support/db.js';
import { fakeSockets, silentLogger, waitFor } from './helpers.js';

const db = useTestDatabase('wa_lease');
const TTL = 600;

/** Two Loket processes on one database, each with its own lease and auth-store objects. */
describe('one WhatsApp number, two processes (lease on the real database)', () => {
  const channels: WhatsAppChannel[] = [];
  beforeAll(async () => {
    await createMongoLeases(db.conn()).ensureIndexes();
    await createMongoWhatsAppAuthStore(db.conn(), 'default').ensureIndexes();
  });
  afterAll(async () => {
    for (const c of channels) await c.stop();
  });

  function process(holder: string, leases: LeaseRepository = createMongoLeases(db.conn())) {
    const sockets = fakeSockets();
    const channel = createWhatsAppChannel({
      handleInbound: () => Promise.resolve({ status: 'processed', replies: [] }),
      logger: silentLogger,
      store: createMongoWhatsAppAuthStore(db.conn(), 'default'),
      leases,
      holder,
      socketFactory: sockets.factory,
      leaseTtlMs: TTL,
      printQr: () => undefined,
    });
    channels.push(channel);
    return { channel, sockets };
  }

  it('should let the second process stand by, then take over when the first stalls, and the first step down', async () => {
    // Process A's renewals can be stalled, as a frozen or partitioned process would be.
    const real = createMongoLeases(db.conn());
    let stalled = false;
    const stallable: LeaseRepository = {
      acquire: (...a) => real.acquire(...a),
      renew: (...a) => (stalled ? Promise.reject(new Error('database unreachable')) : real.renew(...a)),
      release: (...a) => real.release(...a),
      current: (...a) => real.current(...a),
    };
    const a = process('server-a', stallable);
    const b = process('server-b');
    await a.channel.start();
    a.sockets.last().open();
    await b.channel.start();
    expect(b.sockets.sockets).toHaveLength(0);
    expect(b.channel.session.status()).toMatchObject({ state: 'standby', leaseHolder: 'server-a' });
    // Only the holder with an open socket takes WhatsApp rows from the outbox.
    expect([a.channel.sender.ready?.(), b.channel.sender.ready?.()]).toEqual([true, false]);

    // Renewing keeps it: after several TTLs B still stands by.
    await new Promise((resolve) => setTimeout(resolve, TTL * 2));
    expect(b.sockets.sockets).toHaveLength(0);
    expect(a.channel.session.status().state).toBe('open');

    stalled = true;
    await waitFor(() => b.sockets.sockets.length === 1, 5000);
    expect((await real.current('whatsapp:default'))?.holder).toBe('server-b');
    b.sockets.last().open();

    // A comes back, learns on its next renewal that the number is B's, and closes its socket.
    stalled = false;
    await waitFor(() => a.sockets.last().ended, 5000);
    expect(a.channel.session.status()).toMatchObject({
      state: 'standby',
      leaseHolder: 'server-b',
      leaseOurs: false,
    });
    expect(b.channel.session.status()).toMatchObject({ state: 'open', leaseOurs: true });
    expect([a.channel.sender.ready?.(), b.channel.sender.ready?.()]).toEqual([false, true]);
  }, 20_000);

  it('should hand the number over at once on a clean shutdown', async () => {
    const [a, b] = channels;
    await a!.stop(); // A stands by: out of the way, so the handover below goes to C
    const c = process('server-c');
    await c.channel.start();
    expect(c.sockets.sockets).toHaveLength(0);
    expect(c.channel.session.status().leaseHolder).toBe('server-b');
    await b!.stop();
    await waitFor(() => c.sockets.sockets.length === 1, 5000);
    expect(c.channel.session.status().leaseHolder).toBe('server-c');
  }, 20_000);
});
