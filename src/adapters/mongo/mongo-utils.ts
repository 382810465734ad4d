import { Types, type Connection, type Model, type Schema } from 'mongoose';

/**
 * Answers whether the server refused a write because a unique index already holds the key.
 * MongoDB says code 11000; FerretDB 1.24 says so for inserts but reports an *update* that breaks
 * a unique index as InternalError (code 1) "UNIQUE constraint failed" from SQLite.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (code === 11000) return true;
  return code === 1 && typeof message === 'string' && message.includes('UNIQUE constraint failed');
}

/**
 * Operations per write command (bulkWrite, insertMany): FerretDB 1.24 hangs or crawls on one
 * large write command, so big writes go as several small ones.
 */
export const WRITE_BATCH = 50;

/** Runs `write` on consecutive slices of at most `size` items, one command after the other. */
export async function inBatches<T>(
  items: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
  size = WRITE_BATCH,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await write(items.slice(i, i + size));
}

/** An id from outside (URL, API) as an ObjectId; `undefined` when it cannot be one, so lookups answer "not found". */
export function toObjectId(id: string): Types.ObjectId | undefined {
  return /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : undefined;
}

/**
 * The model for `name` on this connection (we never use mongoose's global connection), created
 * once: calling a repository factory twice on one connection must not throw OverwriteModelError.
 */
export function modelOn<T>(conn: Connection, name: string, schema: Schema<T>, collection: string): Model<T> {
  const existing = conn.models[name] as Model<T> | undefined;
  return existing ?? conn.model<T>(name, schema, collection);
}

/**
 * Drops keys whose value is `undefined`: the driver would store them as `null`, and a `$set`
 * of `undefined` is not the same as leaving a field out.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Escapes user text for use inside a `$regex` (console search box). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Caps a page so a console cannot ask for the whole collection at once. */
export function pageBounds(page: { limit: number; offset?: number }): { limit: number; skip: number } {
  return {
    limit: Math.min(Math.max(Math.trunc(page.limit), 1), 200),
    skip: Math.max(Math.trunc(page.offset ?? 0), 0),
  };
}
