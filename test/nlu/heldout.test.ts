import { beforeAll, describe, expect, it } from '@jest/globals';
import { HELDOUT_TAGS, readHeldout, scoreHeldout } from '../../bench/nlu-heldout.js';
import type { HeldoutRow } from '../../bench/nlu-heldout.js';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import type { IntentData } from '../../src/nlu/intent-data.js';
import { INTENTS, SERVICE_IDS } from '../../src/nlu/labels.js';
import { createNlu } from '../../src/nlu/nlu.js';
import { normalize } from '../../src/nlu/normalize.js';

/**
 * test/nlu/heldout.tsv is only worth something while nothing in it is trained on: these tests
 * keep it apart from intents/, big and varied enough, and the NLU at its targets on it.
 */
describe('the held-out set', () => {
  let rows: HeldoutRow[];
  let data: IntentData;
  beforeAll(async () => {
    rows = await readHeldout();
    data = await loadIntentData('intents');
  });

  it('should hold at least 400 distinct messages with valid labels', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(new Set(rows.map((r) => r.text.toLowerCase())).size).toBe(rows.length);
    for (const r of rows) {
      expect(INTENTS).toContain(r.intent);
      expect(['', ...SERVICE_IDS]).toContain(r.service);
      expect(['id', 'en', 'mix']).toContain(r.lang);
      expect(HELDOUT_TAGS).toContain(r.tag);
    }
  });

  it('should cover every intent, every service and every kind of writing', () => {
    for (const intent of INTENTS)
      expect(rows.filter((r) => r.intent === intent).length).toBeGreaterThanOrEqual(20);
    for (const service of SERVICE_IDS)
      expect(rows.filter((r) => r.service === service).length).toBeGreaterThanOrEqual(10);
    for (const tag of HELDOUT_TAGS)
      expect(rows.filter((r) => r.tag === tag).length).toBeGreaterThanOrEqual(10);
  });

  it('should share no message with intents/, after normalisation', () => {
    const trained = new Set(
      [
        ...INTENTS.flatMap((i) => data.intents[i]),
        ...Object.values(data.services).flatMap((s) => [...s.examples, ...s.keywords]),
      ].map(normalize),
    );
    expect(rows.filter((r) => trained.has(normalize(r.text))).map((r) => r.text)).toEqual([]);
  });

  it('should be read at the targets: intent accuracy 0.95, service accuracy 0.98', () => {
    const nlu = createNlu({ intents: data });
    const s = scoreHeldout(
      rows,
      rows.map((r) => nlu.understand(r.text)),
    );
    expect(s.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.serviceAccuracy).toBeGreaterThanOrEqual(0.98);
  });
});
