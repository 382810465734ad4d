import type { Router } from 'express';
import { setAvailability } from '../../../app/officer/availability.js';
import { parseInput } from '../http-errors.js';
import { officerOf } from '../security.js';
import { availabilitySchema } from '../workload-schemas.js';
import type { ConsoleContext } from './context.js';

/** The queue page's "available / away" toggle; redirects back to the queue. */
export function registerAvailabilityRoutes(router: Router, ctx: ConsoleContext): void {
  router.post('/availability', async (req, res) => {
    const { available } = parseInput(availabilitySchema, req.body);
    await setAvailability(ctx.deps, officerOf(res), available);
    res.redirect(303, '/console/queue');
  });
}
