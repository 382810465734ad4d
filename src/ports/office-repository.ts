import type { Office } from '../domain/office.js';

export type { Office, OfficeLevel } from '../domain/office.js';

/** The office tree, loaded from idn-area-data at start-up and read when routing and filtering. */
export interface OfficeRepository {
  /** Inserts new offices and replaces changed ones by id; re-running the import writes nothing. */
  upsertMany(offices: Office[]): Promise<void>;
  get(id: string): Promise<Office | undefined>;
  /** Replaces one stored office (an admin's edit); false when no office has that id. */
  save(office: Office): Promise<boolean>;
  /** Direct children, by name. */
  children(id: string): Promise<Office[]>;
  all(): Promise<Office[]>;
  /** How many offices are stored (start-up's "is the tree seeded?", without reading them all). */
  count(): Promise<number>;
}
