import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS, type Channel } from '../../domain/application.js';
import type {
  DeletionDecision,
  DeletionRequest,
  DeletionRequestRepository,
  DeletionRequestStatus,
  NewDeletionRequest,
  PendingDeletions,
} from '../../ports/deletion-request-repository.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { compact, isDuplicateKeyError, modelOn, toObjectId } from './mongo-utils.js';
import { mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** A deletion request as stored. */
export interface DeletionRequestRecord {
  _id: Types.ObjectId;
  /**
   * The chat's keyed blind index while pending, the request's own id once decided; unique: "one
   * pending request per chat" without a partial index, which FerretDB does not support.
   */
  pendingKey: string;
  channel: string;
  /** Sealed: a WhatsApp chat id is a phone number. */
  chatId: string;
  createdAt: Date;
  dueAt: Date;
  status: DeletionRequestStatus;
  decidedAt?: Date;
  decidedBy?: string;
  /** Sealed: a supervisor's words may name the citizen. */
  reason?: string;
  /** Bumped by every guarded write (write-lock.ts): FerretDB's conditional updates are no guard. */
  version: number;
}

const schema = new Schema<DeletionRequestRecord>(
  {
    pendingKey: { type: String, required: true },
    channel: { type: String, required: true, enum: CHANNELS },
    chatId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, required: true, enum: ['pending', 'approved', 'refused'] },
    decidedAt: Date,
    decidedBy: String,
    reason: String,
    version: { type: Number, required: true },
  },
  { versionKey: false },
);
schema.index({ pendingKey: 1 }, { unique: true });
schema.index({ status: 1, dueAt: 1 });

/** The `deletion_requests` collection. */
export function deletionRequestModel(conn: Connection): Model<DeletionRequestRecord> {
  return modelOn(conn, 'DeletionRequest', schema, 'deletion_requests');
}

function toDomain(r: DeletionRequestRecord, cipher: FieldCipher): DeletionRequest {
  return compact<DeletionRequest>({
    id: r._id.toHexString(),
    channel: r.channel as Channel,
    chatId: cipher.open(r.chatId),
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    status: r.status,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedBy,
    reason: r.reason === undefined ? undefined : cipher.open(r.reason),
  });
}

/** The purpose of the pending-request blind index (ports/field-cipher.ts). */
const PURPOSE = 'deletion';

/** Deletion requests on MongoDB/FerretDB. */
export class MongoDeletionRequests implements DeletionRequestRepository {
  constructor(
    private readonly model: Model<DeletionRequestRecord>,
    private readonly locks: Model<WriteLockRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  private toDomain(r: DeletionRequestRecord): DeletionRequest {
    return toDomain(r, this.cipher);
  }

  async open(input: NewDeletionRequest): Promise<{ request: DeletionRequest; created: boolean }> {
    try {
      const created = await this.model.create({
        ...input,
        chatId: this.cipher.seal(input.chatId),
        pendingKey: this.cipher.blindIndex(PURPOSE, `${input.channel}:${input.chatId}`),
        status: 'pending',
        version: 1,
      });
      return { request: this.toDomain(created.toObject()), created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const pending = await this.findPendingByChat(input.channel, input.chatId);
      if (!pending) throw err;
      return { request: pending, created: false };
    }
  }

  async get(id: string): Promise<DeletionRequest | undefined> {
    const _id = toObjectId(id);
    if (!_id) return undefined;
    const r = await this.model.findById(_id).lean<DeletionRequestRecord>().exec();
    return r ? this.toDomain(r) : undefined;
  }

  async findPendingByChat(channel: Channel, chatId: string): Promise<DeletionRequest | undefined> {
    const r = await this.model
      .findOne({ pendingKey: { $in: this.cipher.blindIndexes(PURPOSE, `${channel}:${chatId}`) } })
      .lean<DeletionRequestRecord>()
      .exec();
    return r ? this.toDomain(r) : undefined;
  }

  async list(limit: number): Promise<DeletionRequest[]> {
    const pending = await this.model
      .find({ status: 'pending' })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean<DeletionRequestRecord[]>()
      .exec();
    const decided = await this.model
      .find({ status: { $ne: 'pending' } })
      .sort({ decidedAt: -1 })
      .limit(Math.max(0, limit - pending.length))
      .lean<DeletionRequestRecord[]>()
      .exec();
    return [...pending, ...decided].map((r) => this.toDomain(r));
  }

  async decide(id: string, d: DeletionDecision): Promise<DeletionRequest | undefined> {
    const _id = toObjectId(id);
    if (!_id) return undefined;
    // Through the write lock: of two supervisors deciding at once, exactly one does.
    const res = await mutate(this.locks, this.model, _id, (current) =>
      current.status === 'pending'
        ? {
            $set: compact({
              status: d.status,
              decidedAt: d.at,
              decidedBy: d.by,
              reason: d.reason === undefined ? undefined : this.cipher.seal(d.reason),
              pendingKey: id,
            }),
          }
        : undefined,
    );
    return res.updated ? this.toDomain(res.doc) : undefined;
  }

  async pendingSummary(): Promise<PendingDeletions> {
    const count = await this.model.countDocuments({ status: 'pending' }).exec();
    if (count === 0) return { count };
    const first = await this.model
      .findOne({ status: 'pending' })
      .sort({ dueAt: 1 })
      .lean<DeletionRequestRecord>()
      .exec();
    return first ? { count, nearestDueAt: first.dueAt } : { count };
  }
}
