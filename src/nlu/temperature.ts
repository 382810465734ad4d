import { softmax } from './softmax.js';

/**
 * Temperature scaling: one number that makes a model's softmax honest. SGD-trained models
 * are over- or under-confident depending on epochs and regularisation; dividing the scores
 * by the temperature that minimises log-loss on examples the model did not see turns
 * "0.9" into "right about 90% of the time", which is what the clarifying-menu threshold needs.
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  if (logits.length === 0) return 1;
  const nll = (t: number): number => {
    let sum = 0;
    logits.forEach((z, i) => {
      sum -= Math.log(Math.max(softmax(z, t)[labels[i] ?? 0] ?? 0, 1e-12));
    });
    return sum / logits.length;
  };
  // Golden-section search on log(t) in [log 0.05, log 20]: the loss is unimodal in practice.
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let i = 0; i < 40; i += 1) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
