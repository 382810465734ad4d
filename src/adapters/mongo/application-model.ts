import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANNELS, STATUSES, type AnswerValue } from '../../domain/application.js';
import type { AgencyStep } from '../../domain/agency-step.js';
import type { PendingEffect } from '../../ports/application-repository.js';
import { modelOn } from './mongo-utils.js';

/**
 * An application as stored. Differs from the domain type in `_id`, string-typed enums, and the
 * personal data sealed by the field cipher (application-mapper.ts says which fields) with blind
 * indexes beside it. A value written before encryption is plain and still reads.
 */
export interface ApplicationRecord {
  _id: Types.ObjectId;
  trackingNumber: string;
  serviceId: string;
  /** Name, NIK, phone and the contact's chat id sealed; the contact's channel plain. */
  applicant: { name: string; nik: string; phone?: string; contact?: { channel: string; chatId: string } };
  /**
   * Blind index of `channel:chatId` of `applicant.contact`, absent without one (and after
   * erasure). "My applications" looks up this top-level field (by its index on MongoDB), never
   * the nested contact: FerretDB 1.24 lets the database filter a top-level field, but reads and
   * decodes every application itself for a filter on a nested one, so such a lookup grows with
   * the collection. The blind indexes below are top-level for the same reason.
   */
  contactKey?: string;
  /** Blind index of the full NIK (the console's NIK search); absent after erasure. */
  nikIndex?: string;
  /** Blind index of the phone in its `+62` form (the console's phone search). */
  phoneIndex?: string;
  /** Blind indexes of each lower-cased word of the name (whole-word name search); absent after erasure. */
  nameIndex?: string[];
  /**
   * The answers keyed by flow step id, as one sealed JSON string; an object (keys
   * `[a-z][a-z0-9_]*`, safe as field names on FerretDB) when written before encryption.
   */
  answers: Record<string, AnswerValue> | string;
  documents: Array<{
    id: string;
    stepId: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
    uploadedAt: Date;
  }>;
  officeId: string;
  status: string;
  statusHistory: Array<{
    from: string | null;
    to: string;
    at: Date;
    by: { kind: string; id: string };
    note?: string;
  }>;
  rejectionReason?: string;
  revision?: { stepId: string; note: string };
  createdAt: Date;
  updatedAt: Date;
  slaDueAt: Date;
  /** When retention erased the personal data (see the domain type). */
  erasedAt?: Date;
  overdueNoticeAt?: Date;
  /** Forwards to other agencies; `note` and `answerNote` sealed (application-mapper.ts). */
  agencySteps?: AgencyStepRecord[];
  /**
   * The agency the open step waits on, absent when none is open: a top-level field, for the same
   * reason as `contactKey`, so an agency account's list is filtered by the database.
   */
  waitingOn?: string;
  version: number;
  /** Always set (the id when the caller gives none): FerretDB has no sparse unique indexes. */
  idempotencyKey: string;
  /** Follow-ups of the last writes not yet done (see the port's `PendingEffect`). */
  pendingEffects?: PendingEffect[];
  /**
   * True while `pendingEffects` is not empty, absent otherwise: the reconciler looks up this
   * top-level equality, which FerretDB filters in the database, never the nested array.
   */
  effectsPending?: boolean;
  /** Written by `mutateInPlace` (write-lock.ts). */
  inPlaceSeq?: number;
}

/**
 * One agency step as stored: the domain's step, dates and ids plain, the officers' and the
 * agency's words (`note`, `answerNote`) sealed; the outcome read back as stored text.
 */
export type AgencyStepRecord = Omit<AgencyStep, 'outcome'> & { outcome?: string };

const agencyStep = new Schema<AgencyStepRecord>(
  {
    agencyId: { type: String, required: true },
    forwardedAt: { type: Date, required: true },
    forwardedBy: { type: String, required: true },
    slaDays: { type: Number, required: true },
    slaDueAt: { type: Date, required: true },
    note: { type: String, required: true },
    answeredAt: Date,
    answeredBy: String,
    outcome: String,
    answerNote: String,
    overdueNoticeAt: Date,
  },
  { _id: false },
);

const actor = new Schema(
  { kind: { type: String, required: true }, id: { type: String, required: true } },
  { _id: false },
);

const schema = new Schema<ApplicationRecord>(
  {
    trackingNumber: { type: String, required: true },
    serviceId: { type: String, required: true },
    applicant: {
      type: new Schema(
        {
          name: { type: String, required: true },
          nik: { type: String, required: true },
          phone: String,
          contact: {
            type: new Schema(
              {
                channel: { type: String, enum: CHANNELS, required: true },
                chatId: { type: String, required: true },
              },
              { _id: false },
            ),
            required: false,
          },
        },
        { _id: false },
      ),
      required: true,
    },
    contactKey: String,
    nikIndex: String,
    phoneIndex: String,
    nameIndex: { type: [String], default: undefined },
    answers: { type: Schema.Types.Mixed, default: {} },
    documents: [
      new Schema(
        {
          id: { type: String, required: true },
          stepId: { type: String, required: true },
          filename: { type: String, required: true },
          contentType: { type: String, required: true },
          size: { type: Number, required: true },
          sha256: { type: String, required: true },
          uploadedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
    ],
    officeId: { type: String, required: true },
    status: { type: String, enum: STATUSES, required: true },
    statusHistory: [
      new Schema(
        {
          from: { type: String, default: null },
          to: { type: String, required: true },
          at: { type: Date, required: true },
          by: { type: actor, required: true },
          note: String,
        },
        { _id: false },
      ),
    ],
    rejectionReason: String,
    revision: { type: new Schema({ stepId: String, note: String }, { _id: false }), required: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    slaDueAt: { type: Date, required: true },
    erasedAt: { type: Date, required: false },
    overdueNoticeAt: { type: Date, required: false },
    agencySteps: { type: [agencyStep], default: undefined },
    waitingOn: String,
    version: { type: Number, required: true },
    idempotencyKey: { type: String, required: true },
    pendingEffects: { type: [Schema.Types.Mixed], default: undefined },
    effectsPending: { type: Boolean, required: false },
    inPlaceSeq: { type: Number, required: false },
  },
  // `minimize: false` keeps an empty `answers: {}`; our own `version` replaces mongoose's `__v`.
  { versionKey: false, minimize: false },
);

// Unique tracking numbers by index, never by luck (issue 2).
schema.index({ trackingNumber: 1 }, { unique: true });
schema.index({ idempotencyKey: 1 }, { unique: true });
schema.index({ officeId: 1, status: 1, createdAt: -1 });
schema.index({ contactKey: 1 });
schema.index({ nikIndex: 1 });
schema.index({ phoneIndex: 1 });
schema.index({ nameIndex: 1 });
schema.index({ status: 1, slaDueAt: 1 });
schema.index({ createdAt: -1 });
schema.index({ effectsPending: 1 });
schema.index({ waitingOn: 1 });

/** The value `contactKey` indexes: a channel name has no colon, so this names one chat. */
export const contactKeyOf = (contact: { channel: string; chatId: string }): string =>
  `${contact.channel}:${contact.chatId}`;

/** The `applications` collection. */
export function applicationModel(conn: Connection): Model<ApplicationRecord> {
  return modelOn(conn, 'Application', schema, 'applications');
}
