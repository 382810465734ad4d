import { z } from 'zod';
import { NONCE_PATTERN } from '../../app/officer/assisted-intake.js';
import { applicationSummarySchema } from './api-schemas.js';

const stepId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Kode langkah tidak valid.');

/** Body of `POST /api/applications`: an officer files for a walk-in citizen (assisted intake). */
export const assistedIntakeSchema = z.object({
  serviceId: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Kode layanan tidak valid.'),
  /** A random token per form; a retry with the same token returns the first application. */
  nonce: z.string().regex(NONCE_PATTERN, 'Token formulir 8-64 huruf, angka, _ atau -.'),
  /** Answers by step id, as the citizen would type them (choice steps: the option value; yes/no: true/false). */
  answers: z
    .record(
      stepId,
      z.union([z.string().max(1000, 'Maksimal 1000 karakter.'), z.number(), z.boolean(), z.null()]),
    )
    .default({}),
  /** Files by document step id, base64-encoded. */
  documents: z
    .record(
      stepId,
      z
        .array(
          z.object({
            filename: z.string().trim().min(1, 'Nama berkas wajib diisi.').max(200),
            contentBase64: z
              .string()
              .min(1, 'Isi berkas kosong.')
              .regex(/^[A-Za-z0-9+/=\r\n]+$/, 'Isi berkas harus base64.'),
          }),
        )
        .max(10, 'Maksimal 10 berkas per langkah.'),
    )
    .default({}),
  /** Where status updates go: one of a WhatsApp number or a Telegram chat id. */
  contact: z
    .object({
      whatsapp: z.string().trim().max(30).optional(),
      telegram: z.string().trim().max(32).optional(),
    })
    .optional(),
});

/** Answer of `POST /api/applications` (201 when created, 200 when the nonce was seen before). */
export const assistedIntakeResultSchema = z.object({
  application: applicationSummarySchema,
  office: z.object({ id: z.string(), name: z.string() }),
  created: z.boolean(),
});
