import { beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoRepositories, type MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import {
  cannedRepliesFor,
  createCannedReply,
  deleteCannedReply,
  listOfficeCannedReplies,
  updateCannedReply,
} from '../../../src/app/officer/canned-replies.js';
import { handoffContext } from '../../../src/app/officer/handoff-context.js';
import { useTestDatabase } from '../../support/db.js';
import { intakeSettings, NIK } from '../../adapters/http/intake-support.js';
import { budi, joko, sari } from './support.js';
import { waitingTicket } from './handoff-fixture.js';
import { testCipher } from '../../support/cipher.js';

const db = useTestDatabase('officer_handoff_context');
const { catalog } = await intakeSettings();
let repos: MongoRepositories;

beforeAll(async () => {
  repos = createMongoRepositories(db.conn(), testCipher);
  await repos.ensureIndexes();
});

describe('handoffContext', () => {
  it('should give the bot conversation, the draft in words with the NIK masked, and earlier handoffs', async () => {
    const at = new Date('2026-11-30T02:00:00.000Z');
    const earlier = await waitingTicket(repos, { chatId: 'ctx-uc' });
    await repos.handoffs.close(earlier.id, at);
    const ticket = await waitingTicket(repos, {
      chatId: 'ctx-uc',
      transcript: [
        { from: 'citizen', text: 'syarat pbg?', at, beforeHandoff: true },
        {
          from: 'bot',
          text: 'Persyaratan PBG (Persetujuan Bangunan Gedung, dulu IMB):',
          at,
          beforeHandoff: true,
        },
      ],
    });
    await repos.conversations.write(
      'telegram',
      'ctx-uc',
      {
        lang: 'id',
        consent: true,
        mode: 'handoff',
        misunderstood: 0,
        flow: {
          draft: { serviceId: 'ktp', answers: { jenis: 'hilang', nik: NIK }, documents: {} },
          at: { step: 'telepon' },
        },
      },
      null,
    );
    const c = await handoffContext({ ...repos, catalog }, ticket, 'id', []);
    expect(c.before.map((l) => l.from)).toEqual(['citizen', 'bot']);
    expect(c.draft?.serviceName).toMatch(/^KTP-el/);
    expect(c.draft?.stepLabel).not.toBe('telepon');
    expect(JSON.stringify(c)).not.toContain(NIK);
    expect(c.draft?.answers.some((a) => a.value === '************0003')).toBe(true);
    expect(c.draft?.answers.find((a) => a.value !== '************0003')?.value).not.toBe('hilang');
    expect(c.earlierHandoffs).toEqual([
      { id: earlier.id, createdAt: earlier.createdAt, reason: 'asked', status: 'closed' },
    ]);
    // With a draft, the service is the draft's; without one, the one the bot last named.
    await repos.conversations.delete('telegram', 'ctx-uc');
    expect((await handoffContext({ ...repos, catalog }, ticket, 'en', [])).askedService).toMatch(
      /^Building approval \(PBG/,
    );
  });
});

describe('canned replies per office', () => {
  const deps = () => ({ ...repos, cannedReplies: ['Mohon ditunggu.'], now: () => new Date() });

  it('should offer the defaults until an office above or at the officer keeps a list, and audit each change', async () => {
    expect(await cannedRepliesFor(deps(), budi)).toEqual(['Mohon ditunggu.']);
    const created = await createCannedReply(deps(), sari, 'Silakan datang ke kantor.');
    expect(await cannedRepliesFor(deps(), budi)).toEqual(['Mohon ditunggu.', 'Silakan datang ke kantor.']);
    await updateCannedReply(deps(), sari, created.id, 'Silakan datang besok.');
    const own = await listOfficeCannedReplies(deps(), sari);
    await deleteCannedReply(deps(), sari, own.own[0]!.id);
    expect(await cannedRepliesFor(deps(), budi)).toEqual(['Silakan datang besok.']);
    // An office elsewhere still gets the defaults.
    expect(await cannedRepliesFor(deps(), joko)).toEqual(['Mohon ditunggu.']);
    const audit = await repos.events.search({}, { limit: 20 });
    expect(
      audit.items
        .map((e) => e.type)
        .filter((t) => t.startsWith('canned_reply.'))
        .sort(),
    ).toEqual(['canned_reply.created', 'canned_reply.deleted', 'canned_reply.updated']);
  });

  it('should refuse officers, and supervisors outside the reply office', async () => {
    await expect(createCannedReply(deps(), budi, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    const r = await createCannedReply(deps(), sari, 'Satu lagi.');
    await expect(updateCannedReply(deps(), { ...sari, officeId: '32.73' }, r.id, 'y')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
