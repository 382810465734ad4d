import type { LeaseRepository } from '../ports/lease.js';

/** What `runUnderLease` needs: the lease, who we are, and how long a hold lasts unrenewed. */
export interface LeaseRunDeps {
  leases: LeaseRepository;
  /** This process (host:pid), the lease holder. */
  holder: string;
  now: () => Date;
}

/**
 * Runs singleton work (a periodic job every process starts) only in the process that takes the
 * named lease; the others skip this round. `renew` extends the hold between batches and answers
 * false once another process took it over (stop then). The lease is given up when the work ends,
 * so the next round may run anywhere. Returns undefined when the lease was someone else's.
 */
export async function runUnderLease<T>(
  deps: LeaseRunDeps,
  name: string,
  ttlMs: number,
  work: (renew: () => Promise<boolean>) => Promise<T>,
): Promise<T | undefined> {
  const claim = await deps.leases.acquire(name, deps.holder, ttlMs, deps.now());
  if (!claim.acquired) return undefined;
  try {
    return await work(() => deps.leases.renew(name, deps.holder, ttlMs, deps.now()));
  } finally {
    await deps.leases.release(name, deps.holder, deps.now());
  }
}
