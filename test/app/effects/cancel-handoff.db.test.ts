import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { cancelHandoff } from '../../../src/app/effects/cancel-handoff.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn } from './support.js';

const db = useTestDatabase('effect_cancel_handoff');
let deps: EffectDeps;

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

describe('cancelHandoff', () => {
  it("should close the chat's open ticket, and do nothing when there is none", async () => {
    const { ticket } = await deps.handoffs.open({
      channel: 'telegram',
      chatId: 'cancel-1',
      reason: 'asked',
      priority: false,
      createdAt: MONDAY_MORNING,
    });
    const later = new Date(MONDAY_MORNING.getTime() + 60_000);
    expect(await cancelHandoff(deps, { kind: 'cancel_handoff' }, turn('cancel-1', later))).toEqual([]);
    expect(await deps.handoffs.get(ticket.id)).toMatchObject({ status: 'closed', closedAt: later });
    expect(await deps.handoffs.listWaiting()).toEqual([]);

    expect(await cancelHandoff(deps, { kind: 'cancel_handoff' }, turn('cancel-1', later))).toEqual([]);
  });
});
