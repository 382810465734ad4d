import { z } from 'zod';
import { handoffSummarySchema } from './api-schemas.js';
import { closeSchema, noteSchema, noteViewSchema, transferSchema } from './handoff-flow-schemas.js';

const acted = z.object({ handoff: handoffSummarySchema, notified: z.boolean() });

/**
 * The workspace operations (notes, transfer, hand back, close with a resolution), in the shape
 * openapi.ts lists its own: spread into its OPERATIONS so one document describes the whole API.
 */
export const HANDOFF_FLOW_OPERATIONS: Array<{
  method: 'get' | 'post';
  path: string;
  summary: string;
  body?: z.ZodType;
  response?: z.ZodType;
}> = [
  {
    method: 'post',
    path: '/handoffs/{id}/notes',
    summary: 'Catatan internal, tidak dikirim ke warga (internal note, officers only)',
    body: noteSchema,
    response: z.object({ handoff: handoffSummarySchema, notes: z.array(noteViewSchema) }),
  },
  {
    method: 'post',
    path: '/handoffs/{id}/transfer',
    summary: 'Alihkan ke petugas lain atau antrean kantor lain, dengan catatan (transfer with a note)',
    body: transferSchema,
    response: acted,
  },
  {
    method: 'post',
    path: '/handoffs/{id}/hand-back',
    summary: 'Kembalikan warga ke bot, isian tetap (hand back to the bot, draft kept)',
    response: acted,
  },
  {
    method: 'post',
    path: '/handoffs/{id}/close',
    summary: 'Tutup percakapan dengan hasilnya (close with a resolution)',
    body: closeSchema,
    response: acted.extend({ resolution: closeSchema.shape.resolution }),
  },
];
