import { Types, type Model } from 'mongoose';
import type { Channel } from '../../domain/application.js';
import type {
  HandoffReason,
  HandoffRepository,
  HandoffTicket,
  NewHandoff,
  TranscriptLine,
} from '../../ports/handoff-repository.js';
import type { HandoffRecord } from './handoff-model.js';
import { compact, isDuplicateKeyError, toObjectId } from './mongo-utils.js';
import { mutate } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

function openKeyOf(channel: string, chatId: string): string {
  return `${channel}:${chatId}`;
}

/** A transcript line as stored: only the known fields, whatever the caller's object carries. */
function recordOf(line: TranscriptLine): HandoffRecord['transcript'][number] {
  const { from, text, at, attachment: a } = line;
  return a
    ? {
        from,
        text,
        at,
        attachment: {
          documentId: a.documentId,
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
        },
      }
    : { from, text, at };
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
    transcript: r.transcript.map(lineOf),
  });
}

/** A stored transcript line; a file's line keeps its attachment. */
function lineOf(t: HandoffRecord['transcript'][number]): TranscriptLine {
  const line: TranscriptLine = { from: t.from as TranscriptLine['from'], text: t.text, at: t.at };
  if (t.attachment) {
    const { documentId, filename, contentType, size } = t.attachment;
    line.attachment = { documentId, filename, contentType, size };
  }
  return line;
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
        transcript: (input.transcript ?? []).map(recordOf),
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

  async close(id: string, now: Date): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'closed'
        ? undefined
        : { $set: { status: 'closed', closedAt: now, openKey: r._id.toHexString() } },
    );
  }

  async appendMessage(id: string, line: TranscriptLine): Promise<HandoffTicket | undefined> {
    return this.transition(id, (r) =>
      r.status === 'closed' ? undefined : { $push: { transcript: recordOf(line) } },
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
