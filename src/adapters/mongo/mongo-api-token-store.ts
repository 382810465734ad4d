import { Schema, type Connection, type Model } from 'mongoose';
import type { ApiTokenRecord, ApiTokenStore } from '../../ports/api-token-store.js';
import { compact, modelOn } from './mongo-utils.js';

interface ApiTokenDoc extends Omit<ApiTokenRecord, 'id'> {
  _id: string;
}

const schema = new Schema<ApiTokenDoc>(
  {
    _id: { type: String, required: true },
    officerId: { type: String, required: true },
    hash: { type: String, required: true },
    prefix: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    lastUsedAt: { type: Date },
    revokedAt: { type: Date },
  },
  { versionKey: false },
);
schema.index({ hash: 1 }, { unique: true });
schema.index({ officerId: 1, createdAt: -1 });

/** The `api_tokens` collection: one row per API token, hashed. */
export function apiTokenModel(conn: Connection): Model<ApiTokenDoc> {
  return modelOn(conn, 'ApiToken', schema, 'api_tokens');
}

function toRecord(d: ApiTokenDoc): ApiTokenRecord {
  return compact({
    id: d._id,
    officerId: d.officerId,
    hash: d.hash,
    prefix: d.prefix,
    createdAt: d.createdAt,
    expiresAt: d.expiresAt,
    lastUsedAt: d.lastUsedAt ?? undefined,
    revokedAt: d.revokedAt ?? undefined,
  });
}

/** ApiTokenStore on MongoDB/FerretDB. */
export class MongoApiTokenStore implements ApiTokenStore {
  constructor(private readonly model: Model<ApiTokenDoc>) {}

  async create(token: ApiTokenRecord): Promise<void> {
    const { id, ...rest } = token;
    await this.model.create(compact({ _id: id, ...rest }));
  }

  async findByHash(hash: string): Promise<ApiTokenRecord | undefined> {
    const d = await this.model.findOne({ hash }).lean<ApiTokenDoc>().exec();
    return d ? toRecord(d) : undefined;
  }

  async findById(id: string): Promise<ApiTokenRecord | undefined> {
    const d = await this.model.findById(id).lean<ApiTokenDoc>().exec();
    return d ? toRecord(d) : undefined;
  }

  async listByOfficer(officerId: string): Promise<ApiTokenRecord[]> {
    const docs = await this.model.find({ officerId }).sort({ createdAt: -1 }).lean<ApiTokenDoc[]>().exec();
    return docs.map(toRecord);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const r = await this.model.updateOne(
      { _id: id, revokedAt: { $exists: false } },
      { $set: { revokedAt: at } },
    );
    return r.modifiedCount === 1;
  }

  async revokeAllOf(officerId: string, at: Date): Promise<number> {
    const r = await this.model.updateMany(
      { officerId, revokedAt: { $exists: false }, expiresAt: { $gt: at } },
      { $set: { revokedAt: at } },
    );
    return r.modifiedCount;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { lastUsedAt: at } });
  }
}
