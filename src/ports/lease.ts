/** Who holds a named lease and until when. */
export interface Lease {
  /** What the lease guards, e.g. `whatsapp:default` or `sla-check`. */
  name: string;
  /** The process holding it (host:pid:random), so an operator can see who owns the job. */
  holder: string;
  /** After this, another process may take the lease over: its holder is presumed dead. */
  expiresAt: Date;
  /**
   * What the holder last said of its work when it renewed (the WhatsApp session's state), so
   * the processes standing by can show it; cleared when another process takes the lease.
   */
  note?: string;
}

/** What `acquire` answered: `acquired` true when the caller holds the lease now. */
export interface LeaseClaim {
  acquired: boolean;
  /** The lease as it stands after the call (ours, or the other holder's). */
  lease: Lease;
}

/**
 * Named leases for singleton work across processes: one process owns the WhatsApp number,
 * one runs a periodic job. A holder renews while it works; when it stops renewing (crash,
 * network split) the lease lapses and exactly one other process takes it over.
 */
export interface LeaseRepository {
  /** Takes the lease when it is free, lapsed, or already the caller's; otherwise reports the holder. */
  acquire(name: string, holder: string, ttlMs: number, now?: Date): Promise<LeaseClaim>;
  /**
   * Extends the caller's lease, recording `note` when given; false when it is no longer the
   * caller's (taken over): stop working.
   */
  renew(name: string, holder: string, ttlMs: number, now?: Date, note?: string): Promise<boolean>;
  /** Gives the lease up at once (shutdown), so another process need not wait for it to lapse. */
  release(name: string, holder: string, now?: Date): Promise<void>;
  /** The lease as stored, lapsed or not; undefined when never taken. */
  current(name: string): Promise<Lease | undefined>;
}
