import { Types, type Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type {
  ErasedHandoffs,
  HandoffOutcome,
  DeliveryState,
  HandoffReason,
  HandoffRepository,
  HandoffTicket,
  InternalNote,
  NewHandoff,
  ReplyDelivery,
  TranscriptAttachment,
  TranscriptLine,
  TransferTarget,
} from '../../ports/handoff-repository.js';
import type { DeliveryRecord, HandoffRecord } from './handoff-model.js';
import { eraseClosedHandoffsOfChat } from './mongo-handoff-erasure.js';
import { compact, isDuplicateKeyError, toObjectId } from './mongo-utils.js';
import { mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

function openKeyOf(channel: string, chatId: string): string {
  return `${channel}:${chatId}`;
}

function toDomain(r: HandoffRecord): HandoffTicket {
  return compact<HandoffTicket>({
    id: r._id.toHexString(),
    channel: r.channel as Channel,
    chatId: r.chatId,
    citizenName: r.citizenName,
    reason: r.reason as HandoffReason,
    priority: r.priority,
    officeId: r.officeId,
    status: r.status,
    officerId: r.officerId,
    createdAt: r.createdAt,
    claimedAt: r.claimedAt,
    closedAt: r.closedAt,
    waitNoticeAt: r.waitNoticeAt,
    resolution: r.resolution as HandoffOutcome | undefined,
    notes: r.notes?.map((n) => compact<InternalNote>({ ...n, transfer: n.transfer && compact(n.transfer) })),
    transcript: r.transcript.map((t) =>
      compact<TranscriptLine>({
        from: t.from as TranscriptLine['from'],
        text: t.text,
        at: t.at,
        delivery: t.delivery ? deliveryOf(t.delivery) : undefined,
        beforeHandoff: t.beforeHandoff ? (true as const) : undefined,
        attachment: t.attachment ? attachmentOf(t.attachment) : undefined,
      }),
    ),
  });
}

function deliveryOf(d: DeliveryRecord): ReplyDelivery {
  return compact<ReplyDelivery>({
    state: d.state as DeliveryState,
    at: d.at,
    reason: d.reason as ReplyDelivery['reason'],
    error: d.error,
  });
}

/** A line as stored: only the known fields, whatever else the caller's object holds. */
function lineRecord(line: TranscriptLine): HandoffRecord['transcript'][number] {
  return compact({
    from: line.from,
    text: line.text,
    at: line.at,
    delivery: line.delivery ? compact<DeliveryRecord>({ ...line.delivery }) : undefined,
    beforeHandoff: line.beforeHandoff,
    attachment: line.attachment ? attachmentOf(line.attachment) : undefined,
  });
}

/** A stored file's reference, only its known fields. */
function attachmentOf(a: TranscriptAttachment): TranscriptAttachment {
  return { documentId: a.documentId, filename: a.filename, contentType: a.contentType, size: a.size };
}

/** The officer queue on MongoDB (or FerretDB); transitions go through versioned writes (write-lock.ts). */
export class MongoHandoffRepository implements HandoffRepository {
  constructor(
    private readonly model: Model<HandoffRecord>,
    private readonly locks: Model<WriteLockRecord>,
  ) {}

  async open(input: NewHandoff): Promise<{ ticket: HandoffTicket; created: boolean }> {
    const openKey = openKeyOf(input.channel, input.chatId);
    // Three rounds: the open ticket we clashed with may be closed before we read it.
    for (let round = 0; round < 3; round++) {
      const record = compact<HandoffRecord>({
        _id: new Types.ObjectId(),
        openKey,
        channel: input.channel,
        chatId: input.chatId,
        citizenName: input.citizenName,
        reason: input.reason,
        priority: input.priority,
        officeId: input.officeId,
        status: 'waiting',
        createdAt: input.createdAt,
        transcript: (input.transcript ?? []).map(lineRecord),
        version: 1,
      });
      try {
        await this.model.create(record);
        return { ticket: toDomain(record), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const existing = await this.model.findOne({ openKey }).lean<HandoffRecord>().exec();
      if (existing) return { ticket: toDomain(existing), created: false };
    }
    throw new Error(`handoff for ${input.channel} chat kept changing while opening`);
  }

  async get(id: string): Promise<HandoffTicket | undefined> {
    const oid = toObjectId(id);
    const r = oid ? await this.model.findById(oid).lean<HandoffRecord>().exec() : null;
    return r ? toDomain(r) : undefined;
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
      r.status === 'closed' ? undefined : { $push: { transcript: lineRecord(line) } },
    );
  }

  async listWaiting(officeIds?: string[]): Promise<HandoffTicket[]> {
    const rows = await this.model
      .find(officeIds ? { status: 'waiting', officeId: { $in: officeIds } } : { status: 'waiting' })
      .sort({ priority: -1, createdAt: 1, _id: 1 })
      .lean<HandoffRecord[]>()
      .exec();
    return rows.map(toDomain);
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
    const r = await this.model
      .findOne({ openKey: openKeyOf(channel, chatId) })
      .lean<HandoffRecord>()
      .exec();
    return r ? toDomain(r) : undefined;
  }

  async noteLongWait(id: string, at: Date): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'waiting' && !r.waitNoticeAt ? { $set: { waitNoticeAt: at } } : undefined,
    );
  }

  async addNote(id: string, note: InternalNote): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'closed' ? undefined : { $push: { notes: compact({ ...note }) } },
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
      const push = { $push: { notes: compact({ ...note, transfer: { ...to } }) } };
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
    return rows.map(toDomain);
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
      return { $push: { transcript: lineRecord(line) } };
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
      .find({ channel: String(channel), chatId: String(chatId) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(Math.max(1, Math.min(limit, 100)))
      .lean<HandoffRecord[]>()
      .exec();
    return rows.map(toDomain);
  }

  eraseClosedByChat(channel: Channel, chatId: string): Promise<ErasedHandoffs> {
    return eraseClosedHandoffsOfChat(this.model, this.locks, channel, chatId);
  }

  private async transition(
    id: string,
    decide: Parameters<typeof mutate<HandoffRecord>>[3],
  ): Promise<HandoffTicket | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const res = await mutate(this.locks, this.model, oid, decide);
    return res.updated ? toDomain(res.doc) : undefined;
  }
}
