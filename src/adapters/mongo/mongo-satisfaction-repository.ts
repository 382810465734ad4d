import type { Model } from 'mongoose';
import { isSkmScore } from '../../domain/skm.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type {
  SatisfactionAnswer,
  SatisfactionFilter,
  SatisfactionRepository,
} from '../../ports/satisfaction-repository.js';
import { compact } from './mongo-utils.js';
import { openText, sealText } from './sealed-fields.js';
import type { SatisfactionRecord } from './satisfaction-model.js';

function toDomain(cipher: FieldCipher, r: SatisfactionRecord): SatisfactionAnswer | undefined {
  if (!isSkmScore(r.score)) return undefined;
  return compact<SatisfactionAnswer>({
    ticketId: r._id,
    officerId: r.officerId,
    officeId: r.officeId,
    score: r.score,
    comment: openText(cipher, r.comment),
    answeredAt: r.answeredAt,
  });
}

/** Survey answers on MongoDB (or FerretDB), keyed by ticket id; the citizen's comment is sealed. */
export class MongoSatisfactionRepository implements SatisfactionRepository {
  constructor(
    private readonly model: Model<SatisfactionRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  async record(answer: SatisfactionAnswer): Promise<void> {
    const set = compact({
      officerId: answer.officerId,
      officeId: answer.officeId,
      score: answer.score,
      comment: sealText(this.cipher, answer.comment),
      answeredAt: answer.answeredAt,
    });
    await this.model.updateOne({ _id: answer.ticketId }, { $set: set }, { upsert: true }).exec();
  }

  async listWindow(filter: SatisfactionFilter, max: number): Promise<SatisfactionAnswer[]> {
    const rows = await this.model
      .find({ answeredAt: { $gte: filter.from, $lt: filter.to } })
      .sort({ answeredAt: -1 })
      .limit(max)
      .lean<SatisfactionRecord[]>()
      .exec();
    return rows.flatMap((r) => toDomain(this.cipher, r) ?? []);
  }

  async listByTickets(ticketIds: readonly string[]): Promise<SatisfactionAnswer[]> {
    if (ticketIds.length === 0) return [];
    const rows = await this.model
      .find({ _id: { $in: [...ticketIds] } })
      .lean<SatisfactionRecord[]>()
      .exec();
    return rows.flatMap((r) => toDomain(this.cipher, r) ?? []);
  }

  async dropComments(ticketIds: readonly string[]): Promise<number> {
    if (ticketIds.length === 0) return 0;
    const res = await this.model
      .updateMany({ _id: { $in: [...ticketIds] } }, { $unset: { comment: '' } })
      .exec();
    return res.modifiedCount;
  }
}
