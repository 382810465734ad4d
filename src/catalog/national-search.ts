/**
 * The kelurahan search over every village in Indonesia, for telling a citizen from outside the
 * served area where to go. It gives the same matches as scoring every village (the linear scan
 * `createKelurahanIndex` does), but scores only the villages an index says could match: a name
 * matches a typed run of words only when each word, or the run written together, is equal to a
 * name word, starts it or is a slip away from it, so the candidates are found from the name words
 * (keys) instead of the villages.
 */
import type { KelurahanEntry, KelurahanMatch } from './catalog.js';
import type { Fit, Prepared, Run } from './kelurahan-search.js';
import {
  allowedEdits,
  areaTokens,
  fit,
  near,
  prepare,
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

/** Builds the national search; a second or so of work, so it is built once, on first use. */
export function createNationalIndex(table: VillageTable): NationalIndex {
  const qualifiers: Array<string[] | undefined> = [];
  /** A village's words for scoring, worked out when it is first a candidate and kept. */
  const prepared: Array<Prepared | undefined> = [];
  const preparedAt = (v: number): Prepared => {
    const known = prepared[v];
    if (known) return known;
    const row = table.villages[v]!;
    const d = table.districts[row.district]!;
    const entry: KelurahanEntry = {
      code: row.code,
      name: row.name,
      district: d.name,
      districtCode: d.code,
      city: d.city,
    };
    return (prepared[v] = prepare(entry, (qualifiers[row.district] ??= qualifiersOf(d.name, d.city))));
  };
  const keys = new KeySet(
    table.villages.map((v) => {
      const tokens = areaTokens(v.name);
      return tokens.length > 1 ? [...tokens, tokens.join('')] : tokens;
    }),
  );
  const cityWords = new Set(table.districts.flatMap((d) => areaTokens(d.city)));
  const marks = new Uint8Array(table.villages.length);

  /** Villages a key matching `word` names: each village once. */
  function villagesOf(word: string, cache: Map<string, Int32Array>): Int32Array {
    let found = cache.get(word);
    if (!found) {
      found = keys.villages(keys.matching(word, matchesKey));
      cache.set(word, found);
    }
    return found;
  }

  /** Villages some run of `length` words could name: each word of it matches, or the run written together. */
  function candidates(runs: readonly Run[], length: number, cache: Map<string, Int32Array>): number[] {
    const out: number[] = [];
    const take = (v: number): void => {
      if (marks[v] !== 255) out.push(v);
      marks[v] = 255;
    };
    for (const run of runs) {
      if (run.nameWords !== length) continue;
      for (const v of villagesOf(run.joined, cache)) take(v);
      if (length === 1) continue;
      // Every word must match: count, per village, the words matched so far in order.
      const touched: number[] = [];
      run.typed.forEach((word, i) => {
        for (const v of villagesOf(word, cache)) {
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
    return out;
  }

  function match(text: string, limit = 10): KelurahanMatch[] {
    const words = searchWords(text);
    if (words.every((w) => cityWords.has(w))) return [];
    const runs = runsOf(words);
    const cache = new Map<string, Int32Array>();
    // The most words taken as the name wins first, so the longest runs are tried first and the
    // first length any village fits decides: every village fitting at that length is a candidate.
    for (let length = words.length; length > 0; length--) {
      const scored: Array<{ p: Prepared; f: Fit }> = [];
      for (const v of candidates(runs, length, cache)) {
        const p = preparedAt(v);
        const f = fit(runs, p);
        if (f && f.nameWords === -length) scored.push({ p, f });
      }
      if (scored.length > 0) return rankMatches(scored, words, limit);
    }
    return [];
  }
  return { size: table.villages.length, match };
}

/**
 * Whether a name word (or a whole name written together) can match a typed `word` in
 * `nameLevel`: equal, started by it, within the typos allowed, or its start within them.
 */
function matchesKey(word: string, key: string): boolean {
  if (key === word || (word.length >= 3 && key.startsWith(word))) return true;
  if (near(word, key, allowedEdits(Math.max(word.length, key.length)))) return true;
  return word.length >= 5 && near(word, key.slice(0, word.length), allowedEdits(word.length));
}
