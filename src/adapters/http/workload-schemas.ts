import { z } from 'zod';

/**
 * Body of `POST /api/me/availability` and of the queue page's toggle form: JSON sends a boolean,
 * a form the text `true` or `false`.
 */
export const availabilitySchema = z.object({
  available: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
    error: 'Isi true (siap melayani) atau false (sedang tidak di loket).',
  }),
});

/** What `POST /api/me/availability` answers. */
export const availabilityResponseSchema = z.object({
  available: z.boolean(),
  availableInScope: z.number(),
});
