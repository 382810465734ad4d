/** The one-time link that creates the first admin, stored as a hash only. */
export interface SetupTokenRecord {
  /** sha256 of the token (hex); the token itself is never stored. */
  hash: string;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The first-run setup token: at most one at a time. Issuing is an atomic insert so that, when
 * several processes start together, exactly one holds (and may show) the token.
 */
export interface SetupTokenStore {
  /**
   * Replaces a token issued before `freshSince` by `token`, then inserts it. Returns false when
   * another process issued one since `freshSince` (that one stands; this caller must not show its own).
   */
  issue(token: SetupTokenRecord, freshSince: Date): Promise<boolean>;
  /** Whether a token with this hash exists and has not expired at `now`. */
  isValid(hash: string, now: Date): Promise<boolean>;
  /** Deletes the token with this hash if unexpired at `now`; returns it to exactly one caller. */
  consume(hash: string, now: Date): Promise<SetupTokenRecord | undefined>;
  /** Puts a consumed token back (its account could not be created); false if another one is there. */
  restore(token: SetupTokenRecord): Promise<boolean>;
  /** Drops any token (an officer exists: the setup link has no use any more). */
  clear(): Promise<void>;
}
