import { Types, type FilterQuery, type Model } from 'mongoose';
import type { Application, ApplicationStatus, ChatAddress } from '../../domain/application.js';
import type {
  ApplicationFilter,
  ApplicationRepository,
  NewApplication,
} from '../../ports/application-repository.js';
import { ConcurrencyError, DuplicateError } from '../../ports/errors.js';
import type { Page, PageResult } from '../../ports/page.js';
import { applicationToDomain, applicationToPersistence } from './application-mapper.js';
import { contactKeyOf, type ApplicationRecord } from './application-model.js';
import { escapeRegex, isDuplicateKeyError, pageBounds, toObjectId } from './mongo-utils.js';
import { compareAndSet } from './write-lock.js';
import type { WriteLockRecord } from './write-lock-model.js';

/** How many fresh tracking numbers `create` asks for before giving up. */
const TRACKING_NUMBER_TRIES = 8;

/** Statuses in which the office no longer owes the citizen work, so the SLA no longer runs. */
const SLA_STOPPED: ApplicationStatus[] = ['READY_FOR_PICKUP', 'COMPLETED', 'REJECTED', 'CANCELLED'];

/** Applications in MongoDB (or FerretDB). */
export class MongoApplicationRepository implements ApplicationRepository {
  constructor(
    private readonly model: Model<ApplicationRecord>,
    private readonly locks: Model<WriteLockRecord>,
  ) {}

  async create(
    input: NewApplication,
    nextTrackingNumber: () => string,
    opts: { idempotencyKey?: string } = {},
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
        await this.model.create({
          ...applicationToPersistence(app),
          idempotencyKey: opts.idempotencyKey ?? app.id,
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
    return r ? applicationToDomain(r) : undefined;
  }

  async findById(id: string): Promise<Application | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const r = await this.model.findById(oid).lean<ApplicationRecord>().exec();
    return r ? applicationToDomain(r) : undefined;
  }

  async findByTrackingNumber(trackingNumber: string): Promise<Application | undefined> {
    const r = await this.model.findOne({ trackingNumber }).lean<ApplicationRecord>().exec();
    return r ? applicationToDomain(r) : undefined;
  }

  async findByDocumentId(documentId: string): Promise<Application | undefined> {
    const r = await this.model.findOne({ 'documents.id': documentId }).lean<ApplicationRecord>().exec();
    return r ? applicationToDomain(r) : undefined;
  }

  async listByContact(address: ChatAddress): Promise<Application[]> {
    const rows = await this.model
      .find({
        contactKey: contactKeyOf({ channel: String(address.channel), chatId: String(address.chatId) }),
      })
      .sort({ createdAt: -1, _id: -1 })
      .lean<ApplicationRecord[]>()
      .exec();
    return rows.map(applicationToDomain);
  }

  async list(filter: ApplicationFilter, page: Page): Promise<PageResult<Application>> {
    const query = toQuery(filter);
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
    return { items: rows.map(applicationToDomain), total };
  }

  async save(app: Application, expectedVersion: number): Promise<Application> {
    const id = toObjectId(app.id);
    if (!id) throw new ConcurrencyError('application', app.id, expectedVersion);
    // The tracking number and _id never change; everything else is replaced.
    const { _id, version: _v, trackingNumber: _t, ...fields } = applicationToPersistence(app);
    const $unset: Record<string, ''> = {};
    if (app.rejectionReason === undefined) $unset.rejectionReason = '';
    if (app.revision === undefined) $unset.revision = '';
    if (app.applicant.contact === undefined) $unset.contactKey = '';
    const update = Object.keys($unset).length > 0 ? { $set: fields, $unset } : { $set: fields };
    if (!(await compareAndSet(this.locks, this.model, _id, expectedVersion, update))) {
      throw new ConcurrencyError('application', app.id, expectedVersion);
    }
    return { ...app, version: expectedVersion + 1 };
  }

  async markOverdueNoticed(id: string, at: Date): Promise<void> {
    const _id = toObjectId(id);
    if (_id) await this.model.updateOne({ _id }, { $set: { overdueNoticeAt: at } }).exec();
  }
}

function toQuery(f: ApplicationFilter): FilterQuery<ApplicationRecord> {
  const and: Array<FilterQuery<ApplicationRecord>> = [];
  if (f.officeIds) and.push({ officeId: { $in: f.officeIds } });
  if (f.status !== undefined) and.push({ status: { $in: Array.isArray(f.status) ? f.status : [f.status] } });
  if (f.serviceId !== undefined) and.push({ serviceId: f.serviceId });
  if (f.overdueAt) and.push({ slaDueAt: { $lt: f.overdueAt } }, { status: { $nin: SLA_STOPPED } });
  if (f.overdueNotNoticed) and.push({ overdueNoticeAt: { $exists: false } });
  if (f.from) and.push({ createdAt: { $gte: f.from } });
  if (f.to) and.push({ createdAt: { $lt: f.to } });
  const text = f.text?.trim();
  if (text) {
    const pattern = escapeRegex(text);
    and.push({
      $or: [
        { trackingNumber: { $regex: pattern, $options: 'i' } },
        { 'applicant.name': { $regex: pattern, $options: 'i' } },
      ],
    });
  }
  return and.length > 0 ? { $and: and } : {};
}
