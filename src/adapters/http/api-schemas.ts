import type { ApplicationQuery } from '../../app/officer/list-applications.js';
import { wibDay } from './params.js';
import { z } from 'zod';
import { STATUSES } from '../../domain/application.js';
import { OFFICE_ID_PATTERN } from '../../app/officer/create-officer.js';
import { MAX_REPLY_LENGTH } from '../../app/officer/reply-handoff.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal YYYY-MM-DD.');
const officeId = z.string().regex(OFFICE_ID_PATTERN, 'Kode wilayah tidak valid, contoh 31.71.01.1001.');
const note = z.string().trim().max(1000, 'Maksimal 1000 karakter.');

/** Query of `GET /api/applications` (and the console's filter bar). */
export const applicationQuerySchema = z.object({
  service: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, 'Kode layanan tidak valid.')
    .optional(),
  status: z.enum(STATUSES, 'Status tidak dikenal.').optional(),
  office: officeId.optional(),
  overdue: z.enum(['true', 'false'], 'Gunakan true atau false.').optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100, 'Maksimal 100 karakter.').optional(),
  limit: z.coerce.number('Harus angka.').int().min(1).max(200).default(20),
  offset: z.coerce.number('Harus angka.').int().min(0).default(0),
});

/** Body of `POST /api/applications/{id}/status`. */
export const statusChangeSchema = z.object({
  to: z.enum(STATUSES, 'Status tidak dikenal.'),
  note: note.optional(),
  reason: note.optional(),
  revision: z
    .object({
      stepId: z.string().trim().min(1, 'Pilih jawaban atau dokumen yang perlu diperbaiki.').max(64),
      note: note.min(1, 'Tulis apa yang perlu diperbaiki.'),
    })
    .optional(),
  /** The version shown to the officer; a stale one answers 409. */
  version: z.coerce.number().int().min(1).optional(),
});

/** Body of `POST /api/handoffs/{id}/reply`. */
export const replySchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Pesan tidak boleh kosong.')
    .max(MAX_REPLY_LENGTH, `Maksimal ${MAX_REPLY_LENGTH} karakter.`),
});

/** Body of `POST /api/officers` (admins only). */
export const newOfficerSchema = z.object({
  username: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{3,32}$/, 'Gunakan 3-32 huruf, angka, titik, garis bawah atau tanda hubung.'),
  displayName: z.string().trim().min(1, 'Nama wajib diisi.').max(100),
  password: z.string().min(10, 'Kata sandi minimal 10 karakter.').max(200),
  role: z.enum(['officer', 'supervisor', 'admin', 'agency'], 'Peran tidak dikenal.'),
  officeId,
  /**
   * Required for role `agency`: the agency (GET /api/agencies) the account answers for; refused
   * for other roles. Empty is the console form's "none".
   */
  agencyId: z.string().trim().max(64).optional(),
});

/** The error shape every failing route answers with. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** An application as the API lists it (NIK masked). */
export const applicationSummarySchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  serviceId: z.string(),
  status: z.enum(STATUSES),
  officeId: z.string(),
  applicantName: z.string(),
  nikMasked: z.string(),
  createdAt: z.string(),
  slaDueAt: z.string(),
  overdue: z.boolean(),
  version: z.number(),
});

/** A waiting or claimed conversation as the queue shows it. */
export const handoffSummarySchema = z.object({
  id: z.string(),
  channel: z.string(),
  citizen: z.string(),
  reason: z.enum(['asked', 'not_understood', 'complaint']),
  priority: z.boolean(),
  status: z.enum(['waiting', 'claimed', 'closed']),
  officerId: z.string().optional(),
  createdAt: z.string(),
  waitingSeconds: z.number(),
});

/** An applications query as the console's filter form and `GET /api/applications` send it. */
export type ApplicationListForm = z.infer<typeof applicationQuerySchema>;

/** The list filter a valid query asks for; dates are Jakarta calendar days, `to` inclusive. */
export function applicationFilter(q: ApplicationListForm): ApplicationQuery {
  return {
    ...(q.service ? { serviceId: q.service } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.office ? { officeId: q.office } : {}),
    overdue: q.overdue === 'true',
    ...(q.from ? { from: wibDay(q.from) } : {}),
    ...(q.to ? { to: wibDay(q.to, 1) } : {}),
    ...(q.q ? { search: q.q } : {}),
    limit: q.limit,
    offset: q.offset,
  };
}
