import { createHash } from 'node:crypto';
import { Types, type FilterQuery, type Model } from 'mongoose';
import type { Actor } from '../../domain/application.js';
import type { AuditEvent, EventFilter, EventLog, NewEvent } from '../../ports/event-log.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { EventRecord } from './event-model.js';
import { compact, isDuplicateKeyError, pageBounds } from './mongo-utils.js';
import { openJson, sealJson } from './sealed-fields.js';

/**
 * The event id of a keyed event: the first 12 bytes of the key's SHA-256, and nothing else (a
 * retry may carry another time). The id is the primary key, so the key is unique without an
 * index of its own: FerretDB has no sparse unique indexes, and most events carry none. Events
 * sort by `at` first, so such an id only orders events of the same moment.
 */
function idForKey(key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`event:${key}`).digest().subarray(0, 12));
}

/**
 * Refuses keys FerretDB (and MongoDB before 5.0) cannot store, with the path, instead of a
 * server error that names neither. Objects only: arrays of objects would be nested arrays at worst.
 */
export function assertStorableKeys(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertStorableKeys(v, `${path}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('.') || k.startsWith('$') || k === '') {
      throw new TypeError(`event ${path}: key "${k}" cannot be stored (no ".", no leading "$")`);
    }
    assertStorableKeys(v, `${path}.${k}`);
  }
}

/** What an event's one sealed payload holds. */
type EventPayload = Pick<NewEvent, 'data' | 'before' | 'after'>;

/** Stored record -> event, its payload opened (an event stored before sealing reads as it is). */
function toDomain(cipher: FieldCipher, r: EventRecord): AuditEvent {
  const payload: EventPayload =
    r.sealed === undefined ? { data: r.data, before: r.before, after: r.after } : openJson(cipher, r.sealed);
  return compact<AuditEvent>({
    id: r._id.toHexString(),
    type: r.type,
    applicationId: r.applicationId,
    trackingNumber: r.trackingNumber,
    officeId: r.officeId,
    actor: { kind: r.actor.kind as Actor['kind'], id: r.actor.id },
    at: r.at,
    data: payload.data,
    before: payload.before,
    after: payload.after,
  });
}

/**
 * The event as stored: `data`, `before` and `after` (names, phone numbers, notes, old and new
 * values) sealed together as one JSON string, so reading an event costs one decryption (the
 * dashboard reads thousands); what the audit filters query (type, actor, application, office,
 * time) stays plain.
 */
function eventRecord(cipher: FieldCipher, event: NewEvent): Omit<EventRecord, '_id'> {
  const { data, before, after, ...plain } = event;
  for (const [part, value] of Object.entries({ data, before, after })) assertStorableKeys(value, part);
  const payload = compact({ data, before, after });
  return compact({
    ...plain,
    actor: { ...event.actor },
    sealed: Object.keys(payload).length > 0 ? sealJson(cipher, payload) : undefined,
  });
}

/** The find query of an event filter (all given filters must hold). */
function eventQuery(filter: EventFilter): FilterQuery<EventRecord> {
  const and: Array<FilterQuery<EventRecord>> = [];
  if (filter.type !== undefined)
    and.push({ type: { $in: Array.isArray(filter.type) ? filter.type : [filter.type] } });
  if (filter.actorId !== undefined) and.push({ 'actor.id': filter.actorId });
  if (filter.officeIds) and.push({ officeId: { $in: filter.officeIds } });
  if (filter.applicationId !== undefined) and.push({ applicationId: filter.applicationId });
  if (filter.from) and.push({ at: { $gte: filter.from } });
  if (filter.to) and.push({ at: { $lt: filter.to } });
  return and.length > 0 ? { $and: and } : {};
}

/** Audit events whose payload may carry an officer's free-text note about the application. */
const NOTE_EVENTS = ['application.status_changed', 'application.forwarded', 'application.agency_answered'];

/** The audit/event log on MongoDB (or FerretDB). */
export class MongoEventLog implements EventLog {
  constructor(
    private readonly model: Model<EventRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  async append(event: NewEvent): Promise<AuditEvent> {
    const doc = await this.model.create(eventRecord(this.cipher, event));
    return { ...event, id: doc._id.toHexString() };
  }

  async appendOnce(key: string, event: NewEvent): Promise<AuditEvent> {
    const record = eventRecord(this.cipher, event);
    const _id = idForKey(key);
    try {
      await this.model.create({ ...record, _id });
      return { ...event, id: _id.toHexString() };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const stored = await this.model.findById(_id).lean<EventRecord>().exec();
      return stored ? toDomain(this.cipher, stored) : { ...event, id: _id.toHexString() };
    }
  }

  async listForApplication(applicationId: string): Promise<AuditEvent[]> {
    const rows = await this.model
      .find({ applicationId })
      .sort({ at: 1, _id: 1 })
      .lean<EventRecord[]>()
      .exec();
    return rows.map((r) => toDomain(this.cipher, r));
  }

  async listWindow(filter: EventFilter, max: number): Promise<AuditEvent[]> {
    const rows = await this.model
      .find(eventQuery(filter))
      .sort({ at: -1, _id: -1 })
      .limit(Math.max(1, Math.trunc(max)))
      .lean<EventRecord[]>()
      .exec();
    return rows.map((r) => toDomain(this.cipher, r));
  }

  async search(filter: EventFilter, page: Page): Promise<PageResult<AuditEvent>> {
    const query = eventQuery(filter);
    const { limit, skip } = pageBounds(page);
    const [rows, total] = await Promise.all([
      this.model.find(query).sort({ at: -1, _id: -1 }).skip(skip).limit(limit).lean<EventRecord[]>().exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items: rows.map((r) => toDomain(this.cipher, r)), total };
  }

  async eraseNotes(applicationId: string): Promise<void> {
    // The notes sit inside each event's sealed payload: open, drop them, seal again.
    const rows = await this.model
      .find({ applicationId, type: { $in: NOTE_EVENTS }, sealed: { $exists: true } })
      .select({ _id: 1, sealed: 1 })
      .lean<Array<{ _id: unknown; sealed: string }>>()
      .exec();
    for (const row of rows) {
      const payload = openJson(this.cipher, row.sealed);
      const after = payload.after as { note?: unknown; revision?: { note?: unknown } } | undefined;
      if (after?.note === undefined && after?.revision?.note === undefined) continue;
      delete after.note;
      if (after.revision) delete after.revision.note;
      await this.model
        .updateOne({ _id: row._id, sealed: row.sealed }, { $set: { sealed: sealJson(this.cipher, payload) } })
        .exec();
    }
  }
}
