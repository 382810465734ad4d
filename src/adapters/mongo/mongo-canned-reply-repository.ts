import { Types, type Model } from 'mongoose';
import type { CannedReply, CannedReplyRepository } from '../../ports/canned-reply-repository.js';
import type { CannedReplyRecord } from './canned-reply-model.js';
import { toObjectId } from './mongo-utils.js';

function toDomain(r: CannedReplyRecord): CannedReply {
  return {
    id: r._id.toHexString(),
    officeId: r.officeId,
    text: r.text,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Canned replies on MongoDB (or FerretDB): one small document each, ordered per office. */
export class MongoCannedReplyRepository implements CannedReplyRepository {
  constructor(private readonly model: Model<CannedReplyRecord>) {}

  async listForOffices(officeIds: readonly string[]): Promise<CannedReply[]> {
    const rows = await this.model
      .find({ officeId: { $in: officeIds.map(String) } })
      .sort({ officeId: 1, seq: 1, _id: 1 })
      .lean<CannedReplyRecord[]>()
      .exec();
    return rows.map(toDomain);
  }

  async get(id: string): Promise<CannedReply | undefined> {
    const oid = toObjectId(id);
    const r = oid ? await this.model.findById(oid).lean<CannedReplyRecord>().exec() : null;
    return r ? toDomain(r) : undefined;
  }

  async add(officeId: string, texts: readonly string[], at: Date): Promise<CannedReply[]> {
    const last = await this.model
      .findOne({ officeId: String(officeId) })
      .sort({ seq: -1 })
      .lean<CannedReplyRecord>()
      .exec();
    // Two supervisors adding at once may share a seq: the id breaks the tie, nothing is lost.
    const start = (last?.seq ?? 0) + 1;
    const records: CannedReplyRecord[] = texts.map((text, i) => ({
      _id: new Types.ObjectId(),
      officeId: String(officeId),
      text,
      seq: start + i,
      createdAt: at,
      updatedAt: at,
    }));
    if (records.length > 0) await this.model.insertMany(records);
    return records.map(toDomain);
  }

  async update(id: string, text: string, at: Date): Promise<CannedReply | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const r = await this.model
      .findOneAndUpdate({ _id: oid }, { $set: { text, updatedAt: at } }, { new: true })
      .lean<CannedReplyRecord>()
      .exec();
    return r ? toDomain(r) : undefined;
  }

  async remove(id: string): Promise<CannedReply | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const r = await this.model.findOneAndDelete({ _id: oid }).lean<CannedReplyRecord>().exec();
    return r ? toDomain(r) : undefined;
  }
}
