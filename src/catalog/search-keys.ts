/**
 * The distinct name words of a large village list (and each several-word name written
 * together), with the villages each belongs to, and what finds the words a typed word may match
 * without testing them all: a sorted list for prefixes; for typos, only words beginning with the
 * typed word's first letter (or its first two letters swapped) are tested, first by which letters
 * they hold and then by how many of each (an edit adds, removes or changes one letter), and only
 * then by edit distance, the costly test most keys never reach. A slip in the
 * very first letter is rare on a phone keyboard and is the one typo this search does not forgive.
 */
import { allowedEdits } from './kelurahan-search.js';

/** Which letters a word holds, one bit each (digits share bits: only ever less selective). */
function letterMask(s: string, length = s.length): number {
  let mask = 0;
  for (let i = 0; i < length; i++) mask |= 1 << (s.charCodeAt(i) % 32);
  return mask;
}

function bitCount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Letter counts of the typed word being searched for, less those of the key letters being read;
 * `countGap` puts back what it took, so between calls they are the typed word's alone.
 */
const counts = new Int8Array(128);

function countLetters(word: string, sign: number): void {
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) & 127]! += sign;
}

/**
 * No more than the edit distance between the counted word (`wordLength` letters) and the first
 * `length` letters of `key`: an edit closes at most one letter the key lacks and one it has too
 * many of (a swap none), so it takes at least the larger of the two to make them equal.
 */
function countGap(key: string, length: number, wordLength: number): number {
  let lacking = wordLength;
  let extra = 0;
  for (let i = 0; i < length; i++) {
    const c = key.charCodeAt(i) & 127;
    if (counts[c]! > 0) lacking--;
    else extra++;
    counts[c]!--;
  }
  for (let i = 0; i < length; i++) counts[key.charCodeAt(i) & 127]!++;
  return Math.max(lacking, extra);
}

/**
 * The typed lengths whose start masks are kept (one small array each): for other lengths the
 * letter counts are compared straight away, the costlier test, but few keys are that long.
 */
const MASKED_FROM = 5;
const MASKED_TO = 20;

/** Name words of villages, each with the villages it names; searched by `matching`. */
export class KeySet {
  private readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The villages of key i are `villages[starts[i]]` up to `villages[starts[i + 1]]`: one array, not one per key. */
  private readonly starts: Int32Array;
  private readonly postings: Int32Array;
  private readonly sorted: number[];
  private readonly masks: Int32Array;
  /** Keys by first letter, then by length. */
  private readonly byFirst = new Map<number, Int32Array[]>();
  /** Keys by their first two letters, then by length (for a swap of the first two). */
  private readonly byFirstTwo = new Map<number, Int32Array[]>();
  /** `startMasks[n][id]`: the letters of the key's first n letters, for the typed lengths most common. */
  private readonly startMasks: Int32Array[] = [];
  private readonly seen: Uint8Array;

  /** `keysOf[v]`: the keys of village v. */
  constructor(keysOf: ReadonlyArray<readonly string[]>) {
    const lists: number[][] = [];
    keysOf.forEach((villageKeys, v) => {
      for (const key of villageKeys) {
        let id = this.ids.get(key);
        if (id === undefined) {
          id = this.keys.push(key) - 1;
          this.ids.set(key, id);
          lists.push([]);
        }
        const list = lists[id]!;
        if (list.at(-1) !== v) list.push(v);
      }
    });
    this.starts = new Int32Array(lists.length + 1);
    lists.forEach((l, i) => (this.starts[i + 1] = this.starts[i]! + l.length));
    this.postings = new Int32Array(this.starts[lists.length]!);
    lists.forEach((l, i) => this.postings.set(l, this.starts[i]));
    this.sorted = this.keys.map((_, i) => i).sort((a, b) => (this.keys[a]! < this.keys[b]! ? -1 : 1));
    this.masks = Int32Array.from(this.keys, (key) => letterMask(key));
    this.group(this.byFirst, (key) => key.charCodeAt(0));
    this.group(this.byFirstTwo, (key) => key.charCodeAt(0) * 128 + key.charCodeAt(1));
    for (let n = MASKED_FROM; n <= MASKED_TO; n++) {
      this.startMasks[n] = Int32Array.from(this.keys, (key) => letterMask(key, Math.min(n, key.length)));
    }
    this.seen = new Uint8Array(keysOf.length);
  }

  /** Sorts the keys into groups, each by length. */
  private group(into: Map<number, Int32Array[]>, groupOf: (key: string) => number): void {
    const groups = new Map<number, number[][]>();
    this.keys.forEach((key, id) => {
      const g = groupOf(key);
      const byLength = groups.get(g) ?? groups.set(g, []).get(g)!;
      (byLength[key.length] ??= []).push(id);
    });
    for (const [g, byLength] of groups)
      into.set(
        g,
        Array.from(byLength, (ids) => Int32Array.from(ids ?? [])),
      );
  }

  /** Ids of the keys `test(word, key)` accepts, among those a prefix, typo or equal match can reach. */
  matching(word: string, test: (word: string, key: string) => boolean): number[] {
    const candidates = new Set<number>();
    const exact = this.ids.get(word);
    if (exact !== undefined) candidates.add(exact);
    if (word.length >= 3) for (const id of this.prefixed(word)) candidates.add(id);
    for (const id of this.typoReach(word)) candidates.add(id);
    return [...candidates].filter((id) => test(word, this.keys[id]!));
  }

  /** The villages of these keys, each once. */
  villages(keyIds: readonly number[]): Int32Array {
    const out: number[] = [];
    for (const id of keyIds) {
      for (let i = this.starts[id]!; i < this.starts[id + 1]!; i++) {
        const v = this.postings[i]!;
        if (this.seen[v] === 0) {
          this.seen[v] = 1;
          out.push(v);
        }
      }
    }
    for (const v of out) this.seen[v] = 0;
    return Int32Array.from(out);
  }

  private *prefixed(word: string): Generator<number> {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[this.sorted[mid]!]! < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length; i++) {
      const id = this.sorted[i]!;
      if (!this.keys[id]!.startsWith(word)) return;
      yield id;
    }
  }

  /**
   * Keys possibly within the typos `matchesKey` allows of `word`, whole (edits by the longer
   * length) or their start (edits by the typed length, for words of 5 letters or more).
   */
  private typoReach(word: string): number[] {
    const n = word.length;
    if (n < 3) return [];
    const startEdits = n >= 5 ? allowedEdits(n) : 0;
    const mask = letterMask(word);
    const out: number[] = [];
    // Lengths a whole match allows (two edits at most), and from where a start match may begin.
    const shortest = Math.max(1, n - 2);
    const longest = startEdits > 0 ? Infinity : n + 2;
    const swapped = word.charCodeAt(1) * 128 + word.charCodeAt(0);
    countLetters(word, 1);
    for (const buckets of [this.byFirst.get(word.charCodeAt(0)), this.byFirstTwo.get(swapped)]) {
      if (!buckets) continue;
      for (let len = shortest; len < buckets.length && len <= longest; len++) {
        const k = allowedEdits(Math.max(n, len));
        const wholeLength = k > 0 && Math.abs(len - n) <= k;
        const startLength = startEdits > 0 && len >= n - startEdits;
        const startEnd = Math.min(n, len);
        const ids = buckets[len]!;
        // Most keys are only ever a start match (longer than a whole match allows): a loop of their own.
        if (!wholeLength) {
          if (startLength) this.startsNear(ids, n, startEnd, startEdits, mask, out);
          continue;
        }
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i]!;
          if (bitCount(mask ^ this.masks[id]!) <= 2 * k && countGap(this.keys[id]!, len, n) <= k)
            out.push(id);
          else if (startLength && this.startNear(id, n, startEnd, startEdits, mask)) out.push(id);
        }
      }
    }
    countLetters(word, -1);
    return out;
  }

  /** Whether key `id`'s first `end` letters may be within `edits` of the counted word (`n` letters). */
  private startNear(id: number, n: number, end: number, edits: number, mask: number): boolean {
    const startMasks = this.startMasks[n];
    if (startMasks && bitCount(mask ^ startMasks[id]!) > 2 * edits) return false;
    return countGap(this.keys[id]!, end, n) <= edits;
  }

  /** The keys among `ids` whose first `end` letters may be within `edits` of the counted word, into `out`. */
  private startsNear(
    ids: Int32Array,
    n: number,
    end: number,
    edits: number,
    mask: number,
    out: number[],
  ): void {
    const startMasks = this.startMasks[n];
    const bits = 2 * edits;
    if (startMasks) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (bitCount(mask ^ startMasks[id]!) <= bits && countGap(this.keys[id]!, end, n) <= edits)
          out.push(id);
      }
    } else {
      for (let i = 0; i < ids.length; i++)
        if (countGap(this.keys[ids[i]!]!, end, n) <= edits) out.push(ids[i]!);
    }
  }
}
