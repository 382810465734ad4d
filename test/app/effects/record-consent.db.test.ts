import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { recordConsent } from '../../../src/app/effects/record-consent.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn, citizenId } from './support.js';

const db = useTestDatabase('effect_consent');
let deps: EffectDeps;

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

describe('recordConsent', () => {
  it('should log consent given and refused, with the citizen and the time', async () => {
    expect(await recordConsent(deps, { kind: 'record_consent', given: true }, turn('consent-1'))).toEqual([]);
    const later = new Date(MONDAY_MORNING.getTime() + 60_000);
    await recordConsent(deps, { kind: 'record_consent', given: false }, turn('consent-2', later));
    const logged = await deps.events.search({ type: ['consent.given', 'consent.refused'] }, { limit: 10 });
    expect(logged.items).toMatchObject([
      { type: 'consent.refused', actor: { kind: 'citizen', id: citizenId('consent-2') }, at: later },
      { type: 'consent.given', actor: { kind: 'citizen', id: citizenId('consent-1') }, at: MONDAY_MORNING },
    ]);
  });
});
