import { Types, type Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type {
  ErasableHandoff,
  HandoffOutcome,
  DeliveryState,
  HandoffRepository,
  HandoffTicket,
  InternalNote,
  NewHandoff,
  ReplyDelivery,
  TranscriptLine,
  TransferTarget,
} from '../../ports/handoff-repository.js';
import type { DeliveryRecord, HandoffRecord } from './handoff-model.js';
import { chatKeyOf, chatKeysOf, handoffToDomain, lineRecord, noteRecord } from './handoff-mapper.js';
import { sealText } from './sealed-fields.js';
import { eraseClosedHandoff, listErasableOfChat } from './mongo-handoff-erasure.js';
import { compact, isDuplicateKeyError, toObjectId } from './mongo-utils.js';
import { mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** The officer queue on MongoDB (or FerretDB); transitions go through versioned writes (write-lock.ts). */
export class MongoHandoffRepository implements HandoffRepository {
  constructor(
    private readonly model: Model<HandoffRecord>,
    private readonly locks: Model<WriteLockRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  private toDomain(r: HandoffRecord): HandoffTicket {
    return handoffToDomain(this.cipher, r);
  }

  private line(line: TranscriptLine): HandoffRecord['transcript'][number] {
    return lineRecord(this.cipher, line);
  }

  async open(input: NewHandoff): Promise<{ ticket: HandoffTicket; created: boolean }> {
    const chatKey = chatKeyOf(this.cipher, input.channel, input.chatId);
    // Three rounds: the open ticket we clashed with may be closed before we read it.
    for (let round = 0; round < 3; round++) {
      // Looked up first: a ticket opened under an older key has another openKey, so the unique
      // index alone would not stop a second one.
      const existing = await this.openByChat(input.channel, input.chatId);
      if (existing) return { ticket: this.toDomain(existing), created: false };
      const record = compact<HandoffRecord>({
        _id: new Types.ObjectId(),
        openKey: chatKey,
        channel: input.channel,
        chatId: this.cipher.seal(input.chatId),
        chatKey,
        citizenName: sealText(this.cipher, input.citizenName),
        reason: input.reason,
        priority: input.priority,
        officeId: input.officeId,
        status: 'waiting',
        createdAt: input.createdAt,
        transcript: (input.transcript ?? []).map((l) => this.line(l)),
        version: 1,
      });
      try {
        await this.model.create(record);
        return { ticket: this.toDomain(record), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw new Error(`handoff for ${input.channel} chat kept changing while opening`);
  }

  private async openByChat(channel: string, chatId: string): Promise<HandoffRecord | null> {
    const keys = chatKeysOf(this.cipher, channel, chatId);
    return this.model
      .findOne({ openKey: { $in: keys } })
      .lean<HandoffRecord>()
      .exec();
  }

  async get(id: string): Promise<HandoffTicket | undefined> {
    const oid = toObjectId(id);
    const r = oid ? await this.model.findById(oid).lean<HandoffRecord>().exec() : null;
    return r ? this.toDomain(r) : undefined;
  }

  async claim(id: string, officerId: string, now: Date): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'waiting' ? { $set: { status: 'claimed', officerId, claimedAt: now } } : undefined,
    );
  }

  async release(id: string, officerId?: string): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'claimed' && (officerId === undefined || r.officerId === officerId)
        ? { $set: { status: 'waiting' }, $unset: { officerId: '', claimedAt: '' } }
        : undefined,
    );
  }

  async close(id: string, now: Date, resolution?: HandoffOutcome): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'closed'
        ? undefined
        : {
            $set: compact({ status: 'closed', closedAt: now, openKey: r._id.toHexString(), resolution }),
          },
    );
  }

  async appendMessage(id: string, line: TranscriptLine): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'closed' ? undefined : { $push: { transcript: this.line(line) } },
    );
  }

  async listWaiting(officeIds?: string[]): Promise<HandoffTicket[]> {
    const rows = await this.model
      .find(officeIds ? { status: 'waiting', officeId: { $in: officeIds } } : { status: 'waiting' })
      .sort({ priority: -1, createdAt: 1, _id: 1 })
      .lean<HandoffRecord[]>()
      .exec();
    return rows.map((r) => this.toDomain(r));
  }

  async position(id: string): Promise<number | undefined> {
    const oid = toObjectId(id);
    const me = oid ? await this.model.findById(oid).lean<HandoffRecord>().exec() : null;
    if (!me || me.status !== 'waiting') return undefined;
    // Ahead of me: higher priority, or same priority and older (ties broken by id, as listWaiting).
    const ahead = await this.model
      .countDocuments({
        status: 'waiting',
        $or: [
          ...(me.priority ? [] : [{ priority: true }]),
          { priority: me.priority, createdAt: { $lt: me.createdAt } },
          { priority: me.priority, createdAt: me.createdAt, _id: { $lt: me._id } },
        ],
      })
      .exec();
    return ahead + 1;
  }

  async findOpenByChat(channel: Channel, chatId: string): Promise<HandoffTicket | undefined> {
    const r = await this.openByChat(channel, chatId);
    return r ? this.toDomain(r) : undefined;
  }

  async noteLongWait(id: string, at: Date): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'waiting' && !r.waitNoticeAt ? { $set: { waitNoticeAt: at } } : undefined,
    );
  }

  async addNote(id: string, note: InternalNote): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'closed' ? undefined : { $push: { notes: noteRecord(this.cipher, note) } },
    );
  }

  async transfer(
    id: string,
    to: TransferTarget,
    note: InternalNote,
    fromOfficerId?: string,
  ): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) => {
      if (r.status !== 'claimed' || (fromOfficerId !== undefined && r.officerId !== fromOfficerId)) {
        return undefined;
      }
      // The note records where the ticket went, whatever the caller put in it.
      const push = { $push: { notes: noteRecord(this.cipher, { ...note, transfer: { ...to } }) } };
      return 'toOfficerId' in to
        ? { ...push, $set: { officerId: to.toOfficerId, claimedAt: note.at } }
        : {
            ...push,
            $set: { status: 'waiting', officeId: to.toOfficeId },
            $unset: { officerId: '', claimedAt: '' },
          };
    });
  }

  async listClaimedBy(officerId: string): Promise<HandoffTicket[]> {
    const rows = await this.model
      .find({ status: 'claimed', officerId })
      .sort({ claimedAt: 1, _id: 1 })
      .lean<HandoffRecord[]>()
      .exec();
    return rows.map((r) => this.toDomain(r));
  }

  async countClaimedBy(officerId: string): Promise<number> {
    return this.model.countDocuments({ status: 'claimed', officerId }).exec();
  }

  async appendLine(
    id: string,
    line: TranscriptLine,
  ): Promise<{ ticket: HandoffTicket; index: number } | undefined> {
    // `decide` runs once per attempt; the winning attempt's length is the new line's index.
    let index = -1;
    const ticket = await this.transition(id, (r) => {
      if (r.status === 'closed') return undefined;
      index = r.transcript.length;
      return { $push: { transcript: this.line(line) } };
    });
    return ticket ? { ticket, index } : undefined;
  }

  async setDelivery(
    id: string,
    index: number,
    delivery: ReplyDelivery,
    from?: readonly DeliveryState[],
  ): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) => {
      const line = r.transcript[index];
      if (!Number.isInteger(index) || !line || line.from !== 'officer') return undefined;
      if (from && !from.includes(line.delivery?.state as DeliveryState)) return undefined;
      return { $set: { [`transcript.${index}.delivery`]: compact<DeliveryRecord>({ ...delivery }) } };
    });
  }

  async listByChat(channel: Channel, chatId: string, limit: number): Promise<HandoffTicket[]> {
    const rows = await this.model
      .find({
        $or: [
          { chatKey: { $in: chatKeysOf(this.cipher, String(channel), String(chatId)) } },
          // A ticket stored before sealing has no chatKey and its chat in plain text.
          { channel: String(channel), chatId: String(chatId) },
        ],
      })
      .sort({ createdAt: -1, _id: -1 })
      .limit(Math.max(1, Math.min(limit, 100)))
      .lean<HandoffRecord[]>()
      .exec();
    return rows.map((r) => this.toDomain(r));
  }

  listErasableByChat(channel: Channel, chatId: string): Promise<ErasableHandoff[]> {
    return listErasableOfChat(this.model, this.cipher, channel, chatId);
  }

  erase(id: string, at: Date): Promise<boolean> {
    return eraseClosedHandoff(this.model, this.locks, id, at);
  }

  private async transition(
    id: string,
    decide: Parameters<typeof mutate<HandoffRecord>>[3],
  ): Promise<HandoffTicket | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const res = await mutate(this.locks, this.model, oid, decide);
    return res.updated ? this.toDomain(res.doc) : undefined;
  }
}
