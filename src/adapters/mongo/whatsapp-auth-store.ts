import { Schema, type Connection, type Model } from 'mongoose';
import type { WhatsAppAuthStore } from '../../ports/whatsapp-auth-store.js';
import { inBatches, modelOn } from './mongo-utils.js';

/**
 * One piece of a WhatsApp login: the credentials (`type` "creds") or one Signal key. The value
 * is JSON text written by the WhatsApp adapter (Buffers as base64): key ids and nested shapes
 * would otherwise hit FerretDB's limits (dots in keys, nested arrays).
 */
export interface WhatsAppAuthRecord {
  /** `<session>|<type>|<id>`. */
  _id: string;
  session: string;
  type: string;
  value: string;
  updatedAt: Date;
}

const schema = new Schema<WhatsAppAuthRecord>(
  {
    _id: { type: String, required: true },
    session: { type: String, required: true },
    type: { type: String, required: true },
    value: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ session: 1, type: 1 });

/** The `whatsapp_auth` collection. */
export function whatsAppAuthModel(conn: Connection): Model<WhatsAppAuthRecord> {
  return modelOn(conn, 'WhatsAppAuth', schema, 'whatsapp_auth');
}

const CREDS = 'creds';

/**
 * The WhatsApp login of one session (one number) in MongoDB/FerretDB. Writes are plain upserts:
 * only the process holding the number's lease writes, so there is nothing to race.
 */
export class MongoWhatsAppAuthStore implements WhatsAppAuthStore {
  constructor(
    private readonly model: Model<WhatsAppAuthRecord>,
    private readonly session: string,
  ) {}

  private key(type: string, id: string): string {
    return `${this.session}|${type}|${id}`;
  }

  async readCreds(): Promise<string | undefined> {
    const r = await this.model.findById(this.key(CREDS, '')).lean<WhatsAppAuthRecord>().exec();
    return r?.value;
  }

  async writeCreds(json: string): Promise<void> {
    // updateOne with $set, not replaceOne: a replace-upsert stores nothing on FerretDB 1.24.
    await this.model
      .updateOne(
        { _id: this.key(CREDS, '') },
        { $set: { session: this.session, type: CREDS, value: json, updatedAt: new Date() } },
        { upsert: true },
      )
      .exec();
  }

  async readKeys(type: string, ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const byKey = new Map(ids.map((id) => [this.key(type, id), id]));
    const rows = await this.model
      .find({ _id: { $in: [...byKey.keys()] } })
      .lean<WhatsAppAuthRecord[]>()
      .exec();
    for (const r of rows) {
      const id = byKey.get(r._id);
      if (id !== undefined) out.set(id, r.value);
    }
    return out;
  }

  async writeKeys(entries: Array<{ type: string; id: string; json: string | null }>): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    // A pre-key upload is hundreds of keys: in batches, as FerretDB stalls on one big command.
    await inBatches(entries, (batch) =>
      this.model.bulkWrite(
        batch.map((e) =>
          e.json === null
            ? { deleteOne: { filter: { _id: this.key(e.type, e.id) } } }
            : {
                updateOne: {
                  filter: { _id: this.key(e.type, e.id) },
                  update: { $set: { session: this.session, type: e.type, value: e.json, updatedAt: at } },
                  upsert: true,
                },
              },
        ),
        { ordered: false },
      ),
    );
  }

  async clear(): Promise<void> {
    await this.model.deleteMany({ session: this.session }).exec();
  }
}

/** The auth store of session `session` (one per WhatsApp number) on `conn`. */
export function createMongoWhatsAppAuthStore(
  conn: Connection,
  session: string,
): MongoWhatsAppAuthStore & { ensureIndexes(): Promise<void> } {
  const model = whatsAppAuthModel(conn);
  return Object.assign(new MongoWhatsAppAuthStore(model, session), {
    async ensureIndexes() {
      await model.init();
      await model.createIndexes();
    },
  });
}
