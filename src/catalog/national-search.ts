/**
 * The kelurahan search over every village in Indonesia, for telling a citizen from outside the
 * served area where to go. It gives the same matches as scoring every village (the linear scan
 * `createKelurahanIndex` does), but scores only the villages an index says could match: a name
 * matches a typed run of words only when each word, or the run written together, is equal to a
 * name word, starts it or is a slip away from it, so the candidates are found from the name words
 * (keys) instead of the villages.
 */
import type { KelurahanMatch } from './catalog.js';
import type { Fit, Prepared, Run } from './kelurahan-search.js';
import {
  allowedEdits,
  areaTokens,
  fit,
  near,
  qualifiersOf,
  rankMatches,
  runsOf,
  searchWords,
} from './kelurahan-search.js';
import { KeySet } from './search-keys.js';

/** The national village list as read from the area CSVs, kept compact. */
export interface VillageTable {
  /** Every kecamatan: its code, name and kota/kabupaten (as people say it). */
  districts: ReadonlyArray<{ code: string; name: string; city: string }>;
  /** Every village: its name, its kecamatan (index into `districts`) and its full code. */
  villages: ReadonlyArray<{ name: string; district: number; code: string }>;
}

/** The national search: villages best first, each strong or weak as in `KelurahanIndex.match`. */
export interface NationalIndex {
  size: number;
  match(text: string, limit?: number): KelurahanMatch[];
}

/** Builds the national search; about a second of work, so it is built once, on first use. */
export function createNationalIndex(table: VillageTable): NationalIndex {
  const search = new NationalSearch(table);
  return { size: table.villages.length, match: (text, limit) => search.match(text, limit) };
}

/** The index and what one search needs; the marks are reused from search to search. */
class NationalSearch {
  private readonly qualifiers: Array<string[] | undefined> = [];
  private readonly tokens: string[][];
  private readonly prepared: Array<Prepared | undefined> = [];
  private readonly keys: KeySet;
  private readonly cityWords: Set<string>;
  private readonly marks: Uint8Array;

  constructor(private readonly table: VillageTable) {
    // Name words are worked out once (the same word shared by every village it names).
    const canonical = new Map<string, string>();
    const own = (word: string): string => canonical.get(word) ?? (canonical.set(word, word), word);
    this.tokens = table.villages.map((v) => areaTokens(v.name).map(own));
    this.keys = new KeySet(
      this.tokens.map((words) => (words.length > 1 ? [...words, words.join('')] : words)),
    );
    this.cityWords = new Set(table.districts.flatMap((d) => areaTokens(d.city)));
    this.marks = new Uint8Array(table.villages.length);
    // What scoring reads of each village is made here, with the index, rather than on a
    // village's first search: a common word makes thousands of villages candidates at once.
    for (let v = 0; v < table.villages.length; v++) this.preparedAt(v);
  }

  match(text: string, limit = 10): KelurahanMatch[] {
    const words = searchWords(text);
    if (words.every((w) => this.cityWords.has(w))) return [];
    const runs = runsOf(words);
    const cache = new Map<string, Int32Array>();
    // The most words taken as the name wins first, so the longest runs are tried first and the
    // first length any village fits decides: every village fitting at that length is a candidate.
    for (let length = words.length; length > 0; length--) {
      // No village fits a longer run (else the search ended there), so only this length's runs count.
      const here = runs.filter((r) => r.nameWords === length);
      const scored: Array<{ p: Prepared; f: Fit }> = [];
      for (const v of this.candidates(here, length, cache)) {
        const p = this.preparedAt(v);
        const f = fit(here, p);
        if (f && f.nameWords === -length) scored.push({ p, f });
      }
      if (scored.length > 0) return rankMatches(scored, words, limit);
    }
    return [];
  }

  private preparedAt(v: number): Prepared {
    const known = this.prepared[v];
    if (known) return known;
    const row = this.table.villages[v]!;
    const d = this.table.districts[row.district]!;
    const words = this.tokens[v]!;
    return (this.prepared[v] = {
      entry: { code: row.code, name: row.name, district: d.name, districtCode: d.code, city: d.city },
      tokens: words,
      joined: words.length === 1 ? words[0]! : words.join(''),
      qualifiers: (this.qualifiers[row.district] ??= qualifiersOf(d.name, d.city)),
    });
  }

  /** Villages a key matching `word` names: each village once. */
  private villagesOf(word: string, cache: Map<string, Int32Array>): Int32Array {
    let found = cache.get(word);
    if (!found) {
      found = this.keys.villages(this.keys.matching(word, matchesKey));
      cache.set(word, found);
    }
    return found;
  }

  /** Villages a run of `length` words could name: each word of it matches, or the run written together. */
  private candidates(runs: readonly Run[], length: number, cache: Map<string, Int32Array>): number[] {
    const marks = this.marks;
    const out: number[] = [];
    const take = (v: number): void => {
      if (marks[v] !== 255) out.push(v);
      marks[v] = 255;
    };
    for (const run of runs) {
      for (const v of this.villagesOf(run.joined, cache)) take(v);
      if (length === 1) continue;
      // Every word must match: count, per village, the words matched so far in order.
      const touched: number[] = [];
      run.typed.forEach((word, i) => {
        for (const v of this.villagesOf(word, cache)) {
          if (marks[v] === i) {
            marks[v] = i + 1;
            if (i === 0) touched.push(v);
          }
        }
      });
      for (const v of touched) {
        if (marks[v] === length) take(v);
        else if (marks[v] !== 255) marks[v] = 0;
      }
    }
    for (const v of out) marks[v] = 0;
    // In list order, as a scan would meet them, so villages that tie keep the same order.
    return out.sort((a, b) => a - b);
  }
}

/**
 * Whether a name word (or a whole name written together) can match a typed `word` in
 * `nameLevel`: equal, started by it, within the typos allowed, or its start within them.
 */
function matchesKey(word: string, key: string): boolean {
  if (key === word || (word.length >= 3 && key.startsWith(word))) return true;
  if (near(word, key, allowedEdits(Math.max(word.length, key.length)))) return true;
  return word.length >= 5 && near(word, key, allowedEdits(word.length), word.length);
}
