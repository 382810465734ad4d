import { DEFAULT_FEATURE_OPTIONS, featurizerFrom, fitFeaturizer } from './features.js';
import type { FeatureOptions, Featurizer, FeaturizerData } from './features.js';
import { analyse } from './normalize.js';
import type { Analysis } from './normalize.js';
import { seededRandom, shuffled } from './random.js';
import { DEFAULT_SOFTMAX_OPTIONS, linearModelFrom, softmax, trainSoftmax } from './softmax.js';
import type { LinearData, LinearModel, SoftmaxOptions } from './softmax.js';
import { fitTemperature } from './temperature.js';

/**
 * The text classifier behind intents and services: TF-IDF features, softmax regression, and a
 * temperature fitted on a held-out slice so the confidence is a calibrated probability.
 * Pure and deterministic: the same examples and seed give the same model.
 */

/** One training phrase and its label. */
export interface LabelledText {
  text: string;
  label: string;
}

/** A label with its probability; a classification lists every label, best first, summing to 1. */
export interface Scored {
  label: string;
  confidence: number;
}

/** Everything tunable; leave it out for the defaults, which `npm run bench:nlu` chose. */
export interface ClassifierOptions {
  features?: Partial<FeatureOptions>;
  softmax?: Partial<SoftmaxOptions>;
  /** Share of each label's examples held out to fit the temperature (labels with 4+ examples). */
  holdout?: number;
}

/** A trained classifier. */
export interface Classifier {
  readonly labels: readonly string[];
  /** The fitted softmax temperature (1 = the raw model). */
  readonly temperature: number;
  classify(text: string): Scored[];
  /** The same for a message already analysed, so callers that need the tokens too analyse once. */
  classifyAnalysis(analysis: Analysis): Scored[];
  /** What `classifierFrom` needs to classify exactly as this one does (no copy: do not modify). */
  readonly data: ClassifierData;
}

/** A trained classifier's parts, as numbers and strings (what nlu-cache.ts stores). */
export interface ClassifierData {
  labels: string[];
  temperature: number;
  featurizer: FeaturizerData;
  model: LinearData;
}

function fit(
  docs: readonly Analysis[],
  ys: readonly number[],
  classes: number,
  features: FeatureOptions,
  sgd: SoftmaxOptions,
): { featurizer: Featurizer; model: LinearModel } {
  const featurizer = fitFeaturizer(docs, features);
  const model = trainSoftmax(
    docs.map((d) => featurizer.vector(d)),
    ys,
    classes,
    featurizer.size,
    sgd,
  );
  return { featurizer, model };
}

/** A stratified, seeded split: which example indices calibrate the temperature. */
function holdoutIndices(ys: readonly number[], share: number, seed: number): Set<number> {
  const byClass = new Map<number, number[]>();
  ys.forEach((y, i) => byClass.set(y, [...(byClass.get(y) ?? []), i]));
  const random = seededRandom(seed ^ 0x5eed);
  const out = new Set<number>();
  for (const indices of byClass.values()) {
    if (indices.length < 4) continue;
    const take = Math.max(1, Math.round(indices.length * share));
    for (const i of shuffled(indices, random).slice(0, take)) out.add(i);
  }
  return out;
}

/** Trains on the examples (labels sorted for a stable order). Throws when there is nothing to learn. */
export function trainClassifier(
  examples: readonly LabelledText[],
  options: ClassifierOptions = {},
): Classifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error(`a classifier needs at least two labels, got ${labels.length}`);
  const features = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  const sgd = { ...DEFAULT_SOFTMAX_OPTIONS, ...options.softmax };
  const docs = examples.map((e) => analyse(e.text));
  const ys = examples.map((e) => labels.indexOf(e.label));

  let temperature = 1;
  const held = holdoutIndices(ys, options.holdout ?? 0.2, sgd.seed);
  if (held.size > 0) {
    const keep = (i: number): boolean => !held.has(i);
    const calibration = fit(
      docs.filter((_, i) => keep(i)),
      ys.filter((_, i) => keep(i)),
      labels.length,
      features,
      sgd,
    );
    const heldIdx = [...held].sort((a, b) => a - b);
    temperature = fitTemperature(
      heldIdx.map((i) => calibration.model.logits(calibration.featurizer.vector(docs[i] as Analysis))),
      heldIdx.map((i) => ys[i] ?? 0),
    );
  }
  const { featurizer, model } = fit(docs, ys, labels.length, features, sgd);
  return classifierFrom({ labels, temperature, featurizer: featurizer.data, model: model.data });
}

/** A trained classifier again, from its data (a cached model, see nlu-cache.ts). */
export function classifierFrom(data: ClassifierData): Classifier {
  const { labels, temperature } = data;
  const featurizer = featurizerFrom(data.featurizer);
  const model = linearModelFrom(data.model);
  const classifyAnalysis = (a: Analysis): Scored[] => {
    const p = softmax(model.logits(featurizer.vector(a)), temperature);
    return labels
      .map((label, i) => ({ label, confidence: p[i] ?? 0 }))
      .sort((x, y) => y.confidence - x.confidence);
  };
  return {
    labels,
    temperature,
    data,
    classifyAnalysis,
    classify: (text) => classifyAnalysis(analyse(text)),
  };
}
