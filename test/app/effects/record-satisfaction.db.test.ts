import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { EffectDeps } from '../../../src/app/effects/effect-deps.js';
import { recordSatisfaction } from '../../../src/app/effects/record-satisfaction.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn } from './support.js';

const db = useTestDatabase('effect_record_satisfaction');
let deps: EffectDeps & { repos: MongoRepositories };

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

async function servedAndClosed(chatId: string, officeId?: string) {
  const officer = await deps.officers.create({
    username: `petugas-${chatId}`,
    displayName: 'Budi',
    role: 'officer',
    officeId: '31.71.01.1001',
    passwordHash: 'x',
    active: true,
    failedLogins: 0,
  });
  const { ticket } = await deps.handoffs.open({
    channel: 'telegram',
    chatId,
    citizenName: 'Siti',
    reason: 'asked',
    priority: false,
    ...(officeId ? { officeId } : {}),
    createdAt: MONDAY_MORNING,
  });
  await deps.handoffs.claim(ticket.id, officer.id, MONDAY_MORNING);
  await deps.handoffs.close(ticket.id, MONDAY_MORNING);
  return { ticket, officer };
}

const window = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

describe('recordSatisfaction', () => {
  it("should store the score, then add the comment, under the ticket, its officer and the officer's office", async () => {
    const { ticket, officer } = await servedAndClosed('sat-1');
    const effect = { kind: 'record_satisfaction' as const, ticketId: ticket.id, score: 3 as const };
    expect(await recordSatisfaction(deps, effect, turn('sat-1'))).toEqual([]);
    await recordSatisfaction(deps, { ...effect, comment: 'Cepat dan ramah' }, turn('sat-1'));
    const rows = await deps.satisfaction.listWindow(window, 10);
    expect(rows).toEqual([
      {
        ticketId: ticket.id,
        officerId: officer.id,
        officeId: '31.71.01.1001',
        score: 3,
        comment: 'Cepat dan ramah',
        answeredAt: MONDAY_MORNING,
      },
    ]);
    // Nothing of the citizen is kept with the answer.
    const raw = await db
      .conn()
      .db!.collection('satisfaction_answers')
      .findOne({ _id: ticket.id as never });
    expect(JSON.stringify(raw)).not.toMatch(/sat-1|Siti|telegram/);
  });

  it("should keep a routed conversation's own office", async () => {
    const { ticket } = await servedAndClosed('sat-2', '31.71.01.1002');
    await recordSatisfaction(
      deps,
      { kind: 'record_satisfaction', ticketId: ticket.id, score: 1 },
      turn('sat-2'),
    );
    const rows = await deps.satisfaction.listWindow(window, 10);
    expect(rows.find((r) => r.ticketId === ticket.id)).toMatchObject({ officeId: '31.71.01.1002', score: 1 });
  });

  it('should ignore a ticket of another chat, an open one, or one no officer served', async () => {
    const { ticket } = await servedAndClosed('sat-3');
    const before = (await deps.satisfaction.listWindow(window, 10)).length;
    await recordSatisfaction(
      deps,
      { kind: 'record_satisfaction', ticketId: ticket.id, score: 4 },
      turn('lain'),
    );
    const { ticket: open } = await deps.handoffs.open({
      channel: 'telegram',
      chatId: 'sat-4',
      reason: 'asked',
      priority: false,
      createdAt: MONDAY_MORNING,
    });
    await recordSatisfaction(
      deps,
      { kind: 'record_satisfaction', ticketId: open.id, score: 4 },
      turn('sat-4'),
    );
    await deps.handoffs.close(open.id, MONDAY_MORNING);
    await recordSatisfaction(
      deps,
      { kind: 'record_satisfaction', ticketId: open.id, score: 4 },
      turn('sat-4'),
    );
    await recordSatisfaction(
      deps,
      { kind: 'record_satisfaction', ticketId: 'bukan-id', score: 4 },
      turn('sat-4'),
    );
    expect(await deps.satisfaction.listWindow(window, 10)).toHaveLength(before);
  });
});
