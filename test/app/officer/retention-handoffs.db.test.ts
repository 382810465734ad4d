import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { testCipher } from '../../support/cipher.js';
import { createMongoRetentionStore } from '../../../src/adapters/mongo/mongo-retention-store.js';
import {
  eraseClosedHandoffs,
  type HandoffRetentionDeps,
} from '../../../src/app/officer/retention-handoffs.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';
import {
  applicationListingKept,
  expectHandoffErased,
  expectHandoffKept,
  handoffToErase,
} from '../../support/handoff-erasure.js';

const db = useTestDatabase('retention_handoffs');
const NOW = new Date('2027-06-01T03:00:00Z');

let repos: MongoRepositories;
let leases: LeaseRepository;
const numbers = sequentialNumbers(7100);

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

function deps(overrides: Partial<HandoffRetentionDeps> = {}): HandoffRetentionDeps {
  return {
    retention: createMongoRetentionStore(db.conn(), testCipher),
    handoffs: repos.handoffs,
    satisfaction: repos.satisfaction,
    documents: repos.documents,
    applications: repos.applications,
    events: repos.events,
    leases,
    retentionDays: 365,
    holder: 'test-a',
    now: () => NOW,
    ...overrides,
  };
}

describe('handoff retention (RETENTION_DAYS after a handoff closed)', () => {
  it("should erase an old closed handoff's transcript, notes, name, chat id, survey comment and files, keep a file an application lists, and audit it", async () => {
    const old = await handoffToErase(repos, NOW, 400);
    const recent = await handoffToErase(repos, NOW, 100);
    const open = await handoffToErase(repos, NOW, null);
    // The officer added one of the files to an application: the application's retention governs it.
    const app = await applicationListingKept(repos, old, numbers);

    expect(await eraseClosedHandoffs(deps())).toEqual({
      ran: true,
      erased: 1,
      documentsDeleted: 1,
      documentsKept: 1,
    });

    await expectHandoffErased(db.conn(), repos, old, {
      actor: { kind: 'system', id: 'retention' },
      at: NOW,
      why: { retentionDays: 365 },
      applicationId: app.id,
    });
    // The recent and the open ones are untouched, and so is the recent one's survey comment.
    for (const t of [recent, open]) await expectHandoffKept(repos, t);
    const [recentAnswer] = await repos.satisfaction.listByTickets([recent.ticket.id]);
    expect(recentAnswer?.comment).toBeDefined();

    // Once only.
    expect(await eraseClosedHandoffs(deps())).toEqual({
      ran: true,
      erased: 0,
      documentsDeleted: 0,
      documentsKept: 0,
    });
  });
});
