import type { Connection } from 'mongoose';

/** Where a plain value was found at rest: the collection and the raw document's id. */
export interface RawHit {
  collection: string;
  id: string;
}

/**
 * Reads every document of every collection of `conn`'s database with the driver (no schema, no
 * cipher: what a stolen backup shows) and returns where any of `needles` appears in plain text.
 * GridFS chunks are searched as bytes, so a NIK inside an uploaded text file counts too.
 */
export async function scanRawCollections(conn: Connection, needles: readonly string[]): Promise<RawHit[]> {
  const db = conn.db;
  if (!db) throw new Error('the connection is not open');
  const hits: RawHit[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    for await (const doc of db.collection(name).find({})) {
      const text = name.endsWith('.chunks')
        ? Buffer.from((doc.data as { buffer: Uint8Array }).buffer).toString('latin1')
        : JSON.stringify(doc);
      if (needles.some((n) => text.includes(n))) hits.push({ collection: name, id: String(doc._id) });
    }
  }
  return hits;
}
