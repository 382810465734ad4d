import type { Router } from 'express';
import { readAvailability, setAvailability } from '../../../app/officer/availability.js';
import { parseInput } from '../http-errors.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { officerOf } from '../security.js';
import { availabilitySchema } from '../workload-schemas.js';

/**
 * `/api/me/availability`: the signed-in officer's own availability (every role may set it) and
 * how many officers of their offices are available.
 */
export function availabilityApiRoutes(router: Router, deps: OfficerHttpDeps): void {
  router.get('/me/availability', async (_req, res) => {
    res.json(await readAvailability(deps, officerOf(res)));
  });
  router.post('/me/availability', async (req, res) => {
    const { available } = parseInput(availabilitySchema, req.body);
    res.json(await setAvailability(deps, officerOf(res), available));
  });
}
