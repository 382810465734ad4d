import { Types } from 'mongoose';
import type {
  Actor,
  AnswerValue,
  Application,
  ApplicationStatus,
  Channel,
  StatusChange,
} from '../../domain/application.js';
import { normalizePhone } from '../../dialogue/phone.js';
import { openAgencyStep, type AgencyOutcome, type AgencyStep } from '../../domain/agency.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import { contactKeyOf, type AgencyStepRecord, type ApplicationRecord } from './application-model.js';
import { compact } from './mongo-utils.js';

/*
 * What is sealed in an application (docs/decisions/0010-field-encryption.md): the applicant's
 * name, NIK, phone and chat id, the answers, the file names, the free-text notes (status history,
 * revision, rejection) and a citizen actor's id in the history (`<channel>:<chat id>`, a phone
 * number on WhatsApp), and the notes of the agency steps (what was asked of a dinas, and its
 * answer, often name the applicant's case). The answers are sealed as one JSON string, not value by value: they are
 * always read and written whole, nothing queries inside them, one open per read is cheaper than
 * one per answer, and the step ids (which say what was asked) are hidden too. What the store
 * looks up by is a blind index next to the sealed value: `contactKey`, `nikIndex`, `phoneIndex`,
 * and `nameIndex` (one digest per lower-cased word of the name, so a whole-word name search
 * works; a part of a word cannot be searched any more).
 */

/** The blind-index purposes of an application (FieldCipher.blindIndex). */
export const INDEX = { contact: 'contact', nik: 'nik', phone: 'phone', name: 'name' } as const;

/** A full NIK: only that is worth an index (a masked one after erasure is not). */
const FULL_NIK = /^\d{16}$/;

/** The words of a name as the name index keeps them: lower case, letters and digits only. */
export function nameWords(name: string): string[] {
  return [
    ...new Set(
      name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ];
}

/** The phone as the index keeps it: the `+628...` form when it is a mobile number. */
export function phoneKey(phone: string): string {
  return normalizePhone(phone) ?? phone;
}

const sealOpt = (c: FieldCipher, v: string | undefined): string | undefined =>
  v === undefined ? undefined : c.seal(v);
const openOpt = (c: FieldCipher, v: string | null | undefined): string | undefined =>
  v === undefined || v === null ? undefined : c.open(v);

/** A citizen actor's id is a chat address: sealed; an officer's or the system's is not personal. */
const sealActor = (c: FieldCipher, by: Actor) => ({
  kind: by.kind,
  id: by.kind === 'citizen' ? c.seal(by.id) : by.id,
});

/** Answers as stored: a sealed JSON string, or (written before encryption) a plain object. */
function openAnswers(c: FieldCipher, stored: ApplicationRecord['answers']): Record<string, AnswerValue> {
  if (typeof stored === 'string') return JSON.parse(c.open(stored)) as Record<string, AnswerValue>;
  return { ...stored };
}

/** Agency steps as stored, with the two notes sealed; absent when the application has none. */
function sealSteps(c: FieldCipher, steps: AgencyStep[] | undefined): AgencyStepRecord[] | undefined {
  if (!steps || steps.length === 0) return undefined;
  return steps.map((s) => compact({ ...s, note: c.seal(s.note), answerNote: sealOpt(c, s.answerNote) }));
}

function openSteps(c: FieldCipher, steps: AgencyStepRecord[] | undefined): AgencyStep[] | undefined {
  if (!steps || steps.length === 0) return undefined;
  return steps.map((s) =>
    compact<AgencyStep>({
      agencyId: s.agencyId,
      forwardedAt: s.forwardedAt,
      forwardedBy: s.forwardedBy,
      slaDays: s.slaDays,
      slaDueAt: s.slaDueAt,
      note: c.open(s.note),
      answeredAt: s.answeredAt ?? undefined,
      answeredBy: s.answeredBy ?? undefined,
      outcome: (s.outcome ?? undefined) as AgencyOutcome | undefined,
      answerNote: openOpt(c, s.answerNote),
      overdueNoticeAt: s.overdueNoticeAt ?? undefined,
    }),
  );
}

/** Stored record -> domain application (ddd-forum's `toDomain`), opening the sealed fields. */
export function applicationToDomain(r: ApplicationRecord, c: FieldCipher): Application {
  const { contact } = r.applicant;
  return compact<Application>({
    id: r._id.toHexString(),
    trackingNumber: r.trackingNumber,
    serviceId: r.serviceId,
    applicant: compact({
      name: c.open(r.applicant.name),
      nik: c.open(r.applicant.nik),
      phone: openOpt(c, r.applicant.phone),
      contact: contact ? { channel: contact.channel as Channel, chatId: c.open(contact.chatId) } : undefined,
    }),
    answers: openAnswers(c, r.answers),
    documents: r.documents.map((d) => ({ ...d, filename: c.open(d.filename), sha256: c.open(d.sha256) })),
    officeId: r.officeId,
    status: r.status as ApplicationStatus,
    statusHistory: r.statusHistory.map((h) =>
      compact<StatusChange>({
        from: (h.from ?? null) as ApplicationStatus | null,
        to: h.to as ApplicationStatus,
        at: h.at,
        by: { kind: h.by.kind as Actor['kind'], id: h.by.kind === 'citizen' ? c.open(h.by.id) : h.by.id },
        note: openOpt(c, h.note),
      }),
    ),
    rejectionReason: openOpt(c, r.rejectionReason),
    revision: r.revision ? { stepId: r.revision.stepId, note: c.open(r.revision.note) } : undefined,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    slaDueAt: r.slaDueAt,
    erasedAt: r.erasedAt ?? undefined,
    overdueNoticeAt: r.overdueNoticeAt ?? undefined,
    agencySteps: openSteps(c, r.agencySteps),
    version: r.version,
  });
}

/** The blind indexes of an application under the current key; none of an erased field. */
function indexesOf(
  a: Application,
  c: FieldCipher,
): Pick<ApplicationRecord, 'contactKey' | 'nikIndex' | 'phoneIndex' | 'nameIndex'> {
  const { contact, nik, phone, name } = a.applicant;
  const erased = a.erasedAt !== undefined;
  return compact({
    contactKey: contact ? c.blindIndex(INDEX.contact, contactKeyOf(contact)) : undefined,
    nikIndex: !erased && FULL_NIK.test(nik) ? c.blindIndex(INDEX.nik, nik) : undefined,
    phoneIndex: phone ? c.blindIndex(INDEX.phone, phoneKey(phone)) : undefined,
    nameIndex: erased ? undefined : nameWords(name).map((w) => c.blindIndex(INDEX.name, w)),
  });
}

/**
 * Domain application -> stored record (ddd-forum's `toPersistence`), sealed under the current
 * key, with its blind indexes; optional fields left out, not null.
 */
export function applicationToPersistence(
  a: Application,
  c: FieldCipher,
): Omit<ApplicationRecord, 'idempotencyKey'> {
  return compact<Omit<ApplicationRecord, 'idempotencyKey'>>({
    _id: new Types.ObjectId(a.id),
    trackingNumber: a.trackingNumber,
    serviceId: a.serviceId,
    applicant: compact({
      name: c.seal(a.applicant.name),
      nik: c.seal(a.applicant.nik),
      phone: sealOpt(c, a.applicant.phone),
      contact: a.applicant.contact
        ? { channel: a.applicant.contact.channel, chatId: c.seal(a.applicant.contact.chatId) }
        : undefined,
    }),
    ...indexesOf(a, c),
    answers: c.seal(JSON.stringify(a.answers)),
    // The file's digest is sealed too: a plain SHA-256 would confirm a known file (decision 0010).
    documents: a.documents.map((d) => ({ ...d, filename: c.seal(d.filename), sha256: c.seal(d.sha256) })),
    officeId: a.officeId,
    status: a.status,
    statusHistory: a.statusHistory.map((h) =>
      compact({ ...h, by: sealActor(c, h.by), note: sealOpt(c, h.note) }),
    ),
    rejectionReason: sealOpt(c, a.rejectionReason),
    revision: a.revision ? { stepId: a.revision.stepId, note: c.seal(a.revision.note) } : undefined,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    slaDueAt: a.slaDueAt,
    erasedAt: a.erasedAt,
    overdueNoticeAt: a.overdueNoticeAt,
    agencySteps: sealSteps(c, a.agencySteps),
    waitingOn: openAgencyStep(a)?.agencyId,
    version: a.version,
  });
}

/** Optional stored fields a write removes when the application no longer has them. */
const OPTIONAL = [
  'rejectionReason',
  'revision',
  'contactKey',
  'nikIndex',
  'phoneIndex',
  'nameIndex',
  'agencySteps',
  'waitingOn',
] as const;

/**
 * The update that replaces a stored application by `a` (all but `_id`, `version` and the tracking
 * number, which never change): what `save` and the re-sealer of `npm run keys:rotate` write. An
 * index of an erased field is unset, not left behind.
 */
export function applicationReplacement(
  a: Application,
  c: FieldCipher,
): { $set: Partial<ApplicationRecord>; $unset?: Record<string, ''> } {
  const { _id, version: _v, trackingNumber: _t, ...fields } = applicationToPersistence(a, c);
  const $unset: Record<string, ''> = {};
  for (const k of OPTIONAL) if (fields[k] === undefined) $unset[k] = '';
  return Object.keys($unset).length > 0 ? { $set: fields, $unset } : { $set: fields };
}

/**
 * Every sealed value and blind index a stored application holds: `npm run keys:rotate` re-seals
 * the record when one of them is not under the current key (or is still plain).
 */
export function applicationSealedValues(r: ApplicationRecord): { sealed: string[]; indexes: string[] } {
  const sealed = [r.applicant.name, r.applicant.nik, r.applicant.phone, r.applicant.contact?.chatId];
  sealed.push(typeof r.answers === 'string' ? r.answers : JSON.stringify(r.answers));
  for (const d of r.documents) sealed.push(d.filename, d.sha256);
  for (const h of r.statusHistory)
    sealed.push(h.note ?? undefined, h.by.kind === 'citizen' ? h.by.id : undefined);
  sealed.push(r.rejectionReason ?? undefined, r.revision?.note);
  for (const s of r.agencySteps ?? []) sealed.push(s.note, s.answerNote ?? undefined);
  const indexes = [r.contactKey, r.nikIndex, r.phoneIndex, ...(r.nameIndex ?? [])];
  return {
    sealed: sealed.filter((v): v is string => typeof v === 'string'),
    indexes: indexes.filter((v): v is string => typeof v === 'string'),
  };
}
