/** One API token as stored: its hash and its life, never the token itself. */
export interface ApiTokenRecord {
  /** Random id that names the token in the console and the audit log (not secret). */
  id: string;
  officerId: string;
  /** sha256 of the token (hex). */
  hash: string;
  /** The token's first characters, so an officer can tell tokens apart; too short to use. */
  prefix: string;
  createdAt: Date;
  /** After this the token is refused; a new one must be issued. */
  expiresAt: Date;
  /** Last time a request authenticated with it (kept coarse: at most one write a minute). */
  lastUsedAt?: Date;
  /** Set when an officer or admin revoked it; the row stays so a refusal can say why. */
  revokedAt?: Date;
}

/**
 * API tokens of the REST API, one row each, so each expires and can be revoked on its own
 * (the officer record only ever held a list of bare hashes).
 */
export interface ApiTokenStore {
  create(token: ApiTokenRecord): Promise<void>;
  /** The token with this hash, revoked or expired ones included (the caller decides). */
  findByHash(hash: string): Promise<ApiTokenRecord | undefined>;
  findById(id: string): Promise<ApiTokenRecord | undefined>;
  /** Every token of the officer, newest first. */
  listByOfficer(officerId: string): Promise<ApiTokenRecord[]>;
  /** Marks one token revoked at `at`; false when it was revoked already or does not exist. */
  revoke(id: string, at: Date): Promise<boolean>;
  /** Marks every live token of the officer revoked at `at`; returns how many. */
  revokeAllOf(officerId: string, at: Date): Promise<number>;
  /** Records a use at `at`. */
  touch(id: string, at: Date): Promise<void>;
}
