import type { Analysis } from './normalize.js';

/**
 * TF-IDF over stemmed word uni- and bigrams plus character 3-5-grams of the normalised
 * words. Stems generalise over affixes ("membuat", "buat"); character grams survive typos
 * the slang map does not know ("persyaratn", "kelurhan").
 */

/** A sparse feature vector: parallel arrays of feature indices and values, L2-normalised. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

/** How features are drawn from a message; the defaults are what `npm run bench:nlu` chose. */
export interface FeatureOptions {
  /** Character n-gram lengths, inclusive. */
  charMin: number;
  charMax: number;
  /** Weight of the character-gram block relative to the word block. */
  charWeight: number;
  /** Whether to add stem bigrams. */
  bigrams: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charMin: 3,
  charMax: 5,
  charWeight: 1,
  bigrams: true,
};

function wordFeatures(a: Analysis, options: FeatureOptions): string[] {
  const out = a.stems.map((s) => `w ${s}`);
  if (options.bigrams) {
    for (let i = 1; i < a.stems.length; i += 1) out.push(`b ${a.stems[i - 1]} ${a.stems[i]}`);
  }
  return out;
}

function charFeatures(a: Analysis, options: FeatureOptions): string[] {
  const out: string[] = [];
  for (const token of a.tokens) {
    if (token.startsWith('<')) continue;
    const padded = ` ${token} `;
    for (let n = options.charMin; n <= options.charMax; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) out.push(`c ${padded.slice(i, i + n)}`);
    }
  }
  return out;
}

/** A message's features, drawn once: training reads each example four times (two fits). */
const drawn = new WeakMap<Analysis, { options: FeatureOptions; word: string[]; char: string[] }>();

function featuresOf(a: Analysis, options: FeatureOptions): { word: string[]; char: string[] } {
  const hit = drawn.get(a);
  if (hit && hit.options === options) return hit;
  const fresh = { options, word: wordFeatures(a, options), char: charFeatures(a, options) };
  drawn.set(a, fresh);
  return fresh;
}

function counts(features: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of features) m.set(f, (m.get(f) ?? 0) + 1);
  return m;
}

/** A fitted vocabulary with inverse document frequencies; turns analyses into vectors. */
export interface Featurizer {
  readonly size: number;
  vector(a: Analysis): SparseVector;
  /** What `featurizerFrom` needs to give the same vectors again (no copy: do not modify). */
  readonly data: FeaturizerData;
}

/** A featurizer's vocabulary (feature names in index order), IDF and options. */
export interface FeaturizerData {
  vocabulary: string[];
  idf: Float64Array;
  options: FeatureOptions;
}

/** Learns the vocabulary and IDF from training analyses (features seen only at test time are ignored). */
export function fitFeaturizer(
  docs: readonly Analysis[],
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): Featurizer {
  const index = new Map<string, number>();
  const df: number[] = [];
  for (const d of docs) {
    const { word, char } = featuresOf(d, options);
    for (const f of new Set([...word, ...char])) {
      let i = index.get(f);
      if (i === undefined) {
        i = index.size;
        index.set(f, i);
        df.push(0);
      }
      df[i] = (df[i] ?? 0) + 1;
    }
  }
  const idf = Float64Array.from(df, (n) => Math.log((1 + docs.length) / (1 + n)) + 1);
  return featurizerFrom({ vocabulary: [...index.keys()], idf, options });
}

/** A fitted featurizer again, from its data (a cached model, see nlu-cache.ts). */
export function featurizerFrom(data: FeaturizerData): Featurizer {
  const { idf, options } = data;
  const index = new Map<string, number>(data.vocabulary.map((f, i) => [f, i]));

  function block(features: readonly string[], weight: number, into: Map<number, number>): void {
    let norm = 0;
    const local: Array<[number, number]> = [];
    for (const [f, tf] of counts(features)) {
      const i = index.get(f);
      if (i === undefined) continue;
      const v = (1 + Math.log(tf)) * (idf[i] ?? 1);
      local.push([i, v]);
      norm += v * v;
    }
    const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
    for (const [i, v] of local) into.set(i, v * scale);
  }

  return {
    size: index.size,
    data,
    vector(a) {
      const m = new Map<number, number>();
      const { word, char } = featuresOf(a, options);
      block(word, 1, m);
      block(char, options.charWeight, m);
      const idx = new Int32Array(m.size);
      const val = new Float64Array(m.size);
      let k = 0;
      for (const [i, x] of m) {
        idx[k] = i;
        val[k] = x;
        k += 1;
      }
      return { idx, val };
    },
  };
}
