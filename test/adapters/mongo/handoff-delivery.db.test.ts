import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('handoff_delivery');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

async function ticket(chatId: string) {
  const { ticket: t } = await repos.handoffs.open({
    channel: 'whatsapp',
    chatId,
    reason: 'asked',
    priority: false,
    createdAt: new Date(),
    transcript: [{ from: 'citizen', text: 'halo', at: new Date() }],
  });
  return t;
}

describe('MongoHandoffRepository: delivery of officer replies', () => {
  it('should answer each concurrently added line its own index', async () => {
    const t = await ticket('628001');
    const added = await Promise.all(
      ['a', 'b', 'c', 'd'].map((text) =>
        repos.handoffs.appendLine(t.id, {
          from: 'officer',
          text,
          at: new Date(),
          delivery: { state: 'queued', at: new Date() },
        }),
      ),
    );
    const stored = (await repos.handoffs.get(t.id))!.transcript;
    for (const a of added) expect(stored[a!.index]!.text).toBe(['a', 'b', 'c', 'd'][added.indexOf(a)]);
    expect(added.map((a) => a!.index).sort()).toEqual([1, 2, 3, 4]);
    expect(stored[1]!.delivery).toMatchObject({ state: 'queued' });
  });

  it('should set a delivery only on an officer line, and only from the states given', async () => {
    const t = await ticket('628002');
    const { index } = (await repos.handoffs.appendLine(t.id, {
      from: 'officer',
      text: 'x',
      at: new Date(),
      delivery: { state: 'queued', at: new Date() },
    }))!;
    const failed = {
      state: 'failed' as const,
      at: new Date(),
      reason: 'retry' as const,
      error: 'Connection Closed',
    };
    expect(await repos.handoffs.setDelivery(t.id, 0, failed)).toBeUndefined();
    expect(await repos.handoffs.setDelivery(t.id, 9, failed)).toBeUndefined();
    expect(await repos.handoffs.setDelivery(t.id, index, failed, ['sent'])).toBeUndefined();
    const set = await repos.handoffs.setDelivery(t.id, index, failed, ['queued']);
    expect(set!.transcript[index]!.delivery).toEqual(failed);
    // Closed, the outcome of a send still in flight is still recorded.
    await repos.handoffs.close(t.id, new Date());
    const sent = await repos.handoffs.setDelivery(t.id, index, { state: 'sent', at: new Date() });
    expect(sent!.transcript[index]!.delivery).toMatchObject({ state: 'sent' });
    expect(sent!.transcript[index]!.delivery?.error).toBeUndefined();
    expect(
      await repos.handoffs.appendLine(t.id, { from: 'officer', text: 'y', at: new Date() }),
    ).toBeUndefined();
  });
});
