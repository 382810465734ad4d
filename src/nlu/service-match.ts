import { normalizeTokens } from './normalize.js';

/**
 * Finds the service a message names from each service's keywords ("ktp", "akte lahir",
 * "skpwni"), on normalised tokens so slang and "kk" resolution apply, and tolerant of typos:
 * words of 5+ letters match within one edit ("kelahran", "domisil"), of 10+ within two
 * ("kematain" is "kematian", but "kemarin" is not).
 * The longest keyword wins ("akta kematian" over "akta"); equal matches for different
 * services are reported as ambiguous rather than guessed.
 */

interface Keyword {
  service: string;
  tokens: string[];
}

/** The result of a keyword search. */
export interface ServiceMatch {
  /** The one service named, or null when none or several equally. */
  service: string | null;
  /** Every service named by an equally long keyword, when there were several. */
  ambiguous: string[];
}

/** Optimal-string-alignment distance of at most `max`, with three rolling rows. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let before = new Int32Array(b.length + 1);
  let prev = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] ?? 0) + 1);
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return false;
    [before, prev, row] = [prev, row, before];
  }
  return (prev[b.length] ?? max + 1) <= max;
}

/**
 * Whether a message word is a keyword word. Typos are allowed only on long words and not
 * on the first letter, which citizens rarely get wrong and which keeps the search cheap.
 */
function tokenMatches(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (keyword.length < 5 || word[0] !== keyword[0] || /\d|</.test(word)) return false;
  return withinEdits(word, keyword, keyword.length >= 10 ? 2 : 1);
}

/** A keyword index built once from the services' keyword lists. */
export interface ServiceMatcher {
  match(tokens: readonly string[]): ServiceMatch;
}

/** Builds the matcher; keywords are normalised like messages, reading "kk" as the card. */
export function createServiceMatcher(keywords: Readonly<Record<string, readonly string[]>>): ServiceMatcher {
  const list: Keyword[] = [];
  for (const [service, words] of Object.entries(keywords)) {
    for (const word of words) {
      const tokens = normalizeTokens(word, { kkIsCard: true });
      if (tokens.length > 0) list.push({ service, tokens });
    }
  }
  // Keywords by first word, and the distinct keyword words by first letter for the typo search.
  const byFirst = new Map<string, Keyword[]>();
  for (const k of list) byFirst.set(k.tokens[0] ?? '', [...(byFirst.get(k.tokens[0] ?? '') ?? []), k]);
  const byLetter = new Map<string, string[]>();
  for (const word of new Set(list.flatMap((k) => k.tokens))) {
    byLetter.set(word[0] ?? '', [...(byLetter.get(word[0] ?? '') ?? []), word]);
  }
  /** The keyword words a message word stands for (itself, or within the allowed typos). */
  const readings = (word: string): Set<string> =>
    new Set((byLetter.get(word[0] ?? '') ?? []).filter((k) => tokenMatches(word, k)));

  return {
    match(tokens) {
      const read = tokens.map(readings);
      let bestLength = 0;
      let found = new Set<string>();
      read.forEach((first, i) => {
        for (const start of first) {
          for (const k of byFirst.get(start) ?? []) {
            const length = k.tokens.join(' ').length;
            if (length < bestLength || !k.tokens.every((t, j) => read[i + j]?.has(t))) continue;
            if (length > bestLength) {
              bestLength = length;
              found = new Set();
            }
            found.add(k.service);
          }
        }
      });
      const services = [...found].sort();
      return services.length === 1
        ? { service: services[0] ?? null, ambiguous: [] }
        : { service: null, ambiguous: services };
    },
  };
}
