import { z } from 'zod';
import { AGENCY_OUTCOMES } from '../../domain/agency.js';

/** Body of `POST /api/applications/{id}/forward` (and the console's forward form). */
export const forwardSchema = z.object({
  agencyId: z.string().trim().min(1, 'Pilih instansi.').max(64),
  note: z.string().trim().min(1, 'Tulis apa yang diminta dari instansi.').max(1000),
  /** The version shown to the officer; a stale one answers 409. */
  version: z.coerce.number().int().min(1).optional(),
});

/** Body of `POST /api/applications/{id}/agency-answer` (and the console's answer form). */
export const agencyAnswerSchema = z.object({
  outcome: z.enum(AGENCY_OUTCOMES, 'Pilih jawaban: done, needs_more atau refused.'),
  note: z.string().trim().max(1000).default(''),
  version: z.coerce.number().int().min(1).optional(),
});

/** One agency as `GET /api/agencies` lists it. */
export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  contact: z.string().optional(),
  /** False once an admin deactivated it: no new forwards, its open steps still show. */
  active: z.boolean(),
});

/** One agency step as the API shows it; notes included (the caller may see the application). */
export const agencyStepSchema = z.object({
  agencyId: z.string(),
  forwardedAt: z.string(),
  slaDays: z.number(),
  slaDueAt: z.string(),
  note: z.string(),
  answeredAt: z.string().optional(),
  outcome: z.enum(AGENCY_OUTCOMES).optional(),
  answerNote: z.string().optional(),
});

/**
 * An application as an agency account sees it: the service, the tracking number and what is
 * asked of the agency; never the applicant's name, NIK, phone or answers.
 */
export const forwardedApplicationSchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  serviceId: z.string(),
  status: z.string(),
  version: z.number(),
  step: agencyStepSchema,
});
