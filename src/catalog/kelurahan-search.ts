/**
 * Finds kelurahan from what citizens type: "tj barat", "kel. kebon jeruk", "cideng jakpus",
 * "kramat jati", "petojo utr", "cidneg". Part of the text names the kelurahan; the rest may name
 * its kecamatan or kota and narrows the choice. Exact and prefix matches win; typo matches are
 * offered only when nothing matches directly, so "gambir" never drowns in look-alikes.
 */
import type { KelurahanEntry, KelurahanIndex, KelurahanMatch } from './catalog.js';
import { editDistance } from './edit-distance.js';

/** Shorthand citizens use, expanded before matching. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  tj: 'tanjung', tg: 'tanjung', tjg: 'tanjung', tnj: 'tanjung',
  kb: 'kebon', pd: 'pondok', kp: 'kampung', kmp: 'kampung', kampong: 'kampung',
  ps: 'pasar', psr: 'pasar', gn: 'gunung', gng: 'gunung', pl: 'pulau',
  utr: 'utara', ut: 'utara', sel: 'selatan', slt: 'selatan', sltn: 'selatan',
  tim: 'timur', tmr: 'timur', bar: 'barat', brt: 'barat', tgh: 'tengah', pus: 'pusat', pst: 'pusat',
  jak: 'jakarta', jkt: 'jakarta', kep: 'kepulauan',
  jakpus: 'jakarta pusat', jakut: 'jakarta utara', jakbar: 'jakarta barat',
  jaksel: 'jakarta selatan', jaktim: 'jakarta timur',
  '1': 'satu', '2': 'dua', '3': 'tiga', '4': 'empat',
}; // prettier-ignore

/**
 * Words that say what kind of area follows, and filler from a sentence ("saya tinggal di
 * cideng"). "kota" is not here: it begins "Kota Bambu Utara", and a stray one is tolerated anyway.
 */
const NOISE = new Set([
  'kel', 'kelurahan', 'desa', 'ds', 'kec', 'kecamatan', 'kab', 'kabupaten', 'adm', 'administrasi',
  'di', 'daerah', 'wilayah', 'dki', 'provinsi', 'saya', 'aku', 'tinggal', 'rumah', 'alamat',
  'domisili', 'dekat', 'sekitar', 'namanya', 'ya', 'kak', 'pak', 'bu', 'dong', 'nih', 'deh', 'sih',
]); // prettier-ignore

/** Lower case, accents and punctuation gone, abbreviations expanded, noise words dropped. */
export function areaTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['`’]/g, '')
    .split(/[^a-z0-9]+/)
    .flatMap((t) => (ABBREVIATIONS[t] ?? t).split(' '))
    .filter((t) => t !== '' && !NOISE.has(t));
}

/** Typos allowed in a word of this length: none in short words, where one edit makes another name. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Within `max` edits; the length check first, since most pairs are far apart. */
export function near(a: string, b: string, max: number, bLength = b.length): boolean {
  const n = Math.min(bLength, b.length);
  if (Math.abs(a.length - n) > max) return false;
  if (max === 0) return n === b.length ? a === b : b.startsWith(a) && a.length === n;
  return editDistance(a, b, max, n) <= max;
}

/** An entry with its words worked out once, for scoring many searches against it. */
export interface Prepared {
  entry: KelurahanEntry;
  tokens: string[];
  joined: string;
  /** Kecamatan and kota words, and each joined, for the narrowing part of the text. */
  qualifiers: string[];
}

/** The kecamatan and kota words an entry is narrowed by; shared by every village of a kecamatan. */
export function qualifiersOf(district: string, city: string): string[] {
  const d = areaTokens(district);
  const c = areaTokens(city);
  return [...d, ...c, d.join(''), c.join('')];
}

/** Works out an entry's words; `qualifiers` may be shared with the other villages of its kecamatan. */
export function prepare(
  entry: KelurahanEntry,
  qualifiers = qualifiersOf(entry.district, entry.city),
): Prepared {
  const tokens = areaTokens(entry.name);
  return { entry, tokens, joined: tokens.join(''), qualifiers };
}

/** Every typed word matches a different name word: equal, its start, or (fuzzy) a slip away. */
function wordsMatch(typed: readonly string[], words: readonly string[], fuzzy: boolean): boolean {
  // The name words already taken, one bit each (a name has far fewer than 32 words).
  let used = 0;
  for (const t of typed) {
    let i = 0;
    for (; i < words.length; i++) {
      if (used & (1 << i)) continue;
      const w = words[i]!;
      if (w === t || (t.length >= 3 && w.startsWith(t))) break;
      if (fuzzy && near(t, w, allowedEdits(Math.max(t.length, w.length)))) break;
    }
    if (i === words.length) return false;
    used |= 1 << i;
  }
  return true;
}

/**
 * How well typed words (`joined`: the same run together) name this kelurahan: 0 exact .. 4 fuzzy
 * prefix; null when they do not.
 */
function nameLevel(typed: readonly string[], joined: string, p: Prepared): number | null {
  if (joined === p.joined) return 0;
  if (joined.length >= 3 && p.joined.startsWith(joined)) return 1;
  if (wordsMatch(typed, p.tokens, false)) return 2;
  if (near(joined, p.joined, allowedEdits(Math.max(joined.length, p.joined.length)))) return 3;
  if (wordsMatch(typed, p.tokens, true)) return 3;
  if (joined.length >= 5 && near(joined, p.joined.slice(0, joined.length), allowedEdits(joined.length))) {
    return 4;
  }
  return null;
}

function qualifies(word: string, p: Prepared): boolean {
  for (const q of p.qualifiers) {
    if (q === word || (word.length >= 3 && q.startsWith(word)) || near(word, q, allowedEdits(q.length))) {
      return true;
    }
  }
  return false;
}

/** How one reading of the text fits an entry; smaller is better, compared field by field. */
export interface Fit {
  /**
   * Words taken as the name, negated: "tj barat" is Tanjung Barat, not a Tanjung in Jakarta
   * Barat, and "kebon jeruk jaksel" is Kebon Jeruk with a wrong kota, not a Selatan in Kebon Jeruk.
   */
  nameWords: number;
  /** Words neither in the name nor its kecamatan or kota (a wrong kota, "city"). */
  stray: number;
  /** 0: the name matched directly; 1: only with typos. */
  tier: number;
  level: number;
}

const FIELDS = ['nameWords', 'stray', 'tier', 'level'] as const;
/** Level up to which a name match counts as direct (exact, prefix, every word). */
const DIRECT = 2;
const MAX_STRAY = 1;
const MAX_WORDS = 8;

function compareFit(a: Fit, b: Fit): number {
  for (const f of FIELDS) if (a[f] !== b[f]) return a[f] - b[f];
  return 0;
}

/** One contiguous run of the typed words taken as the name, and the words left around it. */
export interface Run {
  nameWords: number;
  typed: string[];
  joined: string;
  rest: string[];
}

/** Every contiguous run of `words` (made once per search, not once per kelurahan). */
export function runsOf(words: readonly string[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const typed = words.slice(i, j);
      runs.push({
        nameWords: j - i,
        typed,
        joined: typed.join(''),
        rest: [...words.slice(0, i), ...words.slice(j)],
      });
    }
  }
  return runs;
}

/** The best reading over every contiguous run of words taken as the name. */
export function fit(runs: readonly Run[], p: Prepared): Fit | null {
  let best: Fit | null = null;
  for (const run of runs) {
    const level = nameLevel(run.typed, run.joined, p);
    if (level === null) continue;
    let stray = 0;
    for (const w of run.rest) if (!qualifies(w, p) && ++stray > MAX_STRAY) break;
    if (stray > MAX_STRAY) continue;
    const candidate = { nameWords: -run.nameWords, stray, tier: level <= DIRECT ? 0 : 1, level };
    if (best === null || compareFit(candidate, best) < 0) best = candidate;
  }
  return best;
}

/**
 * The rule for a weak match: the name matched only with typos (tier 1), or some typed word is
 * neither in the name nor its kecamatan or kota ("Budi Santoso" finds Setia Budi through "budi"
 * and leaves "santoso" stray). Exact, prefix and whole-word matches of the name, narrowed only
 * by words naming its area, are strong.
 */
function isWeak(f: Fit): boolean {
  return f.tier > 0 || f.stray > 0;
}

/** Names in Indonesian order; one collator, since a common name can tie thousands of villages. */
const BY_NAME = new Intl.Collator('id');

/** The words of a search, as many as are read. */
export function searchWords(text: string): string[] {
  return areaTokens(text).slice(0, MAX_WORDS);
}

/**
 * The matches to show from every scored entry: only those as good as the best in words taken as
 * the name, stray words and tier; the closest first.
 */
export function rankMatches(
  scored: ReadonlyArray<{ p: Prepared; f: Fit }>,
  words: readonly string[],
  limit: number,
): KelurahanMatch[] {
  const best = scored.reduce<Fit | null>((b, s) => (b === null || compareFit(s.f, b) < 0 ? s.f : b), null);
  if (best === null) return [];
  const typed = words.join('').length;
  return scored
    .filter((s) => s.f.tier === best.tier && s.f.nameWords === best.nameWords && s.f.stray === best.stray)
    .sort(
      (a, b) =>
        a.f.level - b.f.level ||
        Math.abs(a.p.joined.length - typed) - Math.abs(b.p.joined.length - typed) ||
        (a.p.entry.name === b.p.entry.name ? 0 : BY_NAME.compare(a.p.entry.name, b.p.entry.name)),
    )
    .slice(0, limit)
    .map((s) => ({ entry: s.p.entry, weak: isWeak(s.f) }));
}

/**
 * Builds the index the catalog carries: every entry is scored on each search (a plain linear
 * scan), fine for the served area; the national list uses `createNationalIndex`.
 */
export function createKelurahanIndex(entries: readonly KelurahanEntry[]): KelurahanIndex {
  const prepared = entries.map((e) => prepare(e));
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const cityWords = new Set(entries.flatMap((e) => areaTokens(e.city)));
  function match(text: string, limit = 10): KelurahanMatch[] {
    const words = searchWords(text);
    // "jaksel" or "jakarta barat" alone names a kota, not a kelurahan.
    if (words.every((w) => cityWords.has(w))) return [];
    const runs = runsOf(words);
    const scored = prepared.flatMap((p) => {
      const f = fit(runs, p);
      return f ? [{ p, f }] : [];
    });
    return rankMatches(scored, words, limit);
  }
  return {
    size: entries.length,
    get: (code) => byCode.get(code.trim()),
    match,
    search: (text, limit) => match(text, limit).map((m) => m.entry),
  };
}
