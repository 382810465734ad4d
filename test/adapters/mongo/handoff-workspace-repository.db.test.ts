import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import type { InternalNote } from '../../../src/ports/handoff-repository.js';
import { useTestDatabase } from '../../support/db.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('handoff_workspace_repo');
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

const at = new Date('2025-03-03T02:00:00Z');
const note = (text: string, officerId = 'o1'): InternalNote => ({ officerId, officerName: 'Budi', text, at });

async function claimed(chatId: string, officerId = 'o1') {
  const { ticket } = await repos.handoffs.open({
    channel: 'telegram',
    chatId,
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: at,
  });
  return (await repos.handoffs.claim(ticket.id, officerId, at))!;
}

describe('MongoHandoffRepository workspace writes', () => {
  it('should keep notes in order and refuse one on a closed ticket', async () => {
    const t = await claimed('w1');
    await repos.handoffs.addNote(t.id, note('satu'));
    const after = await repos.handoffs.addNote(t.id, note('dua'));
    expect(after?.notes?.map((n) => n.text)).toEqual(['satu', 'dua']);
    const closed = await repos.handoffs.close(t.id, at, 'no_response');
    expect(closed).toMatchObject({ status: 'closed', resolution: 'no_response' });
    expect(await repos.handoffs.addNote(t.id, note('tiga'))).toBeUndefined();
    expect((await repos.handoffs.get(t.id))?.notes).toHaveLength(2);
  });

  it('should let exactly one of two racing transfers by the holder win', async () => {
    const t = await claimed('w2');
    const [a, b] = await Promise.all([
      repos.handoffs.transfer(t.id, { toOfficerId: 'o2' }, note('ke o2'), 'o1'),
      repos.handoffs.transfer(t.id, { toOfficerId: 'o3' }, note('ke o3'), 'o1'),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const now = (await repos.handoffs.get(t.id))!;
    expect(['o2', 'o3']).toContain(now.officerId);
    expect(now.notes).toHaveLength(1);
  });

  it('should put a ticket transferred to an office back in that queue, unclaimed', async () => {
    const t = await claimed('w3');
    const moved = await repos.handoffs.transfer(t.id, { toOfficeId: '31.71.01.1002' }, note('ke Cideng'));
    expect(moved).toMatchObject({ status: 'waiting', officeId: '31.71.01.1002' });
    expect(moved?.officerId).toBeUndefined();
    expect(moved?.notes?.[0]).toMatchObject({ transfer: { toOfficeId: '31.71.01.1002' } });
    expect(await repos.handoffs.transfer(t.id, { toOfficerId: 'o2' }, note('lagi'))).toBeUndefined();
  });
});
