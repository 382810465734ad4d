import type { Agency } from '../domain/agency.js';
import type { AgencyRepository } from '../ports/agency-repository.js';

/**
 * Stores the catalog's agencies the database does not hold yet (a new database, an agency added
 * to `agencies.yaml`), and never rewrites a stored one: an agency an admin edited or deactivated
 * in the console keeps that, so the YAML is only the starting point. An agency dropped from the
 * YAML stays (its steps point to it); an admin deactivates it. Concurrent starts are safe: the
 * id is the key, and a duplicate means another process stored it. Returns how many were stored.
 */
export async function seedAgencies(
  deps: { agencyStore: AgencyRepository },
  catalogAgencies: ReadonlyMap<string, Agency> | undefined,
): Promise<number> {
  if (!catalogAgencies || catalogAgencies.size === 0) return 0;
  return deps.agencyStore.insertMissing([...catalogAgencies.values()]);
}
