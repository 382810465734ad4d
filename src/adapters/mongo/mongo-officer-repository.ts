import { Types, type Model } from 'mongoose';
import { DuplicateError } from '../../ports/errors.js';
import type { Officer, OfficerRepository, OfficerRole } from '../../ports/officer-repository.js';
import type { OfficerRecord } from './officer-model.js';
import { compact, isDuplicateKeyError, toObjectId } from './mongo-utils.js';

function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

function toDomain(r: OfficerRecord): Officer {
  return compact<Officer>({
    id: r._id.toHexString(),
    username: r.username,
    displayName: r.displayName,
    role: r.role as OfficerRole,
    officeId: r.officeId,
    agencyId: r.agencyId,
    passwordHash: r.passwordHash,
    active: r.active,
    failedLogins: r.failedLogins,
    lockedUntil: r.lockedUntil,
    available: r.available,
  });
}

function toPersistence(o: Officer): OfficerRecord {
  return compact<OfficerRecord>({
    _id: new Types.ObjectId(o.id),
    username: o.username.trim(),
    usernameKey: usernameKey(o.username),
    displayName: o.displayName,
    role: o.role,
    officeId: o.officeId,
    agencyId: o.agencyId,
    passwordHash: o.passwordHash,
    active: o.active,
    failedLogins: o.failedLogins,
    lockedUntil: o.lockedUntil,
  });
}

/** Console users on MongoDB (or FerretDB). */
export class MongoOfficerRepository implements OfficerRepository {
  constructor(private readonly model: Model<OfficerRecord>) {}

  async create(input: Omit<Officer, 'id'>): Promise<Officer> {
    const officer: Officer = { ...input, id: new Types.ObjectId().toHexString() };
    try {
      await this.model.create(toPersistence(officer));
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateError('officer', 'username');
      throw err;
    }
    return { ...officer, username: officer.username.trim() };
  }

  async findByUsername(username: string): Promise<Officer | undefined> {
    const r = await this.model
      .findOne({ usernameKey: usernameKey(username) })
      .lean<OfficerRecord>()
      .exec();
    return r ? toDomain(r) : undefined;
  }

  async findById(id: string): Promise<Officer | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const r = await this.model.findById(oid).lean<OfficerRecord>().exec();
    return r ? toDomain(r) : undefined;
  }

  async list(officeIds?: string[]): Promise<Officer[]> {
    const rows = await this.model
      .find(officeIds ? { officeId: { $in: officeIds } } : {})
      .sort({ usernameKey: 1 })
      .lean<OfficerRecord[]>()
      .exec();
    return rows.map(toDomain);
  }

  async update(officer: Officer): Promise<Officer | undefined> {
    const oid = toObjectId(officer.id);
    if (!oid) return undefined;
    const { _id, ...fields } = toPersistence(officer);
    const update =
      officer.lockedUntil === undefined ? { $set: fields, $unset: { lockedUntil: '' } } : { $set: fields };
    try {
      // Last write wins on purpose: officer records change rarely and by admins or the login flow.
      const res = await this.model.updateOne({ _id }, update).exec();
      if (res.matchedCount === 0) return undefined;
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateError('officer', 'username');
      throw err;
    }
    return this.findById(officer.id);
  }

  async setAvailable(id: string, available: boolean): Promise<Officer | undefined> {
    const oid = toObjectId(id);
    if (!oid) return undefined;
    const res = await this.model.updateOne({ _id: oid }, { $set: { available } }).exec();
    return res.matchedCount === 0 ? undefined : this.findById(id);
  }

  async count(): Promise<number> {
    return this.model.estimatedDocumentCount().exec();
  }

  async countAvailable(officeIds?: string[]): Promise<number> {
    return this.model
      .countDocuments({
        active: true,
        available: true,
        ...(officeIds ? { officeId: { $in: officeIds } } : {}),
      })
      .exec();
  }
}
