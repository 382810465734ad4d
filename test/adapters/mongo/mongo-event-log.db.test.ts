import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { NewEvent } from '../../../src/ports/event-log.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('events');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const officer = { kind: 'officer' as const, id: 'off-1' };
const at = (day: number) => new Date(Date.UTC(2025, 2, day, 3));

function event(overrides: Partial<NewEvent>): NewEvent {
  return { type: 'application.status_changed', actor: officer, at: at(1), ...overrides };
}

describe('MongoEventLog', () => {
  it('should append an event and return it with an id, nested data intact', async () => {
    const e = event({
      applicationId: 'app-1',
      trackingNumber: 'PTSP-2503-AAAAA',
      officeId: 'o1',
      data: { note: 'Berkas lengkap', counts: [1, 2], nested: { when: at(2) } },
      before: { status: 'SUBMITTED' },
      after: { status: 'IN_REVIEW' },
    });
    const stored = await repos.events.append(e);
    expect(stored.id).toMatch(/^[0-9a-f]{24}$/);
    expect(await repos.events.listForApplication('app-1')).toEqual([{ ...e, id: stored.id }]);
  });

  it('should list an application history oldest first', async () => {
    await repos.events.append(event({ applicationId: 'app-2', at: at(5), after: { status: 'APPROVED' } }));
    await repos.events.append(event({ applicationId: 'app-2', at: at(3), after: { status: 'IN_REVIEW' } }));
    await repos.events.append(event({ applicationId: 'app-3', at: at(4) }));
    const history = await repos.events.listForApplication('app-2');
    expect(history.map((h) => h.after?.status)).toEqual(['IN_REVIEW', 'APPROVED']);
  });

  it('should refuse keys that cannot be stored, naming the path', async () => {
    await expect(repos.events.append(event({ data: { answers: { 'a.b': 1 } } }))).rejects.toThrow(
      'data.answers: key "a.b"',
    );
    await expect(repos.events.append(event({ after: { $set: 1 } }))).rejects.toThrow('key "$set"');
  });

  it('should search by type, actor, office and time, newest first, with a total', async () => {
    const sys = { kind: 'system' as const, id: 'sla' };
    await repos.events.append(
      event({ type: 'handoff.claimed', actor: { kind: 'officer', id: 'off-9' }, officeId: 's1', at: at(10) }),
    );
    await repos.events.append(
      event({ type: 'handoff.closed', actor: { kind: 'officer', id: 'off-9' }, officeId: 's1', at: at(11) }),
    );
    await repos.events.append(event({ type: 'sla.breached', actor: sys, officeId: 's2', at: at(12) }));

    const byActor = await repos.events.search({ actorId: 'off-9' }, { limit: 10 });
    expect(byActor.items.map((e) => e.type)).toEqual(['handoff.closed', 'handoff.claimed']);
    expect(byActor.total).toBe(2);

    const byTypes = await repos.events.search({ type: ['handoff.claimed', 'sla.breached'] }, { limit: 10 });
    expect(byTypes.items.map((e) => e.type)).toEqual(['sla.breached', 'handoff.claimed']);

    const byOffice = await repos.events.search({ officeIds: ['s2'] }, { limit: 10 });
    expect(byOffice.items.map((e) => e.actor)).toEqual([sys]);

    const byTime = await repos.events.search(
      { officeIds: ['s1', 's2'], from: at(11), to: at(12) },
      { limit: 10 },
    );
    expect(byTime.items.map((e) => e.type)).toEqual(['handoff.closed']);

    const paged = await repos.events.search({ officeIds: ['s1', 's2'] }, { limit: 1, offset: 1 });
    expect(paged).toMatchObject({ total: 3, items: [{ type: 'handoff.closed' }] });
  });
});
