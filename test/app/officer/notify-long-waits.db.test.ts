import { describe, expect, it } from '@jest/globals';
import { createMongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { notifyLongWaits } from '../../../src/app/officer/notify-long-waits.js';
import { useTestDatabase } from '../../support/db.js';
import { waitingTicket } from './handoff-fixture.js';
import { recordingPush } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('long_waits');

describe('notifyLongWaits', () => {
  it('should tell each citizen unclaimed past the wait once, with their place, and keep them queued', async () => {
    const repos = createMongoRepositories(db.conn(), testCipher);
    await repos.ensureIndexes();
    // Tuesday 4 March 2025, 09:00 WIB (02:00 UTC): the counter is open.
    const old = await waitingTicket(repos, { createdAt: new Date('2025-03-04T01:45:00.000Z') });
    const fresh = await waitingTicket(repos, { createdAt: new Date('2025-03-04T01:58:00.000Z') });
    const taken = await waitingTicket(repos, { createdAt: new Date('2025-03-04T01:30:00.000Z') });
    await repos.handoffs.claim(taken.id, 'officer-1', new Date('2025-03-04T01:40:00.000Z'));
    const push = recordingPush();
    const deps = {
      handoffs: repos.handoffs,
      push,
      now: () => new Date('2025-03-04T02:00:00.000Z'),
      holidays: [],
      waitMs: 10 * 60_000,
    };

    // Two processes at once: the citizen hears it once.
    const told = await Promise.all([notifyLongWaits(deps), notifyLongWaits(deps)]);
    expect(told[0] + told[1]).toBe(1);
    expect(push.calls).toEqual([
      {
        address: { channel: 'telegram', chatId: old.chatId },
        event: { kind: 'handoff_waiting', position: 1, waitedMinutes: 15, officeOpenNow: true },
      },
    ]);
    expect(await notifyLongWaits(deps)).toBe(0);
    expect((await repos.handoffs.get(old.id))?.status).toBe('waiting');
    expect((await repos.handoffs.listWaiting()).map((t) => t.id)).toEqual([old.id, fresh.id]);

    // After hours (18:00 WIB), the next one hears when the counter opens again.
    const evening = { ...deps, now: () => new Date('2025-03-04T11:00:00.000Z') };
    expect(await notifyLongWaits(evening)).toBe(1);
    expect(push.calls[1]).toEqual({
      address: { channel: 'telegram', chatId: fresh.chatId },
      event: {
        kind: 'handoff_waiting',
        position: 2,
        waitedMinutes: 542,
        officeOpenNow: false,
        nextOpening: '2025-03-05T01:00:00.000Z',
      },
    });
  });
});
