import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { claimHandoff } from '../../../src/app/officer/claim-handoff.js';
import { handBackHandoff } from '../../../src/app/officer/hand-back-handoff.js';
import { noteHandoff } from '../../../src/app/officer/note-handoff.js';
import { transferChoices } from '../../../src/app/officer/transfer-choices.js';
import { transferHandoff, type TransferDeps } from '../../../src/app/officer/transfer-handoff.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import type { OfficerActor } from '../../../src/app/officer/officer-actor.js';
import { useTestDatabase } from '../../support/db.js';
import { handoffDeps, waitingTicket } from './handoff-fixture.js';
import { ani, budi, joko, sari } from './support.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('handoff_workspace');
let repos: MongoRepositories;
const accounts: Record<string, OfficerActor> = {};

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
  await repos.offices.upsertMany([
    { id: '31.71.01', name: 'Kec. Gambir', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
    {
      id: '31.71.01.1001',
      name: 'Kel. Gambir',
      level: 'kelurahan',
      parentId: '31.71.01',
      hours: DEFAULT_HOURS,
    },
    {
      id: '31.71.01.1002',
      name: 'Kel. Cideng',
      level: 'kelurahan',
      parentId: '31.71.01',
      hours: DEFAULT_HOURS,
    },
  ]);
  for (const a of [budi, ani, sari, joko]) {
    const { id: _id, ...rest } = a;
    const o = await repos.officers.create({
      ...rest,
      passwordHash: 'x',
      active: true,
      failedLogins: 0,
    });
    accounts[a.username] = { ...a, id: o.id };
  }
});

const deps = (): TransferDeps & ReturnType<typeof handoffDeps> => ({
  ...handoffDeps(repos),
  officers: repos.officers,
  offices: repos.offices,
});

async function claimedBy(officer: OfficerActor, overrides = {}) {
  const t = await waitingTicket(repos, overrides);
  await claimHandoff(handoffDeps(repos), officer, t.id);
  return t;
}

describe('noteHandoff', () => {
  it('should keep an officers-only note, mask a NIK in it, audit it and tell the citizen nothing', async () => {
    const b = accounts.budi!;
    const t = await claimedBy(b);
    const d = deps();
    const ticket = await noteHandoff(d, b, t.id, '  NIK 3171010101900001 sudah dicek  ');
    expect(ticket.notes).toEqual([
      {
        officerId: b.id,
        officerName: 'Budi Santoso',
        text: 'NIK ************0001 sudah dicek',
        at: new Date('2025-03-04T02:05:00.000Z'),
      },
    ]);
    expect(d.push.calls).toEqual([]);
    const audit = await repos.events.search({ type: 'handoff.noted' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ actor: { id: b.id }, data: { handoffId: t.id, length: 32 } });
    await expect(noteHandoff(deps(), accounts.sari!, t.id, 'Sudah saya lihat.')).resolves.toBeDefined();
    expect(JSON.stringify(audit.items[0])).not.toContain('dicek');
  });

  it('should refuse an empty note, a closed conversation and an officer not holding it', async () => {
    const t = await claimedBy(accounts.budi!);
    await expect(noteHandoff(deps(), accounts.ani!, t.id, 'halo')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(noteHandoff(deps(), budi, t.id, '   ')).rejects.toMatchObject({
      code: 'invalid',
      fields: { text: expect.any(String) },
    });
    await expect(noteHandoff(deps(), joko, t.id, 'halo')).rejects.toMatchObject({ code: 'forbidden' });
    await handBackHandoff(deps(), accounts.budi!, t.id);
    await expect(noteHandoff(deps(), accounts.budi!, t.id, 'halo')).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('transferHandoff', () => {
  it('should pass a claimed conversation to another officer with a note the receiver sees', async () => {
    const t = await claimedBy(accounts.budi!);
    const d = deps();
    const r = await transferHandoff(d, accounts.budi!, t.id, {
      toOfficerId: accounts.ani!.id,
      note: 'Warga menanyakan akta; tolong lanjutkan.',
    });
    expect(r.ticket).toMatchObject({ status: 'claimed', officerId: accounts.ani!.id });
    expect(r.ticket.notes?.at(-1)).toMatchObject({
      officerName: 'Budi Santoso',
      text: 'Warga menanyakan akta; tolong lanjutkan.',
      transfer: { toOfficerId: accounts.ani!.id },
    });
    expect(d.push.calls.map((c) => c.event)).toEqual([{ kind: 'officer_joined', officerName: 'Ani' }]);
    const audit = await repos.events.search({ type: 'handoff.transferred' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({
      before: { officerId: accounts.budi!.id },
      after: { officerId: accounts.ani!.id, status: 'claimed' },
      data: { handoffId: t.id, toOfficerId: accounts.ani!.id },
    });
    // The old holder no longer holds it; the new one may hand it back.
    await expect(
      transferHandoff(deps(), accounts.budi!, t.id, { toOfficeId: '31.71.01.1001', note: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handBackHandoff(deps(), accounts.ani!, t.id)).resolves.toBeDefined();
  });

  it("should move a conversation to another office's queue within a supervisor's subtree", async () => {
    const t = await claimedBy(accounts.budi!);
    const r = await transferHandoff(deps(), accounts.sari!, t.id, {
      toOfficeId: '31.71.01.1002',
      note: 'Warga Cideng.',
    });
    expect(r.ticket).toMatchObject({ status: 'waiting', officeId: '31.71.01.1002' });
    expect(r.ticket.officerId).toBeUndefined();
    expect((await repos.handoffs.listWaiting(['31.71.01.1002'])).map((x) => x.id)).toContain(t.id);
  });

  it('should refuse targets outside the office scope, a missing note and a complaint to a plain officer', async () => {
    const t = await claimedBy(accounts.budi!);
    const bad = async (req: Parameters<typeof transferHandoff>[3], field: string) =>
      expect(transferHandoff(deps(), accounts.budi!, t.id, req)).rejects.toMatchObject({
        code: 'invalid',
        fields: { [field]: expect.any(String) },
      });
    await bad({ toOfficerId: accounts.joko!.id, note: 'x' }, 'toOfficerId');
    await bad({ toOfficeId: '31.71.01.1002', note: 'x' }, 'toOfficeId');
    await bad({ toOfficeId: '99.99', note: 'x' }, 'toOfficeId');
    await bad({ toOfficerId: accounts.ani!.id, note: ' ' }, 'note');
    await bad({ note: 'x' }, 'toOfficerId');
    await bad({ toOfficerId: accounts.budi!.id, note: 'x' }, 'toOfficerId');
    await expect(
      transferHandoff(deps(), accounts.ani!, t.id, { toOfficerId: accounts.sari!.id, note: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const complaint = await claimedBy(accounts.sari!, { priority: true, reason: 'complaint' });
    await expect(
      transferHandoff(deps(), accounts.sari!, complaint.id, { toOfficerId: accounts.ani!.id, note: 'x' }),
    ).rejects.toMatchObject({ fields: { toOfficerId: expect.stringContaining('supervisor') } });
    expect(await repos.handoffs.get(t.id)).toMatchObject({ officerId: accounts.budi!.id });
  });

  it('should offer only the targets the transfer accepts', async () => {
    const t = await claimedBy(accounts.budi!);
    const ticket = (await repos.handoffs.get(t.id))!;
    const forBudi = await transferChoices(repos, accounts.budi!, ticket);
    expect(forBudi.officers.map((o) => o.displayName)).toEqual(['Ani']);
    expect(forBudi.offices.map((o) => o.id)).toEqual(['31.71.01.1001']);
    const forSari = await transferChoices(repos, accounts.sari!, ticket);
    expect(forSari.officers.map((o) => o.displayName).sort()).toEqual(['Ani', 'Sari']);
    expect(forSari.offices.map((o) => o.id).sort()).toEqual(['31.71.01', '31.71.01.1001', '31.71.01.1002']);
  });
});

describe('handBackHandoff', () => {
  it('should end the ticket as handed back, audit it and push the hand-back to the citizen', async () => {
    const t = await claimedBy(accounts.budi!);
    await expect(handBackHandoff(deps(), accounts.ani!, t.id)).rejects.toMatchObject({ code: 'forbidden' });
    const d = deps();
    const r = await handBackHandoff(d, accounts.budi!, t.id);
    expect(r.ticket).toMatchObject({ status: 'closed', resolution: 'handed_back' });
    expect(d.push.calls).toEqual([
      {
        address: { channel: 'telegram', chatId: t.chatId },
        event: { kind: 'handed_back', officerName: 'Budi Santoso' },
      },
    ]);
    const audit = await repos.events.search({ type: 'handoff.handed_back' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ data: { handoffId: t.id, resolution: 'handed_back' } });
    await expect(handBackHandoff(deps(), accounts.budi!, t.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('should refuse a conversation nobody has claimed yet', async () => {
    const t = await waitingTicket(repos);
    await expect(handBackHandoff(deps(), accounts.budi!, t.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
