import { describe, expect, it } from '@jest/globals';
import { trainClassifier } from '../../src/nlu/classifier.js';
import type { LabelledText } from '../../src/nlu/classifier.js';

const examples: LabelledText[] = [
  ...[
    'hujan gak besok',
    'cuaca hari ini',
    'besok panas gak',
    'prakiraan cuaca jakarta',
    'apakah akan hujan',
    'cuaca besok pagi',
  ].map((text) => ({ text, label: 'weather' })),
  ...[
    'pasang alarm jam 5',
    'bangunkan saya jam 6',
    'setel alarm pagi',
    'alarm jam 7 besok',
    'nyalakan alarm',
    'buat alarm jam 4',
  ].map((text) => ({ text, label: 'alarm' })),
  ...[
    'putar lagu dangdut',
    'mainkan musik',
    'setel lagu kesukaan',
    'putar musik pop',
    'nyanyikan lagu',
    'mau dengar lagu',
  ].map((text) => ({ text, label: 'music' })),
];

describe('trainClassifier', () => {
  const classifier = trainClassifier(examples);

  it('should classify phrases it was not trained on', () => {
    expect(classifier.classify('besok hujan ya')[0]?.label).toBe('weather');
    expect(classifier.classify('tolong pasang alarmnya jam 8')[0]?.label).toBe('alarm');
    expect(classifier.classify('putarkan lagu jazz')[0]?.label).toBe('music');
  });

  it('should give probabilities in [0,1] that sum to 1, best first', () => {
    for (const text of ['besok hujan ya', 'xyz', '', 'alarm lagu cuaca']) {
      const ranked = classifier.classify(text);
      expect(ranked.map((r) => r.label).sort()).toEqual(['alarm', 'music', 'weather']);
      for (const r of ranked) {
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }
      expect(ranked.reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 10);
      const sorted = [...ranked].sort((a, b) => b.confidence - a.confidence);
      expect(ranked).toEqual(sorted);
    }
  });

  it('should be less sure of gibberish than of a clear phrase', () => {
    const clear = classifier.classify('cuaca besok hujan gak')[0]?.confidence ?? 0;
    const noise = classifier.classify('qwerty zxcv')[0]?.confidence ?? 1;
    expect(noise).toBeLessThan(clear);
  });

  it('should be deterministic: the same data gives the same model', () => {
    const again = trainClassifier(examples);
    expect(again.temperature).toBe(classifier.temperature);
    expect(again.classify('putar lagu besok')).toEqual(classifier.classify('putar lagu besok'));
  });

  it('should change with the seed only through training order', () => {
    const other = trainClassifier(examples, { softmax: { seed: 99 } });
    expect(other.classify('besok hujan ya')[0]?.label).toBe('weather');
  });

  it('should refuse data with fewer than two labels', () => {
    expect(() => trainClassifier([{ text: 'halo', label: 'greeting' }])).toThrow(/at least two labels/);
  });
});
