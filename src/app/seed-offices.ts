import { setTimeout as sleep } from 'node:timers/promises';
import type { LeaseRepository } from '../ports/lease.js';
import type { Office, OfficeRepository } from '../ports/office-repository.js';

/** The lease one starting process holds while it stores the office tree. */
export const SEED_OFFICES_LEASE = 'start:seed-offices';

/** Long enough to store a few thousand offices; a process that dies seeding frees it after this. */
const LEASE_TTL_MS = 60_000;

/** What seeding the offices needs. */
export interface SeedOfficesDeps {
  offices: OfficeRepository;
  leases: LeaseRepository;
  /** This process (host:pid:random), unique per process. */
  holder: string;
  /** How often a process waiting for another one's seeding looks again. */
  pollMs?: number;
}

/**
 * Stores the offices of the area list that the database does not hold yet (a new database, a
 * widened `LOKET_AREAS`), and never rewrites a stored one: an office edited in the console keeps
 * its edits, and an office of an area no longer listed stays (its applications point to it). Several server processes may start at once on one database:
 * one seeds under a lease while the others wait until it is done (or its lease lapses). Upserts
 * are not run concurrently: on FerretDB 1.24 an upsert is a find then an insert, so racing ones
 * fail with duplicate keys, and processes upserting the same offices at once stall the server.
 */
export async function seedOffices(deps: SeedOfficesDeps, tree: Office[]): Promise<void> {
  const ids = tree.map((o) => o.id);
  const seeded = async () => (await deps.offices.missingIds(ids)).length === 0;
  while (!(await seeded())) {
    const claim = await deps.leases.acquire(SEED_OFFICES_LEASE, deps.holder, LEASE_TTL_MS, new Date());
    if (!claim.acquired) {
      await sleep(deps.pollMs ?? 250);
      continue;
    }
    try {
      // Another process may have finished between our look and our lease.
      if (!(await seeded())) await deps.offices.insertMissing(tree);
    } finally {
      await deps.leases.release(SEED_OFFICES_LEASE, deps.holder, new Date());
    }
    return;
  }
}
