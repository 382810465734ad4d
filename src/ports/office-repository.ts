/** Levels of the office tree, lowest first. */
export type OfficeLevel = 'kelurahan' | 'kecamatan' | 'kota' | 'provinsi';

/**
 * An office as persistence needs it. A minimal local stand-in for `src/domain/office.ts`
 * (written by another part of the project): replace this with an import of that type once it
 * exists; the Mongo adapter stores `address` and `hours` as they come.
 */
export interface Office {
  /** Kemendagri area code, e.g. `31.71.01.1001`. */
  id: string;
  name: string;
  level: OfficeLevel;
  /** `null` for a province. */
  parentId: string | null;
  address?: string;
  /** Opening hours in whatever shape the domain defines; stored and returned unchanged. */
  hours?: unknown;
}

/** The office tree, loaded from idn-area-data at start-up and read when routing and filtering. */
export interface OfficeRepository {
  /** Inserts or replaces by id; re-running the import is harmless. */
  upsertMany(offices: Office[]): Promise<void>;
  get(id: string): Promise<Office | undefined>;
  /** Direct children, by name. */
  children(id: string): Promise<Office[]>;
  all(): Promise<Office[]>;
}
