import type { Office } from '../domain/office.js';

export type { Office, OfficeLevel } from '../domain/office.js';

/** The office tree, loaded from idn-area-data at start-up and read when routing and filtering. */
export interface OfficeRepository {
  /** Inserts new offices and replaces changed ones by id; re-running the import writes nothing. */
  upsertMany(offices: Office[]): Promise<void>;
  /**
   * Inserts the offices whose id is not stored yet and leaves every stored one as it is (an
   * office edited in the console keeps its edits); returns how many were added.
   */
  insertMissing(offices: Office[]): Promise<number>;
  /** Of these ids, those not stored (start-up's "is every office of the area list there?"). */
  missingIds(ids: readonly string[]): Promise<string[]>;
  get(id: string): Promise<Office | undefined>;
  /**
   * The office and every office above it, nearest first (empty when `id` is unknown): routing,
   * the SLA and local holidays all walk it, so it is read in one go.
   */
  chain(id: string): Promise<Office[]>;
  /** Replaces one stored office (an admin's edit); false when no office has that id. */
  save(office: Office): Promise<boolean>;
  /** Direct children, by name. */
  children(id: string): Promise<Office[]>;
  all(): Promise<Office[]>;
  /** How many offices are stored (start-up's "is the tree seeded?", without reading them all). */
  count(): Promise<number>;
}
