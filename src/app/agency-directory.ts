import type { Catalog } from '../catalog/catalog.js';
import type { Agency } from '../domain/agency.js';
import type { AgencyRepository } from '../ports/agency-repository.js';

/** Where the agencies come from: the admins' list in the database, over the catalog's. */
export interface AgencyDirectoryDeps {
  catalog?: Pick<Catalog, 'agencies'>;
  agencyStore?: AgencyRepository;
}

/**
 * Every agency of this deployment by id, active or not, sorted by name: the stored list, where
 * an admin's edit wins, over the catalog's `agencies.yaml`. The start-up seeds the catalog's
 * list into the store; reading the catalog too keeps a store not seeded yet (a bare test setup,
 * the first start's race) from losing agencies.
 */
export async function agencyDirectory(deps: AgencyDirectoryDeps): Promise<Map<string, Agency>> {
  const all = new Map<string, Agency>(deps.catalog?.agencies ?? []);
  if (deps.agencyStore) for (const a of await deps.agencyStore.list()) all.set(a.id, a);
  return new Map([...all].sort(([, a], [, b]) => a.name.localeCompare(b.name)));
}
