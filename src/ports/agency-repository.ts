import type { Agency } from '../domain/agency.js';

/**
 * The agencies (dinas) of this deployment as admins keep them in the console. Seeded on start
 * from the catalog's `agencies.yaml` (only the ids it lacks), so an admin's edit is never
 * overwritten by the file (docs/decisions/0013-agency-steps.md).
 */
export interface AgencyRepository {
  /** Every stored agency, active or not, by id. */
  list(): Promise<Agency[]>;
  get(id: string): Promise<Agency | undefined>;
  /** False when the id is taken. */
  create(agency: Agency): Promise<boolean>;
  /** Replaces a stored agency; false when there is none with its id. */
  save(agency: Agency): Promise<boolean>;
  /** Stores those whose id is not stored yet and never rewrites one; returns how many. */
  insertMissing(agencies: readonly Agency[]): Promise<number>;
}
