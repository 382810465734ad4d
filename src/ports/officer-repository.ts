/**
 * What an officer may do: officers serve citizens, supervisors also see complaints and metrics.
 * An `agency` account belongs to another agency (a dinas, `agencyId`): it sees only the
 * applications forwarded to its agency and records their answers, nothing else.
 */
export type OfficerRole = 'officer' | 'supervisor' | 'admin' | 'agency';

/** A console user. Secrets are stored hashed only. */
export interface Officer {
  id: string;
  /** Unique, case-insensitively ("Budi" and "budi" are the same login). */
  username: string;
  displayName: string;
  role: OfficerRole;
  officeId: string;
  /** For role `agency` only: the agency (agencies.yaml id) the account answers for. */
  agencyId?: string;
  passwordHash: string;
  /** Hashes of the officer's API tokens (the REST API); a token itself is never stored. */
  active: boolean;
  /** Consecutive failed logins, for lock-out. */
  failedLogins: number;
  lockedUntil?: Date;
  /**
   * Set by the officer: ready to take conversations (true) or away. Absent means away, so a new
   * account counts as available only once its officer says so. Written only by `setAvailable`.
   */
  available?: boolean;
}

/** Console users. */
export interface OfficerRepository {
  /** Throws `DuplicateError` (field `username`) when the username is taken. */
  create(input: Omit<Officer, 'id'>): Promise<Officer>;
  findByUsername(username: string): Promise<Officer | undefined>;
  findById(id: string): Promise<Officer | undefined>;
  /** Officers of these offices (all when omitted), by username. */
  list(officeIds?: string[]): Promise<Officer[]>;
  /**
   * Replaces the officer's fields (last write wins: officer records are edited rarely). Returns
   * the stored officer, or `undefined` if it does not exist. `DuplicateError` on a taken username.
   */
  update(officer: Officer): Promise<Officer | undefined>;
  /**
   * Sets only the availability flag (`update` never writes it), so a toggle and an admin's edit
   * of the same record do not undo each other. `undefined` if the officer does not exist.
   */
  setAvailable(id: string, available: boolean): Promise<Officer | undefined>;
  /** How many console accounts exist at all: none means the first-run setup is open. */
  count(): Promise<number>;
  /** Active officers marked available, in these offices (all when omitted). */
  countAvailable(officeIds?: string[]): Promise<number>;
}
