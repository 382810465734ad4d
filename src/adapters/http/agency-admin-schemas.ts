import { z } from 'zod';
import { AGENCY_ID_PATTERN } from '../../domain/agency.js';

/** An HTML checkbox: sent as "on" (or "true") when ticked, absent when not. */
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === 'true');

/** The edit form of `/console/admin/agencies/:id`: the fields an admin keeps. */
export const agencyEditSchema = z.object({
  name: z.string().trim().min(1, 'Nama instansi wajib diisi.').max(200, 'Nama paling panjang 200 huruf.'),
  shortName: z
    .string()
    .trim()
    .min(1, 'Nama singkat wajib diisi (yang dibaca warga, misalnya Dinas Cipta Karya).')
    .max(80, 'Nama singkat paling panjang 80 huruf.'),
  contact: z.string().trim().max(200, 'Kontak paling panjang 200 huruf.').default(''),
  active: checkbox,
});

/** The add form of `/console/admin/agencies`: the fields plus the id, which never changes. */
export const newAgencySchema = agencyEditSchema.extend({
  id: z
    .string()
    .trim()
    .min(2, 'Kode instansi wajib diisi, minimal 2 huruf (contoh: dinas_pupr).')
    .max(40, 'Kode instansi paling panjang 40 huruf.')
    .regex(
      AGENCY_ID_PATTERN,
      'Kode hanya huruf kecil, angka dan garis bawah, diawali huruf (contoh: dinas_pupr).',
    ),
});

/** Body of the (de)activate button. */
export const agencyActiveSchema = z.object({
  active: z.enum(['true', 'false'], 'Isi true (aktif) atau false (nonaktif).').transform((v) => v === 'true'),
});

/** The form's fields as text, for the page that refuses them (nothing stored). */
export function agencyFormValues(body: unknown): Record<string, string> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof b[k] === 'string' ? b[k] : '');
  return {
    id: text('id'),
    name: text('name'),
    shortName: text('shortName'),
    contact: text('contact'),
    active: text('active') === 'on' || text('active') === 'true' ? 'on' : '',
  };
}
