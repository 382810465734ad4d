import { Types, type FilterQuery, type Model } from 'mongoose';
import type { Application, ApplicationStatus, ChatAddress } from '../../domain/application.js';
import type {
  ApplicationFilter,
  ApplicationRepository,
  NewApplication,
  PendingEffect,
  PendingEffects,
  WriteEffects,
} from '../../ports/application-repository.js';
import { ConcurrencyError, DuplicateError } from '../../ports/errors.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import {
  applicationReplacement,
  applicationToDomain,
  applicationToPersistence,
  INDEX,
  nameWords,
  phoneKey,
} from './application-mapper.js';
import { contactKeyOf, type ApplicationRecord } from './application-model.js';
import { assertStorableKeys } from './mongo-event-log.js';
import { normalizePhone } from '../../dialogue/phone.js';
import { compact, escapeRegex, isDuplicateKeyError, pageBounds, toObjectId } from './mongo-utils.js';
import { compareAndSet, mutateInPlace } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** How many fresh tracking numbers `create` asks for before giving up. */
const TRACKING_NUMBER_TRIES = 8;

/** Statuses in which the office no longer owes the citizen work, so the SLA no longer runs. */
const SLA_STOPPED: ApplicationStatus[] = ['READY_FOR_PICKUP', 'COMPLETED', 'REJECTED', 'CANCELLED'];

/** Applications in MongoDB (or FerretDB), their personal data sealed by `cipher`. */
export class MongoApplicationRepository implements ApplicationRepository {
  private readonly toDomain: (r: ApplicationRecord) => Application;

  constructor(
    private readonly model: Model<ApplicationRecord>,
    private readonly locks: Model<WriteLockRecord>,
    private readonly cipher: FieldCipher,
  ) {
    this.toDomain = (r) => applicationToDomain(r, cipher);
  }

  async create(
    input: NewApplication,
    nextTrackingNumber: () => string,
    opts: { idempotencyKey?: string; effects?: (app: Application) => PendingEffect[] } = {},
  ): Promise<Application> {
    // No look for an earlier one first: the unique idempotency key refuses the insert of a
    // submission made before, and the catch below returns that one (a round trip saved per
    // submission).
    for (let attempt = 0; attempt < TRACKING_NUMBER_TRIES; attempt++) {
      const app: Application = {
        ...input,
        id: new Types.ObjectId().toHexString(),
        trackingNumber: nextTrackingNumber(),
        version: 1,
      };
      try {
        const effects = storable(opts.effects?.(app), this.cipher);
        await this.model.create({
          ...applicationToPersistence(app, this.cipher),
          idempotencyKey: opts.idempotencyKey ?? app.id,
          ...(effects.length > 0 ? { pendingEffects: effects, effectsPending: true } : {}),
        });
        return app;
      } catch (err) {
        // The unique indexes are the only arbiters: the same submission racing itself returns the
        // winner's application; a tracking-number clash means "draw again".
        if (!isDuplicateKeyError(err)) throw err;
        if (opts.idempotencyKey) {
          const winner = await this.findByIdempotencyKey(opts.idempotencyKey);
          if (winner) return winner;
        }
      }
    }
    throw new DuplicateError('application', 'trackingNumber');
  }

  private async findByIdempotencyKey(key: string): Promise<Application | undefined> {
    const r = await this.model.findOne({ idempotencyKey: key }).lean<ApplicationRecord>().exec();
    return r ? this.toDomain(r) : undefined;
  }

  async findById(id: string): Promise<Application | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const r = await this.model.findById(oid).lean<ApplicationRecord>().exec();
    return r ? this.toDomain(r) : undefined;
  }

  async findByTrackingNumber(trackingNumber: string): Promise<Application | undefined> {
    const r = await this.model.findOne({ trackingNumber }).lean<ApplicationRecord>().exec();
    return r ? this.toDomain(r) : undefined;
  }

  async findByDocumentId(documentId: string): Promise<Application | undefined> {
    const r = await this.model.findOne({ 'documents.id': documentId }).lean<ApplicationRecord>().exec();
    return r ? this.toDomain(r) : undefined;
  }

  async listByContact(address: ChatAddress): Promise<Application[]> {
    const chat = contactKeyOf({ channel: String(address.channel), chatId: String(address.chatId) });
    // Every key of the ring (a record not yet re-sealed by `keys:rotate` keeps its old index),
    // and the plain key a record written before encryption holds until then.
    const keys = [...this.cipher.blindIndexes(INDEX.contact, chat), chat];
    const rows = await this.model
      .find({ contactKey: { $in: keys } })
      .sort({ createdAt: -1, _id: -1 })
      .lean<ApplicationRecord[]>()
      .exec();
    return rows.map(this.toDomain);
  }

  async list(filter: ApplicationFilter, page: Page): Promise<PageResult<Application>> {
    const query = toQuery(filter, this.cipher);
    const { limit, skip } = pageBounds(page);
    const [rows, total] = await Promise.all([
      this.model
        .find(query)
        .sort({ createdAt: -1, _id: -1 })
        .skip(skip)
        .limit(limit)
        .lean<ApplicationRecord[]>()
        .exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items: rows.map(this.toDomain), total };
  }

  async save(app: Application, expectedVersion: number, opts: WriteEffects = {}): Promise<Application> {
    const id = toObjectId(app.id);
    if (!id) throw new ConcurrencyError('application', app.id, expectedVersion);
    // The tracking number and _id never change; everything else is replaced.
    const { $set, $unset } = applicationReplacement(app, this.cipher);
    const effects = storable(opts.effects, this.cipher);
    // The follow-ups go in this same write: saved together with the change, or not at all.
    const update = {
      $set: effects.length > 0 ? { ...$set, effectsPending: true } : $set,
      ...($unset ? { $unset } : {}),
      ...(effects.length > 0 ? { $push: { pendingEffects: { $each: effects } } } : {}),
    };
    if (!(await compareAndSet(this.locks, this.model, id, expectedVersion, update))) {
      throw new ConcurrencyError('application', app.id, expectedVersion);
    }
    return { ...app, version: expectedVersion + 1 };
  }

  async markOverdueNoticed(id: string, at: Date, opts: WriteEffects = {}): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    const effects = storable(opts.effects, this.cipher);
    await mutateInPlace(this.locks, this.model, _id, (current) => ({
      $set: {
        overdueNoticeAt: at,
        ...(effects.length > 0
          ? { pendingEffects: [...(current.pendingEffects ?? []), ...effects], effectsPending: true }
          : {}),
      },
    }));
  }

  async markAgencyOverdueNoticed(
    id: string,
    stepIndex: number,
    at: Date,
    opts: WriteEffects = {},
  ): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    const effects = storable(opts.effects, this.cipher);
    // The whole array is written back (sealed notes as stored): no reliance on positional paths.
    await mutateInPlace(this.locks, this.model, _id, (current) => ({
      $set: {
        agencySteps: (current.agencySteps ?? []).map((s, i) =>
          i === stepIndex ? { ...s, overdueNoticeAt: at } : s,
        ),
        ...(effects.length > 0
          ? { pendingEffects: [...(current.pendingEffects ?? []), ...effects], effectsPending: true }
          : {}),
      },
    }));
  }

  async listPendingEffects(before: Date, limit: number): Promise<PendingEffects[]> {
    const rows = await this.model
      .find({ effectsPending: true }, { pendingEffects: 1 })
      .sort({ _id: 1 })
      .limit(Math.max(1, Math.trunc(limit)))
      .lean<Array<Pick<ApplicationRecord, '_id' | 'pendingEffects'>>>()
      .exec();
    return rows
      .map((r) => ({
        applicationId: r._id.toHexString(),
        effects: (r.pendingEffects ?? []).filter((e) => e.at < before).map((e) => effectOf(e, this.cipher)),
      }))
      .filter((p) => p.effects.length > 0);
  }

  async completeEffect(applicationId: string, effectId: string): Promise<void> {
    const _id = toObjectId(applicationId);
    if (!_id) return;
    await mutateInPlace(this.locks, this.model, _id, (current) => {
      const before = current.pendingEffects ?? [];
      const rest = before.filter((e) => e.id !== effectId);
      if (rest.length === before.length) return undefined;
      return rest.length > 0
        ? { $set: { pendingEffects: rest } }
        : { $unset: { pendingEffects: '', effectsPending: '' } };
    });
  }
}

/**
 * Follow-ups as stored: no undefined fields, keys FerretDB can hold (checked before the write),
 * and the citizen's notice text sealed as the outbox row it becomes is (it can quote a note).
 * They live only until completed, moments after the write, so `keys:rotate` leaves them.
 */
function storable(effects: readonly PendingEffect[] | undefined, cipher: FieldCipher): PendingEffect[] {
  return (effects ?? []).map((e) => {
    if (e.audit)
      for (const part of ['data', 'before', 'after'] as const) assertStorableKeys(e.audit[part], part);
    return compact({
      ...e,
      audit: e.audit ? compact({ ...e.audit, actor: { ...e.audit.actor } }) : undefined,
      notice: e.notice ? { ...e.notice, text: cipher.seal(e.notice.text) } : undefined,
    });
  });
}

/** A stored follow-up as the port's type (a copy, so callers cannot change the read). */
function effectOf(e: PendingEffect, cipher: FieldCipher): PendingEffect {
  return compact<PendingEffect>({
    id: e.id,
    at: new Date(e.at),
    audit: e.audit ? compact({ ...e.audit, at: new Date(e.audit.at) }) : undefined,
    notice: e.notice ? { ...e.notice, text: cipher.open(e.notice.text) } : undefined,
    attachDocuments: e.attachDocuments ? [...e.attachDocuments] : undefined,
    deleteDocuments: e.deleteDocuments ? [...e.deleteDocuments] : undefined,
  });
}

/**
 * The console's search box over sealed data: a 16-digit text is a NIK and a mobile number a
 * phone, each matched on its blind index under every key of the ring; anything else is part of a
 * tracking number, or whole words of the name (each word's blind index; a part of a word cannot
 * match a digest).
 */
function textQuery(text: string, c: FieldCipher): FilterQuery<ApplicationRecord> {
  const digits = text.replace(/[\s.-]+/g, '');
  if (/^\d{16}$/.test(digits)) return { nikIndex: { $in: c.blindIndexes(INDEX.nik, digits) } };
  const phone = normalizePhone(text);
  if (phone) return { phoneIndex: { $in: c.blindIndexes(INDEX.phone, phoneKey(phone)) } };
  const byNumber = { trackingNumber: { $regex: escapeRegex(text), $options: 'i' } };
  const words = nameWords(text);
  if (words.length === 0) return byNumber;
  const byName = { $and: words.map((w) => ({ nameIndex: { $in: c.blindIndexes(INDEX.name, w) } })) };
  return { $or: [byNumber, byName] };
}

function toQuery(f: ApplicationFilter, c: FieldCipher): FilterQuery<ApplicationRecord> {
  const and: Array<FilterQuery<ApplicationRecord>> = [];
  if (f.officeIds) and.push({ officeId: { $in: f.officeIds } });
  if (f.status !== undefined) and.push({ status: { $in: Array.isArray(f.status) ? f.status : [f.status] } });
  if (f.serviceId !== undefined) and.push({ serviceId: f.serviceId });
  if (f.overdueAt) and.push({ slaDueAt: { $lt: f.overdueAt } }, { status: { $nin: SLA_STOPPED } });
  if (f.overdueNotNoticed) and.push({ overdueNoticeAt: { $exists: false } });
  if (f.waitingOnAgency !== undefined) and.push({ waitingOn: f.waitingOnAgency });
  if (f.waitingOnAnyAgency) and.push({ waitingOn: { $exists: true } });
  if (f.forwarded) and.push({ agencySteps: { $exists: true } });
  if (f.from) and.push({ createdAt: { $gte: f.from } });
  if (f.to) and.push({ createdAt: { $lt: f.to } });
  const text = f.text?.trim();
  if (text) and.push(textQuery(text, c));
  return and.length > 0 ? { $and: and } : {};
}
