import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { ApiTokenRefusal } from '../../app/officer/api-tokens.js';
import type { RateLimitCounter } from '../../ports/rate-limit-counter.js';

/**
 * express-rate-limit's Store over a shared RateLimitCounter (the database), so the login limit
 * holds across every process behind one address instead of once per process.
 */
export class SharedLimitStore implements Store {
  /** Counts are shared: keys incremented here are seen by every other process's store. */
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;

  constructor(
    private readonly counter: RateLimitCounter,
    private readonly now: () => Date,
    prefix: string,
  ) {
    this.prefix = prefix;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const hits = await this.counter.get(this.prefix + key, this.now());
    return hits ? { totalHits: hits.hits, resetTime: hits.resetAt } : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const hits = await this.counter.increment(this.prefix + key, this.windowMs, this.now());
    return { totalHits: hits.hits, resetTime: hits.resetAt };
  }

  decrement(key: string): Promise<void> {
    return this.counter.decrement(this.prefix + key, this.now());
  }

  resetKey(key: string): Promise<void> {
    return this.counter.reset(this.prefix + key);
  }
}

/** What a refused bearer token is told, Indonesian first: the caller knows what to fix. */
export const TOKEN_REFUSALS: Readonly<Record<ApiTokenRefusal, string>> = {
  unknown: 'Token API tidak dikenal (unknown API token).',
  expired: 'Token API sudah kedaluwarsa; minta token baru (API token expired; issue a new one).',
  revoked: 'Token API sudah dicabut; minta token baru (API token revoked; issue a new one).',
  inactive: 'Akun pemilik token ini nonaktif (the token owner’s account is disabled).',
};
