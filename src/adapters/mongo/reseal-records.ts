import type { Connection, Model, UpdateQuery } from 'mongoose';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { deadLetterModel, type DeadLetterRecord } from './dead-letter-model.js';
import { eventModel, type EventRecord } from './event-model.js';
import { handoffModel, type HandoffRecord } from './handoff-model.js';
import { compact } from './mongo-utils.js';
import { satisfactionModel, type SatisfactionRecord } from './satisfaction-model.js';
import { resealJson, resealText, type ResealReport } from './sealed-fields.js';
import { mutate } from './write-lock.js';
import { writeLockModel } from './write-lock-model.js';

/*
 * The re-sealers `npm run keys:rotate` runs for handoffs, events, dead letters and survey answers:
 * every sealed field not under the current key (or still plain, from before sealing) is opened
 * and sealed again. A record that does not open is reported and left alone, so one bad record
 * never stops a rotation, and a second run finds nothing left to do.
 */

/** The `$set` that brings one record's sealed fields under the current key; empty when none. */
type Plan<T> = (doc: T) => Record<string, unknown>;

/** Only the fields that changed: a field already current (or absent) is not written again. */
function changed(fields: Record<string, string | undefined>): Record<string, string> {
  return compact(fields) as Record<string, string>;
}

/** Walks `model`, planning each record and writing the ones that need it with `write`. */
async function resealEach<T extends { _id: unknown }>(
  model: Model<T>,
  plan: Plan<T>,
  write: (doc: T, set: Record<string, unknown>) => Promise<void>,
): Promise<ResealReport> {
  const report: ResealReport = { checked: 0, resealed: 0, unreadable: [] };
  for await (const doc of model.find().lean<T>().cursor()) {
    const record = doc as T;
    report.checked++;
    let set: Record<string, unknown>;
    try {
      set = plan(record);
    } catch {
      report.unreadable.push(String(record._id));
      continue;
    }
    if (Object.keys(set).length === 0) continue;
    await write(record, set);
    report.resealed++;
  }
  return report;
}

/** A plain `$set` by id, for collections no versioned writer guards. */
function setById<T extends { _id: unknown }>(model: Model<T>) {
  return async (doc: T, set: Record<string, unknown>): Promise<void> => {
    await model.updateOne({ _id: doc._id }, { $set: set } as UpdateQuery<T>).exec();
  };
}

/** A handoff's sealed fields: display name, every transcript line and file name, every note. */
function planHandoff(cipher: FieldCipher, r: HandoffRecord): Record<string, unknown> {
  const fields: Record<string, string | undefined> = { citizenName: resealText(cipher, r.citizenName) };
  r.transcript.forEach((line, i) => {
    fields[`transcript.${i}.text`] = resealText(cipher, line.text);
    fields[`transcript.${i}.attachment.filename`] = resealText(cipher, line.attachment?.filename);
  });
  r.notes?.forEach((note, i) => {
    fields[`notes.${i}.text`] = resealText(cipher, note.text);
  });
  return changed(fields);
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
      await mutate(locks, model, doc._id, (current) => {
        const set = planHandoff(cipher, current);
        return Object.keys(set).length > 0 ? { $set: set } : undefined;
      });
    },
  );
}

/** Re-seals audit events' `data`, `before` and `after` (and seals the ones stored plain). */
export async function resealEvents(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = eventModel(conn);
  const plan = (r: EventRecord) =>
    changed({
      data: resealJson(cipher, r.data),
      before: resealJson(cipher, r.before),
      after: resealJson(cipher, r.after),
    });
  return resealEach(model, plan, setById(model));
}

/** Re-seals parked messages' chat and error. */
export async function resealDeadLetters(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = deadLetterModel(conn);
  const plan = (r: DeadLetterRecord) =>
    changed({ chatId: resealText(cipher, r.chatId), error: resealText(cipher, r.error) });
  return resealEach(model, plan, setById(model));
}

/** Re-seals citizens' survey comments. */
export async function resealSatisfaction(conn: Connection, cipher: FieldCipher): Promise<ResealReport> {
  const model = satisfactionModel(conn);
  const plan = (r: SatisfactionRecord) => changed({ comment: resealText(cipher, r.comment) });
  return resealEach(model, plan, setById(model));
}
