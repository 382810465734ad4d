import { z } from 'zod';

/**
 * The shape of `flows/<service>.yaml`. Structure and data live here (fees, SLA, accepted file
 * types, conditions); every word the citizen reads lives in `locales/` under keys derived from
 * the flow and step ids (see `messageKeys` in this folder):
 *   `<service>.name`, `<service>.description`, `<service>.requirements` (a list),
 *   `<service>.in_person` (when `in_person: true`), `<service>.fee_note` (optional),
 *   `<service>.<step>.ask`, `<service>.<step>.help` (optional, e.g. what a good photo looks like),
 *   `<service>.<step>.options.<value>` for choice options,
 *   and the `message` key a rejection names.
 * A step prompt `<service>.<step>.ask` falls back to `steps.<step>.ask`, so common steps
 * (nama, nik, telepon, kelurahan) need no lines per service.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (e.g. akta_kelahiran)');
const mime = z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'expected a MIME type such as image/jpeg');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * `when:` on a step: every listed earlier step must have one of the listed answers
 * (`{ jenis: [hilang] }`); a leading `not:` inverts (`{ not: { jenis: [baru] } }`).
 */
export const conditionSchema = z.union([
  z.object({ not: z.record(id, z.array(scalar).min(1)) }).strict(),
  z.record(id, z.array(scalar).min(1)),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** A rejection is data: the first rule that fails is said to the citizen and the step asked again. */
export const rejectionSchema = z
  .object({
    if: z.union([
      z.object({ shorter_than: z.number().int().positive() }).strict(),
      z.object({ longer_than: z.number().int().positive() }).strict(),
      z.object({ not_matching: z.string().min(1) }).strict(),
      z.object({ below: z.number() }).strict(),
      z.object({ above: z.number() }).strict(),
      /** date steps: younger than N years (e.g. KTP needs 17). */
      z.object({ age_under: z.number().int().nonnegative() }).strict(),
      z.object({ in_future: z.literal(true) }).strict(),
      z.object({ older_than_days: z.number().int().positive() }).strict(),
    ]),
    message: z.string().min(1),
  })
  .strict();
export type Rejection = z.infer<typeof rejectionSchema>;

const base = {
  id,
  when: conditionSchema.optional(),
  /** Optional steps accept "lewati"/"skip". */
  optional: z.boolean().default(false),
  rejections: z.array(rejectionSchema).default([]),
};

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('choice'), options: z.array(id).min(2) }).strict(),
  z
    .object({ ...base, kind: z.literal('text'), max_length: z.number().int().positive().default(200) })
    .strict(),
  z.object({ ...base, kind: z.literal('number'), integer: z.boolean().default(true) }).strict(),
  z.object({ ...base, kind: z.literal('nik') }).strict(),
  z.object({ ...base, kind: z.literal('date') }).strict(),
  z.object({ ...base, kind: z.literal('phone') }).strict(),
  z.object({ ...base, kind: z.literal('yes_no') }).strict(),
  /** A kelurahan from the office list; the answer is the office id. */
  z.object({ ...base, kind: z.literal('kelurahan') }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('document'),
      accept: z.array(mime).min(1).default(['image/jpeg', 'image/png', 'application/pdf']),
      /** Defaults to UPLOAD_MAX_BYTES from the configuration. */
      max_bytes: z.number().int().positive().optional(),
      min_files: z.number().int().nonnegative().default(1),
      max_files: z.number().int().positive().default(1),
    })
    .strict(),
]);
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['kind'];

export const flowSchema = z
  .object({
    id,
    /** Where the facts come from, and that the numbers are indicative defaults. */
    source: z.string().min(1),
    fee: z
      .object({
        /** Rupiah; 0 means free. A levy set by regional regulation has `amount: null`. */
        amount: z.number().int().nonnegative().nullable(),
        legal_basis: z.string().min(1).optional(),
      })
      .strict(),
    sla_working_days: z.number().int().positive().max(60),
    /** True when something must be done at the counter (e.g. biometric recording): locale key `<id>.in_person`. */
    in_person: z.boolean().default(false),
    /**
     * Which steps fill the applicant and the routing office. Every flow lists all its steps,
     * the common ones included (their prompts fall back to `steps.<step>.ask`).
     */
    applicant: z
      .object({
        name: id.default('nama'),
        nik: id.default('nik'),
        phone: id.default('telepon'),
        office: id.default('kelurahan'),
      })
      .strict()
      .default({ name: 'nama', nik: 'nik', phone: 'telepon', office: 'kelurahan' }),
    /**
     * The other agencies (dinas) the service usually waits on, in order, each with its SLA in
     * working days: what the console offers when an officer forwards an application. The ids
     * are those of `agencies.yaml`.
     */
    agency_steps: z
      .array(z.object({ agency: id, sla_days: z.number().int().positive().max(60) }).strict())
      .default([]),
    steps: z.array(stepSchema).min(1),
  })
  .strict();
export type Flow = z.infer<typeof flowSchema>;
