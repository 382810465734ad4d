import { beforeAll, describe, expect, it } from '@jest/globals';
import { readHeldout } from '../../bench/nlu-heldout.js';
import type { HeldoutRow } from '../../bench/nlu-heldout.js';
import { ACT_AT } from '../../src/dialogue/confirm.js';
import type { GuardedAction } from '../../src/dialogue/types.js';
import { loadIntentData } from '../../src/nlu/intent-data.js';
import type { IntentData } from '../../src/nlu/intent-data.js';
import { INTENTS } from '../../src/nlu/labels.js';
import { createNlu } from '../../src/nlu/nlu.js';
import type { Nlu } from '../../src/nlu/nlu.js';

/**
 * The thresholds at which a cancel, a complaint or an officer request acts without asking
 * (src/dialogue/confirm.ts `ACT_AT`) are calibrated here, on the held-out set and on intents/:
 * no message that means something else is read as one of them at or above its threshold, and
 * most messages that do mean it clear it (asking costs the citizen a tap; a wrong cancel or a
 * complaint sent to supervisors costs much more). docs/decisions/0011-confirm-before-acting.md.
 */
const GUARDED: ReadonlyArray<[string, GuardedAction]> = [
  ['cancel', 'cancel'],
  ['complaint', 'complaint'],
  ['talk_to_officer', 'officer'],
];

/** The share of the held-out messages of a guarded intent that must act at once. */
const MIN_AT_ONCE = 0.6;

describe('the confirmation thresholds', () => {
  let nlu: Nlu;
  let rows: HeldoutRow[];
  let data: IntentData;
  beforeAll(async () => {
    data = await loadIntentData('intents');
    nlu = createNlu({ intents: data });
    rows = await readHeldout();
  });

  it.each(GUARDED)('should never read another intent as %s at or above its threshold', (intent, action) => {
    const messages = [
      ...rows.map((r) => ({ text: r.text, intent: r.intent })),
      ...INTENTS.flatMap((i) => data.intents[i].map((text) => ({ text, intent: i }))),
    ];
    const wrong = messages
      .filter((m) => m.intent !== intent)
      .map((m) => ({ ...m, u: nlu.understand(m.text) }))
      .filter((m) => m.u.intent === intent && m.u.confidence >= ACT_AT[action])
      .map((m) => `${m.text} (${m.intent}, ${m.u.confidence.toFixed(2)})`);
    expect(wrong).toEqual([]);
  });

  it.each(GUARDED)('should act at once on most held-out messages that mean %s', (intent, action) => {
    const meant = rows.filter((r) => r.intent === intent).map((r) => nlu.understand(r.text));
    const atOnce = meant.filter((u) => u.intent === intent && u.confidence >= ACT_AT[action]);
    expect(atOnce.length / meant.length).toBeGreaterThanOrEqual(MIN_AT_ONCE);
  });

  it('should ask about the harmful misreadings of old, were they read so again', () => {
    // "pengajuan pindah keluar daerah" was read as cancel at 0.73: under the threshold, asked.
    expect(ACT_AT.cancel).toBeGreaterThan(0.73);
  });
});
