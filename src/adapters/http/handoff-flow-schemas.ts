import { z } from 'zod';
import { OFFICE_ID_PATTERN } from '../../app/officer/create-officer.js';
import { MAX_NOTE_LENGTH } from '../../app/officer/note-handoff.js';
import { CLOSE_RESOLUTIONS } from '../../ports/handoff-repository.js';

const noteText = z
  .string('Tulis catatan.')
  .trim()
  .min(1, 'Catatan tidak boleh kosong.')
  .max(MAX_NOTE_LENGTH, `Maksimal ${MAX_NOTE_LENGTH} karakter.`);
const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'Id tidak valid.');
const officeId = z.string().regex(OFFICE_ID_PATTERN, 'Kode wilayah tidak valid.');

/** Body of `POST /api/handoffs/{id}/close`: what came of the conversation, required. */
export const closeSchema = z.object({
  resolution: z.enum(CLOSE_RESOLUTIONS, 'Pilih hasil percakapan.'),
});

/** Body of `POST /api/handoffs/{id}/notes`: an officers-only note. */
export const noteSchema = z.object({ text: noteText });

/** Body of `POST /api/handoffs/{id}/transfer`: one target (an officer or an office queue) and a note. */
export const transferSchema = z
  .object({ toOfficerId: objectId.optional(), toOfficeId: officeId.optional(), note: noteText })
  .refine((b) => (b.toOfficerId === undefined) !== (b.toOfficeId === undefined), {
    message: 'Pilih petugas atau kantor tujuan (salah satu).',
    path: ['toOfficerId'],
  });

/** An internal note as the API returns it. */
export const noteViewSchema = z.object({
  officerId: z.string(),
  officerName: z.string(),
  text: z.string(),
  at: z.string(),
  transfer: z.object({ toOfficerId: z.string().optional(), toOfficeId: z.string().optional() }).optional(),
});
