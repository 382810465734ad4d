/**
 * Failures a repository reports in domain words, so use cases can branch on them without
 * knowing the database (grammY's habit: one error class per failure source, with context).
 */

/** Someone else changed the record since it was read: read it again and redo the change. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    /** What kind of record, e.g. `application`, `conversation`. */
    readonly entity: string,
    /** The record's id or key. */
    readonly key: string,
    /** The version the caller expected to replace (`null` = expected to create it). */
    readonly expectedVersion: number | null,
  ) {
    super(`${entity} ${key} changed concurrently (expected version ${expectedVersion ?? 'none'})`);
  }
}

/** A record with the same unique key exists already (a username, an idempotency key, ...). */
export class DuplicateError extends Error {
  override readonly name = 'DuplicateError';
  constructor(
    readonly entity: string,
    /** The unique field that clashed, e.g. `username`. */
    readonly field: string,
  ) {
    super(`${entity} with this ${field} exists already`);
  }
}
