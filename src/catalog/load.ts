import type { Catalog, KelurahanIndex } from './catalog.js';
import { checkCatalog } from './check.js';
import type { CheckOptions } from './check.js';
import { CatalogError } from './problem.js';

/** What start-up passes: the folders (defaults: this repository) and the office list. */
export interface LoadCatalogOptions extends CheckOptions {
  kelurahan: KelurahanIndex;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Loads the catalog the engine runs on, after the same check `npm run catalog:check` runs.
 * Throws `CatalogError` listing every problem, so a bad edit to flows/ or locales/ stops
 * start-up with the file, the place and the fix instead of confusing a citizen later.
 */
export async function loadCatalog(options: LoadCatalogOptions): Promise<Catalog> {
  const { kelurahan, ...checkOptions } = options;
  const result = await checkCatalog(checkOptions);
  if (result.problems.length > 0) throw new CatalogError(result.problems);
  for (const flow of result.flows.values()) deepFreeze(flow);
  return Object.freeze({
    flows: result.flows,
    messages: deepFreeze(result.messages),
    kelurahan,
    agencies: result.agencies,
  });
}
