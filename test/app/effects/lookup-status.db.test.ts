import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { lookupStatus } from '../../../src/app/effects/lookup-status.js';
import { generateTrackingNumber } from '../../../src/domain/tracking-number.js';
import { newApplication } from '../../adapters/mongo/fixtures.js';
import { useTestDatabase } from '../../support/db.js';
import { openEffectDeps, turn } from './support.js';

const db = useTestDatabase('effect_lookup');
let deps: EffectDeps;
const at = new Date('2025-03-03T02:00:00.000Z');

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

/** A tracking number of March 2025 whose random symbols are all the alphabet's `n`th. */
const numberOf = (n: number) => generateTrackingNumber({ prefix: 'PTSP', at, random: () => n / 32 });

describe('lookupStatus', () => {
  it("should list the chat's own applications without a number, late ones marked, or say there are none", async () => {
    const contact = { channel: 'telegram' as const, chatId: 'look-1' };
    expect(await lookupStatus(deps, { kind: 'lookup_status' }, turn('look-1'))).toEqual([
      { kind: 'status_not_found' },
    ]);
    const app = await deps.applications.create(
      newApplication({ applicant: { name: 'Ani', nik: '3171010101900009', contact } }),
      () => numberOf(1),
    );
    const [found] = await lookupStatus(
      deps,
      { kind: 'lookup_status' },
      turn('look-1', new Date('2025-04-01T02:00:00Z')),
    );
    expect(found).toEqual({
      kind: 'status_found',
      applications: [
        {
          trackingNumber: app.trackingNumber,
          serviceId: 'ktp',
          status: 'SUBMITTED',
          lastChangeAt: at.toISOString(),
          dueAt: app.slaDueAt.toISOString(),
          late: true,
        },
      ],
    });
  });

  it("should find the chat's own one by number however typed, with the officer's note where the citizen must act", async () => {
    const app = await deps.applications.create(
      newApplication({ status: 'NEEDS_REVISION', revision: { stepId: 'foto_kk', note: 'Foto buram' } }),
      () => numberOf(2),
    );
    const typed = app.trackingNumber.toLowerCase().replace(/-/g, ' ');
    const [found] = await lookupStatus(
      deps,
      { kind: 'lookup_status', trackingNumber: typed },
      turn('5550001', at),
    );
    expect(found).toMatchObject({
      kind: 'status_found',
      applications: [
        { trackingNumber: app.trackingNumber, status: 'NEEDS_REVISION', note: 'Foto buram', late: false },
      ],
    });
  });

  it('should not call a finished application late, and say which number was not found', async () => {
    const done = await deps.applications.create(newApplication({ status: 'COMPLETED' }), () => numberOf(3));
    const later = turn('5550001', new Date('2026-01-01T00:00:00Z'));
    const [found] = await lookupStatus(
      deps,
      { kind: 'lookup_status', trackingNumber: done.trackingNumber },
      later,
    );
    expect(found).toMatchObject({ applications: [{ late: false }] });

    const missing = numberOf(4);
    expect(await lookupStatus(deps, { kind: 'lookup_status', trackingNumber: missing }, later)).toEqual([
      { kind: 'status_not_found', query: missing },
    ]);
  });

  it("should suggest the chat's own stored number a mistyped one was meant to be", async () => {
    const app = await deps.applications.create(newApplication(), () => numberOf(5));
    // One wrong symbol in the code: the check symbol catches it.
    const last = app.trackingNumber.at(-2) === 'A' ? 'B' : 'A';
    const typo = `${app.trackingNumber.slice(0, -2)}${last}${app.trackingNumber.at(-1)}`;
    expect(
      await lookupStatus(deps, { kind: 'lookup_status', trackingNumber: typo }, turn('5550001', at)),
    ).toEqual([{ kind: 'status_not_found', query: typo, suggestion: app.trackingNumber }]);
  });
});
