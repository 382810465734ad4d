import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { relayToOfficer } from '../../../src/app/effects/relay-to-officer.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn, upload } from './support.js';

const db = useTestDatabase('effect_relay');
let deps: EffectDeps;

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

describe('relayToOfficer', () => {
  it("should add the citizen's text, and a stored file referenced by its document, to the open ticket's transcript", async () => {
    const { ticket } = await deps.handoffs.open({
      channel: 'telegram',
      chatId: 'relay-1',
      reason: 'asked',
      priority: false,
      createdAt: MONDAY_MORNING,
    });
    expect(
      await relayToOfficer(deps, { kind: 'relay_to_officer', text: 'Halo pak' }, turn('relay-1')),
    ).toEqual([]);
    const file = await upload(deps, 'relay-1');
    await relayToOfficer(deps, { kind: 'relay_to_officer', file, text: 'KK saya' }, turn('relay-1'));
    const refused = { ...file, documentId: '', contentType: 'application/x-msdownload', filename: 'a.jpg' };
    await relayToOfficer(deps, { kind: 'relay_to_officer', file: refused }, turn('relay-1'));
    expect((await deps.handoffs.get(ticket.id))?.transcript).toEqual([
      { from: 'citizen', text: 'Halo pak', at: MONDAY_MORNING },
      {
        from: 'citizen',
        text: '[berkas: foto-kk.png] KK saya',
        at: MONDAY_MORNING,
        attachment: {
          documentId: file.documentId,
          filename: 'foto-kk.png',
          contentType: 'image/png',
          size: 72,
        },
      },
      { from: 'citizen', text: '[berkas ditolak: a.jpg (application/x-msdownload)]', at: MONDAY_MORNING },
    ]);
  });

  it('should do nothing for a chat without an open ticket', async () => {
    expect(await relayToOfficer(deps, { kind: 'relay_to_officer', text: 'Halo' }, turn('relay-2'))).toEqual(
      [],
    );
    expect(await deps.handoffs.findOpenByChat('telegram', 'relay-2')).toBeUndefined();
  });
});
