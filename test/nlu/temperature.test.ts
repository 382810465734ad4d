import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../../src/nlu/random.js';
import { softmax } from '../../src/nlu/softmax.js';
import { fitTemperature } from '../../src/nlu/temperature.js';

/** Labels drawn from softmax(true logits); the model reports the logits `factor` times too sharp. */
function sample(factor: number, n: number): { logits: Float64Array[]; labels: number[] } {
  const random = seededRandom(3);
  const logits: Float64Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const truth = Float64Array.from({ length: 4 }, () => random() * 4 - 2);
    const p = softmax(truth);
    let u = random();
    let label = 0;
    while (label < 3 && u > (p[label] ?? 0)) {
      u -= p[label] ?? 0;
      label += 1;
    }
    logits.push(truth.map((z) => z * factor));
    labels.push(label);
  }
  return { logits, labels };
}

describe('fitTemperature', () => {
  it('should recover how over-confident the scores are', () => {
    const { logits, labels } = sample(3, 4000);
    expect(fitTemperature(logits, labels)).toBeGreaterThan(2.4);
    expect(fitTemperature(logits, labels)).toBeLessThan(3.6);
  });

  it('should leave calibrated scores near 1', () => {
    const { logits, labels } = sample(1, 4000);
    const t = fitTemperature(logits, labels);
    expect(t).toBeGreaterThan(0.8);
    expect(t).toBeLessThan(1.25);
  });

  it('should return 1 when there is nothing to fit on', () => {
    expect(fitTemperature([], [])).toBe(1);
  });
});

describe('softmax', () => {
  it('should sum to 1 and flatten as the temperature rises', () => {
    const z = Float64Array.from([2, 1, 0]);
    const sharp = softmax(z, 0.5);
    const flat = softmax(z, 5);
    expect(sharp.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(flat.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(sharp[0]).toBeGreaterThan(flat[0] ?? 1);
  });

  it('should not overflow on large scores', () => {
    const p = softmax(Float64Array.from([1000, 999]));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
  });
});
