import { z } from 'zod';
import {
  auditQuerySchema,
  deliveriesQuerySchema,
  metricsQuerySchema,
  officerActiveSchema,
  officesQuerySchema,
  passwordResetSchema,
} from './supervisor-schemas.js';

const nullableNumber = z.number().nullable();

/** One IKM row: how many answered, the index (mean × 25) and its grade. */
const ikmRow = z.object({ count: z.number(), ikm: z.number(), grade: z.enum(['A', 'B', 'C', 'D']) });

/** `GET /api/metrics` as answered (see DashboardMetrics in src/app/officer/metrics.ts). */
export const metricsResponseSchema = z.object({
  window: z.object({
    from: z.string(),
    to: z.string(),
    officeId: z.string(),
    timeZone: z.literal('Asia/Jakarta'),
  }),
  truncated: z.boolean(),
  officers: z.array(
    z.object({
      officerId: z.string(),
      username: z.string(),
      displayName: z.string(),
      completed: z.number(),
      conversations: z.number(),
      points: z.number(),
    }),
  ),
  applicationsPerDay: z.array(
    z.object({ officeId: z.string(), officeName: z.string(), date: z.string(), count: z.number() }),
  ),
  processing: z.object({
    finished: z.number(),
    medianHours: nullableNumber,
    medianSlaHours: nullableNumber,
    withinSla: z.number(),
    late: z.number(),
  }),
  overdue: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        trackingNumber: z.string(),
        serviceId: z.string(),
        officeId: z.string(),
        status: z.string(),
        slaDueAt: z.string(),
        daysLate: z.number(),
      }),
    ),
  }),
  handoffs: z.object({
    claimed: z.number(),
    medianMinutes: nullableNumber,
    p90Minutes: nullableNumber,
    maxMinutes: nullableNumber,
    waitingNow: z.number(),
    longestWaitingMinutes: nullableNumber,
  }),
  load: z.object({
    total: z.number(),
    byWeekdayHour: z.array(z.array(z.number())).describe('[weekday 0=Sunday..6][hour 0..23 WIB]'),
  }),
  resolutions: z.record(z.string(), z.number()).describe('conversations ended, per resolution'),
  satisfaction: z
    .object({
      overall: ikmRow.nullable(),
      officers: z.array(
        ikmRow.extend({ officerId: z.string(), username: z.string(), displayName: z.string() }),
      ),
      offices: z.array(ikmRow.extend({ officeId: z.string(), officeName: z.string() })),
      truncated: z.boolean(),
    })
    .describe('answers to the SKM question after a conversation, as IKM (mean × 25, 25-100)'),
});

const record = z.record(z.string(), z.unknown());

/** One audit row as `GET /api/audit` lists it. */
export const auditEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['citizen', 'officer', 'system']),
    id: z.string(),
    name: z.string().optional(),
  }),
  applicationId: z.string().optional(),
  trackingNumber: z.string().optional(),
  officeId: z.string().optional(),
  before: record.optional(),
  after: record.optional(),
  data: record.optional(),
});

const officerSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['officer', 'supervisor', 'admin']),
  officeId: z.string(),
  active: z.boolean(),
  apiTokens: z.number(),
});

/**
 * The dashboard, audit, deliveries and admin operations, in the shape openapi.ts lists its
 * own: spread into its OPERATIONS so one document describes the whole API.
 */
export const SUPERVISOR_OPERATIONS: Array<{
  method: 'get' | 'post';
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  roles?: string;
}> = [
  {
    method: 'get',
    path: '/metrics',
    summary: 'Angka dasbor supervisor per rentang hari WIB (supervisor dashboard metrics)',
    query: metricsQuerySchema,
    response: metricsResponseSchema,
    roles: 'supervisor, admin',
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'Cari log audit (search the audit log)',
    query: auditQuerySchema,
    response: z.object({ items: z.array(auditEntrySchema), total: z.number() }),
    roles: 'supervisor, admin',
  },
  {
    method: 'get',
    path: '/deliveries',
    summary: 'Pemberitahuan gagal atau warga tak terjangkau (undelivered notifications)',
    query: deliveriesQuerySchema,
    roles: 'supervisor, admin',
  },
  {
    method: 'post',
    path: '/officers/{id}/active',
    summary: 'Aktifkan atau nonaktifkan petugas (enable/disable officer)',
    body: officerActiveSchema,
    response: z.object({ officer: officerSchema }),
    roles: 'admin',
  },
  {
    method: 'post',
    path: '/officers/{id}/password',
    summary: 'Ganti kata sandi petugas (reset password)',
    body: passwordResetSchema,
    response: z.object({ officer: officerSchema }),
    roles: 'admin',
  },
  {
    method: 'post',
    path: '/officers/{id}/tokens',
    summary: 'Buat token API untuk petugas, ditampilkan sekali (issue API token)',
    response: z.object({ token: z.string(), note: z.string() }),
    roles: 'admin',
  },
  {
    method: 'post',
    path: '/officers/{id}/tokens/revoke',
    summary: 'Cabut semua token API petugas (revoke API tokens)',
    response: z.object({ revoked: z.number() }),
    roles: 'admin',
  },
  {
    method: 'get',
    path: '/offices',
    summary: 'Daftar kantor di wilayah Anda, hanya baca (list offices)',
    query: officesQuerySchema,
    roles: 'admin',
  },
];
