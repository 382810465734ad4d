import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeHandleInbound } from '../../src/app/handle-inbound.js';
import type { HandleInbound, InboundMessage } from '../../src/app/inbound.js';
import { makeEffectRunner } from '../../src/app/run-effects.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type Loket } from '../../src/main.js';
import { serverEnv } from '../support/db.js';

const LEASE_MS = 60_000;

describe('handleInbound', () => {
  let loket: Loket;
  /** The real use case on the real database, its lease clock in the test's hand. */
  let handle: HandleInbound;
  const clock = { now: new Date() };

  beforeAll(async () => {
    loket = await createLoket(loadConfig(serverEnv('handle_inbound')), createLogger('silent'));
    const logger = createLogger('silent');
    handle = makeHandleInbound({
      engine: loket.engine,
      understand: (text) => loket.nlu.understand(text),
      conversations: loket.repos.conversations,
      inbound: loket.repos.inbound,
      documents: loket.repos.documents,
      effects: makeEffectRunner({
        catalog: loket.catalog,
        applications: loket.repos.applications,
        events: loket.repos.events,
        handoffs: loket.repos.handoffs,
        documents: loket.repos.documents,
        logger,
        trackingPrefix: 'PTSP',
        holidays: [],
      }),
      logger,
      uploadMaxBytes: 100_000,
      allowedTypes: ['image/jpeg'],
      leaseMs: LEASE_MS,
      now: () => clock.now,
    });
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
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
        content: { kind: 'text', text: 'halo' },
      };
      expect(await loket.repos.inbound.claim('telegram', 'crashed-1', LEASE_MS, t0)).toBe('claimed');

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
});
