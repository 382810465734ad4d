/** A key's hits in its current window. */
export interface RateLimitHits {
  hits: number;
  /** When the window ends and the count starts again. */
  resetAt: Date;
}

/**
 * Fixed-window hit counters kept outside the process, so every server process behind one
 * address counts the same login attempts (an in-memory count lets N processes allow N times
 * the limit).
 */
export interface RateLimitCounter {
  /** Adds a hit to `key`, opening a new window of `windowMs` when none is open at `now`. */
  increment(key: string, windowMs: number, now: Date): Promise<RateLimitHits>;
  /** The open window of `key` at `now`, if any. */
  get(key: string, now: Date): Promise<RateLimitHits | undefined>;
  /** Takes back one hit (a request the limiter decided not to count). */
  decrement(key: string, now: Date): Promise<void>;
  /** Forgets `key`. */
  reset(key: string): Promise<void>;
  /** Deletes windows that ended before `now` (there are no TTL indexes on FerretDB); returns how many. */
  sweep(now: Date): Promise<number>;
}
