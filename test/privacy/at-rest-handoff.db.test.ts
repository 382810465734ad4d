import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { claimHandoff } from '../../src/app/officer/claim-handoff.js';
import { closeHandoff } from '../../src/app/officer/close-handoff.js';
import { readHandoffFile } from '../../src/app/officer/handoff-files.js';
import { noteHandoff } from '../../src/app/officer/note-handoff.js';
import type { OfficerActor } from '../../src/app/officer/officer-actor.js';
import { replyHandoff } from '../../src/app/officer/reply-handoff.js';
import { transferHandoff } from '../../src/app/officer/transfer-handoff.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type Loket } from '../../src/main.js';
import {
  FILES_DIR,
  TelegramCitizen,
  telegramHarness,
  type TelegramHarness,
} from '../adapters/telegram/telegram-citizen.js';
import { scanRawCollections } from '../support/raw-scan.js';

// A Monday morning in Jakarta: the office is open.
const START = new Date('2026-11-23T02:00:00Z');
const NIK = '3171014708900003';
const PHONE = '081234567890';
const CHAT = 2207;

describe('a conversation with an officer leaves no plain NIK or phone number at rest', () => {
  let loket: Loket;
  let h: TelegramHarness;
  let ticketId = '';
  const tick = () => {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
  };

  beforeAll(async () => {
    const db = `t_at_rest_handoff_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
      { runtime: { now: () => h.clock.now } },
    );
    h = telegramHarness(loket, { start: START });
  });
  afterAll(async () => {
    await loket.conn.dropDatabase().catch(() => undefined);
    await loket.stop();
  });

  it('should seal what the citizen and the officers wrote, and still show it to them', async () => {
    const c = new TelegramCitizen(h, CHAT);
    const deps = { ...loket.repos, push: loket.push, now: () => h.clock.now };
    tick();
    await c.type(`NIK saya ${NIK}, nomor HP ${PHONE}`);
    tick();
    await c.command('officer');
    const ticket = await loket.repos.handoffs.findOpenByChat('telegram', String(CHAT));
    expect(ticket).toBeDefined();
    ticketId = ticket!.id;
    const office = ticket!.officeId ?? '31.71.01.1001';
    const officer = async (username: string, displayName: string): Promise<OfficerActor> => ({
      ...(await loket.repos.officers.create({
        username,
        displayName,
        role: 'officer',
        officeId: office,
        passwordHash: 'x',
        active: true,
        failedLogins: 0,
      })),
    });
    const ani = await officer('ani-at-rest', 'Ani');
    const budi = await officer('budi-at-rest', 'Budi');

    tick();
    await claimHandoff(deps, ani, ticketId);
    tick();
    await c.type(`Tolong hubungi saya di ${PHONE}, NIK ${NIK}`);
    tick();
    // A letter whose text names the NIK: its bytes are sealed at rest like everything else.
    const letter = await readFile(path.join(FILES_DIR, 'surat.pdf'));
    const firstLine = letter.indexOf('\n') + 1;
    const ktp = Buffer.concat([
      letter.subarray(0, firstLine),
      Buffer.from(`% NIK ${NIK}\n`),
      letter.subarray(firstLine),
    ]);
    await c.document(ktp, `ktp-${NIK}.pdf`, 'application/pdf');
    tick();
    await replyHandoff(deps, ani, ticketId, `Baik, kami hubungi ${PHONE} setelah dicek.`);
    tick();
    await noteHandoff(deps, ani, ticketId, `NIK ${NIK} sudah dicek di SIAK`);
    tick();
    await transferHandoff(deps, ani, ticketId, { toOfficerId: budi.id, note: `telepon balik ${PHONE}` });
    tick();
    await closeHandoff(deps, budi, ticketId, 'answered');
    await loket.outbound.pass();
    tick();
    expect((await c.type('4')).said).toContain('Ada saran atau komentar');
    tick();
    await c.type(`Cepat, sudah ditelepon ke ${PHONE}`);

    const hits = await scanRawCollections(loket.conn, [NIK, PHONE]);
    expect(hits).toEqual([]);

    // The officers and the audit page still read it all in plain text.
    const read = await loket.repos.handoffs.get(ticketId);
    const said = read!.transcript.map((l) => l.text).join('\n');
    // The turns before the handoff come masked from the conversation; what follows is verbatim.
    expect(said).toContain(`NIK saya ************${NIK.slice(-4)}`);
    expect(said).toContain(`Tolong hubungi saya di ${PHONE}, NIK ${NIK}`);
    expect(said).toContain(`Baik, kami hubungi ${PHONE}`);
    const attachment = read!.transcript.find((l) => l.attachment)?.attachment;
    expect(attachment?.filename).toBe(`ktp-${NIK}.pdf`);
    expect(attachment?.size).toBe(ktp.length);
    // The officer opening the file gets the citizen's exact bytes.
    const opened = await readHandoffFile(deps, ani, ticketId, attachment!.documentId);
    expect(opened.bytes.equals(ktp)).toBe(true);
    expect(opened.meta.size).toBe(ktp.length);
    // A note masks a NIK before it is stored; the phone number stays for the next officer.
    expect(read!.notes?.map((n) => n.text)).toEqual([
      `NIK ************${NIK.slice(-4)} sudah dicek di SIAK`,
      `telepon balik ${PHONE}`,
    ]);
    const answers = await loket.repos.satisfaction.listWindow(
      { from: START, to: new Date(h.clock.now.getTime() + 1) },
      10,
    );
    // The survey masks a phone number in the comment before it is stored (and seals the rest).
    expect(answers.find((a) => a.ticketId === ticketId)?.comment).toBe(
      `Cepat, sudah ditelepon ke ********${PHONE.slice(-4)}`,
    );
    const events = await loket.repos.events.search({}, { limit: 100 });
    const types = events.items.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['handoff.opened', 'handoff.claimed', 'handoff.transferred']),
    );
    expect(events.items.find((e) => e.type === 'handoff.transferred')?.data).toMatchObject({
      toOfficerId: budi.id,
    });
  });
});
