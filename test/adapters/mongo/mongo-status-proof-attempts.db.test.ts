import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  MongoStatusProofAttempts,
  statusProofModel,
} from '../../../src/adapters/mongo/mongo-status-proof-attempts.js';
import { useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('status_proofs');
let store: MongoStatusProofAttempts;
const t0 = new Date('2026-11-23T02:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

beforeAll(async () => {
  const model = statusProofModel(db.conn());
  await model.init();
  store = new MongoStatusProofAttempts(model);
});

describe('MongoStatusProofAttempts', () => {
  it('should count wrong answers by chat and by number since a moment', async () => {
    await store.recordWrong({ chat: 'telegram:a', trackingNumber: 'PTSP-2611-AAAAA', at: t0 });
    await store.recordWrong({ chat: 'telegram:a', trackingNumber: 'PTSP-2611-BBBBB', at: minutes(1) });
    await store.recordWrong({ chat: 'telegram:b', trackingNumber: 'PTSP-2611-AAAAA', at: minutes(2) });
    expect(await store.countWrong('telegram:a', 'PTSP-2611-AAAAA', t0)).toEqual({ byChat: 2, byNumber: 2 });
    expect(await store.countWrong('telegram:a', 'PTSP-2611-AAAAA', minutes(1))).toEqual({
      byChat: 1,
      byNumber: 1,
    });
    expect(await store.countWrong('telegram:c', 'PTSP-2611-CCCCC', t0)).toEqual({ byChat: 0, byNumber: 0 });
  });

  it('should prune rows older than a day when it records one, since they name a chat', async () => {
    await store.recordWrong({ chat: 'telegram:old', trackingNumber: 'PTSP-2611-DDDDD', at: t0 });
    await store.recordWrong({
      chat: 'telegram:new',
      trackingNumber: 'PTSP-2611-EEEEE',
      at: minutes(25 * 60),
    });
    const epoch = new Date(0);
    expect(await store.countWrong('telegram:old', 'PTSP-2611-DDDDD', epoch)).toEqual({
      byChat: 0,
      byNumber: 0,
    });
    expect(await store.countWrong('telegram:new', 'PTSP-2611-EEEEE', epoch)).toEqual({
      byChat: 1,
      byNumber: 1,
    });
  });
});
