import { z } from 'zod';
import { OFFICE_ID_PATTERN } from '../../app/officer/create-officer.js';
import { MAX_WINDOW_DAYS } from '../../app/officer/metrics.js';

/**
 * Request schemas of the dashboard, audit, deliveries and admin routes: the same zod objects
 * validate requests and describe them in the OpenAPI document.
 */

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal YYYY-MM-DD.')
  .refine((d) => {
    const at = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
  }, 'Tanggal tidak ada di kalender.');
const officeId = z.string().regex(OFFICE_ID_PATTERN, 'Kode wilayah tidak valid, contoh 31.71.01.1001.');
const limit = z.coerce.number('Harus angka.').int('Harus bilangan bulat.').min(1).max(200).default(50);
const offset = z.coerce.number('Harus angka.').int('Harus bilangan bulat.').min(0).default(0);

/** Query of `GET /api/metrics`: Jakarta calendar days, both inclusive (default: the last 30 days). */
export const metricsQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    officeId: officeId.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
  })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_WINDOW_DAYS, {
    path: ['to'],
    message: `Rentang paling lama ${MAX_WINDOW_DAYS} hari.`,
  });

/** Query of `GET /api/audit`. */
export const auditQuerySchema = z.object({
  officer: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,32}$/, 'Nama pengguna hanya huruf, angka, titik, garis bawah, tanda hubung.')
    .optional(),
  type: z
    .string()
    .regex(/^[a-z_]{1,32}\.[a-z_]{1,32}$/, 'Jenis tindakan tidak dikenal, contoh application.status_changed.')
    .optional(),
  tracking: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,32}$/, 'Nomor pelacakan tidak valid, contoh PTSP-2503-00001.')
    .optional(),
  from: day.optional(),
  to: day.optional(),
  limit,
  offset,
});

/** Query of `GET /api/deliveries`. */
export const deliveriesQuerySchema = z.object({
  status: z.enum(['failed', 'unreachable'], 'Gunakan failed atau unreachable.').optional(),
  limit,
  offset,
});

/** Body of `POST /api/officers/{id}/active`. */
export const officerActiveSchema = z.object({
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
    error: 'Isi true (aktif) atau false (nonaktif).',
  }),
});

/** Body of `POST /api/officers/{id}/password`. */
export const passwordResetSchema = z.object({
  password: z.string('Kata sandi wajib diisi.').min(10, 'Kata sandi minimal 10 karakter.').max(200),
});

/** Query of `GET /api/offices`. */
export const officesQuerySchema = z.object({
  q: z.string().trim().max(100, 'Maksimal 100 karakter.').optional(),
  limit: z.coerce.number('Harus angka.').int().min(1).max(500).default(100),
  offset,
});
