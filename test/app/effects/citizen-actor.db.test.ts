import { beforeAll, describe, expect, it } from '@jest/globals';
import { shortPseudonym } from '../../../src/app/citizen-actor.js';
import { openHandoff } from '../../../src/app/effects/open-handoff.js';
import { recordConsent } from '../../../src/app/effects/record-consent.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn, citizenId } from './support.js';

const db = useTestDatabase('effect_citizen_actor');
let deps: Awaited<ReturnType<typeof openEffectDeps>>;

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

/** A WhatsApp chat id is the citizen's phone number. */
const PHONE = '6281234509876';

describe('citizen actor ids', () => {
  it('should name a WhatsApp citizen in the audit log by a pseudonym that holds neither the chat id nor the phone', async () => {
    const ctx = turn(PHONE, MONDAY_MORNING, {
      channel: 'whatsapp',
      sender: { name: 'Budi', phone: PHONE },
    });
    await recordConsent(deps, { kind: 'record_consent', given: true }, ctx);
    await openHandoff(deps, { kind: 'open_handoff', reason: 'asked', priority: false, history: [] }, ctx);

    const raw = await db.conn().collection('events').find({}).toArray();
    expect(raw).toHaveLength(2);
    for (const event of raw) {
      expect(JSON.stringify(event)).not.toContain(PHONE.slice(-8));
      expect(event.actor).toEqual({ kind: 'citizen', id: citizenId(PHONE, 'whatsapp') });
    }
    const id = citizenId(PHONE, 'whatsapp');
    expect(id).toMatch(/^warga:[\w-]+\.[\w-]{43}$/);
    // The same chat always has the same pseudonym; another chat another one.
    expect(citizenId('6281234509877', 'whatsapp')).not.toBe(id);
    expect(citizenId(PHONE, 'telegram')).not.toBe(id);
    expect(shortPseudonym(id)).toHaveLength(8);
    expect(shortPseudonym('whatsapp:6281234509876')).toBeUndefined();
  });
});
