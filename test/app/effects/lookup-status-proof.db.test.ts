import { beforeAll, describe, expect, it } from '@jest/globals';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { lookupStatus } from '../../../src/app/effects/lookup-status.js';
import type { StatusProof } from '../../../src/dialogue/types.js';
import { generateTrackingNumber } from '../../../src/domain/tracking-number.js';
import { newApplication } from '../../adapters/mongo/fixtures.js';
import { useTestDatabase } from '../../support/db.js';
import { openEffectDeps, turn } from './support.js';

const db = useTestDatabase('effect_lookup_proof');
let deps: EffectDeps;
const at = new Date('2025-05-05T02:00:00.000Z');
/** The fixture applicant: NIK 3171014708900003, a woman born 7 August 1990 (day 47 = 7 + 40). */
const BIRTH = { kind: 'birth_date', date: '1990-08-07' } as const;
const LAST4 = { kind: 'nik_last4', digits: '0003' } as const;
const WRONG: StatusProof = { kind: 'birth_date', date: '1990-08-08' };

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

let drawn = 0;
/** A stored application of chat `5550001` under a fresh number, with an officer's note. */
async function stored(): Promise<string> {
  const n = ++drawn;
  const app = await deps.applications.create(
    newApplication({ status: 'NEEDS_REVISION', revision: { stepId: 'foto_kk', note: 'Foto buram' } }),
    () => generateTrackingNumber({ prefix: 'PTSP', at, random: () => ((n * 7) % 32) / 32 + 0.001 }),
  );
  return app.trackingNumber;
}

const ask = (trackingNumber: string, chat: string, proof?: StatusProof, when: Date = at) =>
  lookupStatus(
    deps,
    proof ? { kind: 'lookup_status', trackingNumber, proof } : { kind: 'lookup_status', trackingNumber },
    turn(chat, when),
  );

describe('status lookup from a chat that did not apply', () => {
  it('should say only "found" until the chat answers', async () => {
    const number = await stored();
    const events = await ask(number, 'stranger-1');
    expect(events).toEqual([{ kind: 'status_needs_proof', trackingNumber: number }]);
    expect(JSON.stringify(events)).not.toMatch(/Foto buram|NEEDS_REVISION|ktp|dueAt/);
  });

  it("should show the status after the applicant's birth date or the NIK's last 4 digits", async () => {
    const number = await stored();
    for (const [chat, proof] of [
      ['stranger-2', BIRTH],
      ['stranger-3', LAST4],
    ] as const) {
      expect(await ask(number, chat, proof)).toMatchObject([
        { kind: 'status_found', applications: [{ trackingNumber: number, note: 'Foto buram' }] },
      ]);
    }
  });

  it('should show the owner chat everything at once, and the contact an officer gave at the counter', async () => {
    const number = await stored();
    expect(await ask(number, '5550001')).toMatchObject([
      { kind: 'status_found', applications: [{ trackingNumber: number, status: 'NEEDS_REVISION' }] },
    ]);
    const counter = await deps.applications.create(
      newApplication({
        applicant: {
          name: 'Budi',
          nik: '3171010101900009',
          contact: { channel: 'whatsapp', chatId: '6281234567890' },
        },
      }),
      () => generateTrackingNumber({ prefix: 'PTSP', at, random: () => 0.999 }),
    );
    const viaWa = await lookupStatus(
      deps,
      { kind: 'lookup_status', trackingNumber: counter.trackingNumber },
      turn('6281234567890', at, { channel: 'whatsapp' }),
    );
    expect(viaWa).toMatchObject([{ kind: 'status_found' }]);
  });

  it('should stop a chat after 3 wrong answers in 15 minutes, whichever numbers it tries', async () => {
    const [a, b, c] = [await stored(), await stored(), await stored()];
    expect(await ask(a, 'guesser', WRONG)).toEqual([
      { kind: 'status_proof_wrong', trackingNumber: a, remaining: 2 },
    ]);
    expect(await ask(b, 'guesser', WRONG)).toEqual([
      { kind: 'status_proof_wrong', trackingNumber: b, remaining: 1 },
    ]);
    expect(await ask(c, 'guesser', WRONG)).toEqual([{ kind: 'status_proof_limited', retryMinutes: 15 }]);
    // Even the right answer is not looked at while the chat is limited.
    expect(await ask(c, 'guesser', LAST4)).toEqual([{ kind: 'status_proof_limited', retryMinutes: 15 }]);
    // The limit is in the database: a fresh set of repositories (another process) sees it too.
    const other = await openEffectDeps(db.conn());
    expect(
      await lookupStatus(
        other,
        { kind: 'lookup_status', trackingNumber: a, proof: LAST4 },
        turn('guesser', at),
      ),
    ).toEqual([{ kind: 'status_proof_limited', retryMinutes: 15 }]);
    const later = new Date(at.getTime() + 16 * 60_000);
    expect(await ask(c, 'guesser', LAST4, later)).toMatchObject([{ kind: 'status_found' }]);
  });

  it('should stop guessing at one number after 3 wrong answers, whichever chats send them', async () => {
    const number = await stored();
    for (const chat of ['many-1', 'many-2']) {
      expect(await ask(number, chat, WRONG)).toMatchObject([{ kind: 'status_proof_wrong' }]);
    }
    expect(await ask(number, 'many-3', WRONG)).toEqual([{ kind: 'status_proof_limited', retryMinutes: 15 }]);
    expect(await ask(number, 'many-4', BIRTH)).toEqual([{ kind: 'status_proof_limited', retryMinutes: 15 }]);
    expect(await ask(number, 'many-4')).toEqual([{ kind: 'status_proof_limited', retryMinutes: 15 }]);
    // The owner is never limited.
    expect(await ask(number, '5550001')).toMatchObject([{ kind: 'status_found' }]);
  });

  it("should never suggest another chat's number for a typo, only the chat's own", async () => {
    const number = await stored();
    const last = number.at(-2) === 'A' ? 'B' : 'A';
    const typo = `${number.slice(0, -2)}${last}${number.at(-1)}`;
    expect(await ask(typo, 'stranger-4')).toEqual([{ kind: 'status_not_found', query: typo }]);
    expect(await ask(typo, '5550001')).toEqual([
      { kind: 'status_not_found', query: typo, suggestion: number },
    ]);
  });
});
