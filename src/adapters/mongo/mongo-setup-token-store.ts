import { Schema, type Connection, type Model } from 'mongoose';
import type { SetupTokenRecord, SetupTokenStore } from '../../ports/setup-token-store.js';
import { isDuplicateKeyError, modelOn } from './mongo-utils.js';

/** The single row: its fixed `_id` is what makes issuing an atomic insert. */
const ID = 'first-admin';

interface SetupTokenDoc extends SetupTokenRecord {
  _id: string;
}

const schema = new Schema<SetupTokenDoc>(
  {
    _id: { type: String, required: true },
    hash: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** The `setup_tokens` collection: at most one document, the pending first-admin link. */
export function setupTokenModel(conn: Connection): Model<SetupTokenDoc> {
  return modelOn(conn, 'SetupToken', schema, 'setup_tokens');
}

/** SetupTokenStore on MongoDB/FerretDB; a plain insert on a fixed `_id` decides who issued. */
export class MongoSetupTokenStore implements SetupTokenStore {
  constructor(private readonly model: Model<SetupTokenDoc>) {}

  async issue(token: SetupTokenRecord, freshSince: Date): Promise<boolean> {
    // Not an upsert: on FerretDB an upsert is a find then a write, so two racing processes could
    // both "win". Deleting the stale row and inserting leaves the decision to the unique `_id`.
    await this.model.deleteOne({ _id: ID, issuedAt: { $lt: freshSince } });
    return this.insert(token);
  }

  async isValid(hash: string, now: Date): Promise<boolean> {
    return (await this.model.exists({ _id: ID, hash, expiresAt: { $gt: now } })) !== null;
  }

  async consume(hash: string, now: Date): Promise<SetupTokenRecord | undefined> {
    const filter = { _id: ID, hash, expiresAt: { $gt: now } };
    const found = await this.model.findOne(filter).lean();
    if (!found) return undefined;
    // findOneAndDelete is a find then a delete on FerretDB, so two callers could both get the
    // row; the deleted count of one delete is what only one caller sees as 1.
    const { deletedCount } = await this.model.deleteOne(filter);
    return deletedCount === 1
      ? { hash: found.hash, issuedAt: found.issuedAt, expiresAt: found.expiresAt }
      : undefined;
  }

  restore(token: SetupTokenRecord): Promise<boolean> {
    return this.insert(token);
  }

  /** Inserts the one token row; `false` when one is there already (the unique `_id` decides). */
  private async insert(token: SetupTokenRecord): Promise<boolean> {
    try {
      await this.model.create({ _id: ID, ...token });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  async clear(): Promise<void> {
    await this.model.deleteMany({});
  }
}
