import type { Flow } from './flow-schema.js';
import type { Agency } from '../domain/agency.js';
import type { Lang } from '../domain/lang.js';

/** A message is a line of text or, for lists such as requirements, several lines. */
export type Message = string | string[];

/** A kelurahan a citizen can choose; its office id routes the application. */
export interface KelurahanEntry {
  /** Kemendagri code, e.g. "31.71.01.1001"; also the office id. */
  code: string;
  name: string;
  /** Kecamatan name and code. */
  district: string;
  districtCode: string;
  /** Kota/kabupaten name. */
  city: string;
}

/**
 * A search hit and how sure the search is of it: the dialogue takes a strong single match at
 * once but asks "Maksud Anda ...?" about a weak one, so a guess is never taken silently.
 */
export interface KelurahanMatch {
  entry: KelurahanEntry;
  /** True when the name matched only with typos, or a typed word names neither it nor its area. */
  weak: boolean;
}

/** Finds kelurahan from what citizens type ("tj barat", "kebon jeruk"). */
export interface KelurahanIndex {
  /** Best matches first; empty when nothing is close. */
  search(text: string, limit?: number): KelurahanEntry[];
  /** The same matches as `search`, each marked strong or weak. */
  match(text: string, limit?: number): KelurahanMatch[];
  get(code: string): KelurahanEntry | undefined;
  size: number;
  /** The served areas by name ("Kabupaten Bogor"), for telling a citizen from elsewhere where Loket serves. */
  servedArea?: readonly string[];
  /**
   * Villages outside the served area that the text names, from the national list, best first:
   * the citizen is told to go to that village's own office. Absent where no national list is loaded.
   */
  elsewhere?: (text: string, limit?: number) => KelurahanMatch[];
}

/**
 * Everything loaded from `flows/`, `locales/` and the area list at start-up, checked and
 * frozen. The engine reads only this; adding a service changes data, not code.
 */
export interface Catalog {
  /** In display order (the service menu). */
  flows: ReadonlyMap<string, Flow>;
  /** Flattened dot keys per language; `id` and `en` have the same keys. */
  messages: Readonly<Record<Lang, Readonly<Record<string, Message>>>>;
  kelurahan: KelurahanIndex;
  /**
   * The agencies (dinas) applications can be forwarded to, by id (`agencies.yaml`). Optional so a
   * catalog built by hand in a test needs none.
   */
  agencies?: ReadonlyMap<string, Agency>;
}
