import type { Connection, Model, UpdateQuery } from 'mongoose';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { deadLetterModel, type DeadLetterRecord } from './dead-letter-model.js';
import { eventModel, type EventRecord } from './event-model.js';
import { chatKeyOf } from './handoff-mapper.js';
import { handoffModel, type HandoffRecord } from './handoff-model.js';
import { compact } from './mongo-utils.js';
import { satisfactionModel, type SatisfactionRecord } from './satisfaction-model.js';
import { resealJson, resealText, sealJson, type ResealReport } from './sealed-fields.js';
import { mutate } from './write-lock.js';
import { writeLockModel } from './write-lock-model.js';

/*
 * The re-sealers `npm run keys:rotate` runs for handoffs, events, dead letters and survey answers:
 * every sealed field not under the current key (or still plain, from before sealing) is opened
 * and sealed again, and blind indexes are computed again under the current key. A record that
 * does not open (or cannot be written) is reported and left alone, so one bad record never stops
 * a rotation, and a second run finds nothing left to do.
 */

/** The update that brings one record's sealed fields under the current key; none when current. */
type Plan<T> = (doc: T) => UpdateQuery<T> | undefined;

/**
 * A `$set` of only the fields that changed (a field already current, or absent, is not written
 * again), or none.
 */
function setOf<T>(fields: Record<string, string | undefined>): UpdateQuery<T> | undefined {
  const set = compact(fields);
  return Object.keys(set).length > 0 ? { $set: set } : undefined;
}

/** Walks `model`, planning each record and writing the ones that need it with `write`. */
async function resealEach<T extends { _id: unknown }>(
  model: Model<T>,
  plan: Plan<T>,
  write: (doc: T, update: UpdateQuery<T>) => Promise<void>,
): Promise<ResealReport> {
  const report: ResealReport = { checked: 0, resealed: 0, unreadable: [] };
  for await (const doc of model.find().lean<T>().cursor()) {
    const record = doc as T;
    report.checked++;
    let update: UpdateQuery<T> | undefined;
    try {
      update = plan(record);
    } catch {
      report.unreadable.push(String(record._id));
      continue;
    }
    if (!update) continue;
    try {
      await write(record, update);
      report.resealed++;
    } catch {
      // E.g. a second open ticket of one chat, opened by a process still on the old key.
      report.unreadable.push(String(record._id));
    }
  }
  return report;
}

/** A plain update by id, for collections no versioned writer guards. */
function updateById<T extends { _id: unknown }>(model: Model<T>) {
  return async (doc: T, update: UpdateQuery<T>): Promise<void> => {
    await model.updateOne({ _id: doc._id }, update).exec();
  };
}

/**
 * A handoff's sealed fields (chat, display name, every transcript line and file name, every note)
 * and its chat's blind index, which an open ticket also carries as its `openKey`.
 */
function planHandoff(cipher: FieldCipher, r: HandoffRecord): UpdateQuery<HandoffRecord> | undefined {
  const chatKey = chatKeyOf(cipher, r.channel, cipher.open(r.chatId));
  const fields: Record<string, string | undefined> = {
    chatId: resealText(cipher, r.chatId),
    chatKey: r.chatKey === chatKey ? undefined : chatKey,
    openKey: r.status === 'closed' || r.openKey === chatKey ? undefined : chatKey,
    citizenName: resealText(cipher, r.citizenName),
  };
  r.transcript.forEach((line, i) => {
    fields[`transcript.${i}.text`] = resealText(cipher, line.text);
    fields[`transcript.${i}.attachment.filename`] = resealText(cipher, line.attachment?.filename);
  });
  r.notes?.forEach((note, i) => {
    fields[`notes.${i}.text`] = resealText(cipher, note.text);
  });
  return setOf(fields);
}

/**
 * Re-seals handoff tickets. Tickets are versioned, so each write goes through the write lock and
 * is planned again on the version it writes: a line appended meanwhile is never lost.
 */
export async function resealHandoffs(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = handoffModel(conn);
  const locks = writeLockModel(conn);
  return resealEach(
    model,
    (r) => planHandoff(cipher, r),
    async (doc) => {
      await mutate(locks, model, doc._id, (current) => planHandoff(cipher, current));
    },
  );
}

/**
 * Re-seals audit events' payload, and seals the `data`/`before`/`after` of events stored before
 * sealing into one payload.
 */
export async function resealEvents(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = eventModel(conn);
  const plan = (r: EventRecord): UpdateQuery<EventRecord> | undefined => {
    const legacy = compact({ data: r.data, before: r.before, after: r.after });
    if (Object.keys(legacy).length === 0) return setOf({ sealed: resealJson(cipher, r.sealed) });
    return { $set: { sealed: sealJson(cipher, legacy) }, $unset: { data: '', before: '', after: '' } };
  };
  return resealEach(model, plan, updateById(model));
}

/** Re-seals parked messages' chat and error. */
export async function resealDeadLetters(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = deadLetterModel(conn);
  const plan = (r: DeadLetterRecord) =>
    setOf<DeadLetterRecord>({ chatId: resealText(cipher, r.chatId), error: resealText(cipher, r.error) });
  return resealEach(model, plan, updateById(model));
}

/** Re-seals citizens' survey comments. */
export async function resealSatisfaction(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = satisfactionModel(conn);
  const plan = (r: SatisfactionRecord) =>
    setOf<SatisfactionRecord>({ comment: resealText(cipher, r.comment) });
  return resealEach(model, plan, updateById(model));
}
