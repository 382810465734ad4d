import type { SparseVector } from './features.js';
import { seededRandom, shuffled } from './random.js';

/**
 * Multinomial logistic regression trained by plain SGD with L2 regularisation. Small and
 * fast enough to train at start-up, which natural's full-batch logistic regression is not;
 * and its outputs are real probabilities.
 */

/** Training knobs; the defaults are what cross-validation on intents/ and xSID's train split chose. */
export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight each class by 1/frequency so rare intents are not drowned by common ones. */
  balanced: boolean;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = {
  epochs: 15,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 1,
  balanced: true,
};

/** A trained linear model: raw class scores, to be turned into probabilities by a (calibrated) softmax. */
export interface LinearModel {
  readonly classes: number;
  logits(x: SparseVector): Float64Array;
  /** What `linearModelFrom` needs to give the same scores again (no copy: do not modify). */
  readonly data: LinearData;
}

/**
 * A linear model's numbers, stored as trained: the weights are `scale * v` (class-major within a
 * feature), so a model rebuilt from them scores bit for bit as the trained one.
 */
export interface LinearData {
  classes: number;
  v: Float64Array;
  bias: Float64Array;
  scale: number;
}

/** Scores `x` into `out`: bias plus the weighted features (`scale * v`). */
function scoreInto(
  classes: number,
  v: Float64Array,
  bias: Float64Array,
  scale: number,
  x: SparseVector,
  out: Float64Array,
): void {
  out.set(bias);
  const { idx, val } = x;
  for (let k = 0; k < idx.length; k += 1) {
    const base = idx[k]! * classes;
    const xv = val[k]! * scale;
    for (let c = 0; c < classes; c += 1) out[c] = out[c]! + xv * v[base + c]!;
  }
}

/** A trained model again, from its numbers (a cached model, see nlu-cache.ts). */
export function linearModelFrom(data: LinearData): LinearModel {
  return {
    classes: data.classes,
    data,
    logits(x) {
      const out = new Float64Array(data.classes);
      scoreInto(data.classes, data.v, data.bias, data.scale, x, out);
      return out;
    },
  };
}

/** Probabilities from scores at temperature `t` (numerically stable). */
export function softmax(logits: Float64Array, t = 1): Float64Array {
  return softmaxInto(logits, t, new Float64Array(logits.length));
}

/** `softmax` written into `out` (training reuses one buffer instead of allocating per example). */
function softmaxInto(logits: Float64Array, t: number, out: Float64Array): Float64Array {
  const n = logits.length;
  let max = -Infinity;
  for (let i = 0; i < n; i += 1) max = Math.max(max, logits[i]!);
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    const e = Math.exp((logits[i]! - max) / t);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i += 1) out[i] = out[i]! / sum;
  return out;
}

/** Trains on vectors `xs` with class indices `ys` in [0, classes). Deterministic for a given seed. */
export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  features: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS,
): LinearModel {
  // w = scale * v lets the L2 decay touch one number per step instead of every weight.
  const v = new Float64Array(features * classes);
  const bias = new Float64Array(classes);
  let scale = 1;
  const freq = new Float64Array(classes);
  for (const y of ys) freq[y] = (freq[y] ?? 0) + 1;
  const present = freq.filter((f) => f > 0).length;
  const classWeight = Float64Array.from(freq, (f) =>
    options.balanced && f > 0 ? xs.length / (present * f) : 1,
  );
  const random = seededRandom(options.seed);
  const order = xs.map((_, i) => i);
  // Buffers reused for every example: scores, probabilities, and the classes to update with
  // their steps.
  const z = new Float64Array(classes);
  const p = new Float64Array(classes);
  const active = new Int32Array(classes);
  const steps = new Float64Array(classes);

  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of shuffled(order, random)) {
      const x = xs[i] as SparseVector;
      const y = ys[i] as number;
      const lr = options.learningRate / (1 + options.learningRate * options.l2 * t);
      t += 1;
      scoreInto(classes, v, bias, scale, x, z);
      softmaxInto(z, 1, p);
      scale *= 1 - lr * options.l2;
      if (scale < 1e-9) {
        for (let j = 0; j < v.length; j += 1) v[j] = v[j]! * scale;
        scale = 1;
      }
      const cw = classWeight[y] ?? 1;
      let n = 0;
      for (let c = 0; c < classes; c += 1) {
        const g = cw * (p[c]! - (c === y ? 1 : 0));
        // Classes the model already gets right contribute nothing worth the pass over the features.
        if (Math.abs(g) < 1e-4) continue;
        bias[c] = bias[c]! - lr * g;
        active[n] = c;
        steps[n] = (lr * g) / scale;
        n += 1;
      }
      // Feature by feature, the classes' weights side by side in memory (each weight changes once
      // per example, so the order of the loops does not change the result).
      const { idx, val } = x;
      for (let k = 0; k < idx.length; k += 1) {
        const base = idx[k]! * classes;
        const xv = val[k]!;
        for (let a = 0; a < n; a += 1) {
          const j = base + active[a]!;
          v[j] = v[j]! - steps[a]! * xv;
        }
      }
    }
  }

  return linearModelFrom({ classes, v, bias, scale });
}
