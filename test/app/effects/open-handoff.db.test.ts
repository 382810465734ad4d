import { beforeAll, describe, expect, it } from '@jest/globals';
import { openHandoff } from '../../../src/app/effects/open-handoff.js';
import { useTestDatabase } from '../../support/db.js';
import { MONDAY_MORNING, openEffectDeps, turn, citizenId } from './support.js';

const db = useTestDatabase('effect_open_handoff');
let deps: Awaited<ReturnType<typeof openEffectDeps>>;

beforeAll(async () => {
  deps = await openEffectDeps(db.conn());
});

const asked = {
  kind: 'open_handoff' as const,
  reason: 'asked' as const,
  priority: false,
  history: [
    { from: 'citizen' as const, text: 'syarat pbg apa saja', at: '2026-11-30T02:00:00.000Z' },
    { from: 'bot' as const, text: 'Syarat PBG: KTP-el pemilik', at: '2026-11-30T02:00:00.000Z' },
  ],
};

describe('openHandoff', () => {
  it('should open a ticket with the bot conversation so far (marked before the handoff), log it, and tell the place in the queue and the counter hours', async () => {
    const ctx = turn('hand-1', MONDAY_MORNING, { sender: { name: 'Budi' } });
    expect(await openHandoff(deps, asked, ctx)).toEqual([
      { kind: 'handoff_opened', position: 1, officeOpenNow: true, availableOfficers: 0 },
    ]);
    const ticket = await deps.handoffs.findOpenByChat('telegram', 'hand-1');
    expect(ticket).toMatchObject({
      citizenName: 'Budi',
      reason: 'asked',
      priority: false,
      status: 'waiting',
      transcript: [
        { from: 'citizen', text: 'syarat pbg apa saja', beforeHandoff: true },
        { from: 'bot', text: 'Syarat PBG: KTP-el pemilik', beforeHandoff: true },
      ],
    });
    const logged = await deps.events.search({ type: 'handoff.opened' }, { limit: 10 });
    expect(logged.items).toMatchObject([
      {
        actor: { kind: 'citizen', id: citizenId('hand-1') },
        data: { ticketId: ticket!.id, reason: 'asked' },
      },
    ]);
  });

  it("should join the chat's open ticket rather than queue it twice, and put a complaint first", async () => {
    await openHandoff(deps, asked, turn('hand-1'));
    expect((await deps.handoffs.listWaiting()).map((t) => t.chatId)).toEqual(['hand-1']);

    const complaint = { ...asked, reason: 'complaint' as const, priority: true, history: [] };
    const [opened] = await openHandoff(deps, complaint, turn('hand-2'));
    expect(opened).toMatchObject({ position: 1 });
    expect((await deps.handoffs.listWaiting()).map((t) => t.chatId)).toEqual(['hand-2', 'hand-1']);
  });

  it('should say when the counter opens next, out of hours', async () => {
    const saturday = new Date('2026-11-28T02:00:00Z');
    const [opened] = await openHandoff(deps, asked, turn('hand-3', saturday));
    expect(opened).toMatchObject({ officeOpenNow: false, nextOpening: '2026-11-30T01:00:00.000Z' });
  });

  it('should count the officers marked available, so the citizen hears whether anyone is there', async () => {
    const base = {
      displayName: 'Petugas',
      role: 'officer' as const,
      officeId: '31.71.01.1001',
      passwordHash: 'x',
      failedLogins: 0,
    };
    const here = await deps.officers.create({ ...base, username: 'hadir', active: true });
    const away = await deps.officers.create({ ...base, username: 'pergi', active: true });
    const gone = await deps.officers.create({ ...base, username: 'nonaktif', active: false });
    await deps.officers.setAvailable(here.id, true);
    await deps.officers.setAvailable(gone.id, true);
    expect((await deps.officers.findById(away.id))?.available).toBeUndefined();
    const [opened] = await openHandoff(deps, asked, turn('hand-4'));
    expect(opened).toMatchObject({ officeOpenNow: true, availableOfficers: 1 });
  });
});

describe("openHandoff and the queue office's hours", () => {
  it('should keep the hours the admin set for the queue office: a Saturday service, and a Friday prayer break', async () => {
    await deps.repos.offices.upsertMany([
      {
        id: '32.01',
        name: 'Kabupaten Bogor',
        level: 'kota',
        parentId: null,
        hours: {
          fri: [
            { open: '08:00', close: '11:30' },
            { open: '13:00', close: '16:00' },
          ],
          sat: [{ open: '08:00', close: '12:00' }],
        },
      },
    ]);
    const withOffice = { ...deps, offices: deps.repos.offices, queueOfficeId: '32.01' };
    // Saturday 09:00 WIB: open at this office, where the common hours are closed.
    const saturday = new Date('2026-11-28T02:00:00Z');
    const [sat] = await openHandoff(withOffice, asked, turn('hours-1', saturday));
    expect(sat).toMatchObject({ officeOpenNow: true });
    // Friday 12:00 WIB: the break; open again at 13:00 WIB.
    const fridayNoon = new Date('2026-11-27T05:00:00Z');
    const [fri] = await openHandoff(withOffice, asked, turn('hours-2', fridayNoon));
    expect(fri).toMatchObject({ officeOpenNow: false, nextOpening: '2026-11-27T06:00:00.000Z' });
    // Monday is closed at this office: Monday 09:00 WIB waits for Friday 08:00.
    const [mon] = await openHandoff(withOffice, asked, turn('hours-3', MONDAY_MORNING));
    expect(mon).toMatchObject({ officeOpenNow: false, nextOpening: '2026-11-27T01:00:00.000Z' });
  });
});
