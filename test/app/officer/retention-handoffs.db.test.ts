import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Types } from 'mongoose';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { testCipher } from '../../support/cipher.js';
import { createMongoRetentionStore } from '../../../src/adapters/mongo/mongo-retention-store.js';
import {
  eraseClosedHandoffs,
  type HandoffRetentionDeps,
} from '../../../src/app/officer/retention-handoffs.js';
import type { UploadedFile } from '../../../src/dialogue/types.js';
import type { LeaseRepository } from '../../../src/ports/lease.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('retention_handoffs');
const NOW = new Date('2027-06-01T03:00:00Z');
const DAY = 86_400_000;
const PHONE = '6281234500077';

let repos: MongoRepositories;
let leases: LeaseRepository;
const numbers = sequentialNumbers(7100);

beforeAll(async () => {
  ({ repos, leases } = await openRepositoriesWithLeases(db.conn()));
});

function deps(overrides: Partial<HandoffRetentionDeps> = {}): HandoffRetentionDeps {
  return {
    retention: createMongoRetentionStore(db.conn(), testCipher),
    documents: repos.documents,
    applications: repos.applications,
    events: repos.events,
    leases,
    retentionDays: 365,
    holder: 'test-a',
    now: () => NOW,
    ...overrides,
  };
}

async function upload(name: string): Promise<UploadedFile> {
  const put = await repos.documents.put({
    bytes: readFileSync(new URL('../../fixtures/files/foto-kk.png', import.meta.url)),
    filename: name,
    owner: { channel: 'whatsapp', chatId: PHONE },
    maxBytes: 1_000_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error('fixture file refused');
  return put.file;
}

/** A WhatsApp handoff with two files, a note, closed `daysAgo` days before NOW. */
async function closedHandoff(daysAgo: number | null) {
  const closedAt = new Date(NOW.getTime() - (daysAgo ?? 0) * DAY);
  const opened = new Date(closedAt.getTime() - DAY);
  const { ticket } = await repos.handoffs.open({
    channel: 'whatsapp',
    chatId: PHONE,
    citizenName: 'Siti Rahmawati',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: opened,
    transcript: [{ from: 'citizen', text: 'NIK saya 3171014708900003', at: opened, beforeHandoff: true }],
  });
  await repos.handoffs.claim(ticket.id, 'o1', opened);
  const kept = await upload('kk untuk permohonan.png');
  const dropped = await upload('ktp Siti.png');
  for (const file of [kept, dropped])
    await repos.handoffs.appendMessage(ticket.id, {
      from: 'citizen',
      text: `[berkas: ${file.filename}]`,
      at: opened,
      attachment: {
        documentId: file.documentId,
        filename: file.filename,
        contentType: 'image/png',
        size: file.size,
      },
    });
  await repos.handoffs.addNote(ticket.id, {
    officerId: 'o1',
    officerName: 'Budi',
    text: 'Siti, Jl. Melati 3',
    at: opened,
  });
  if (daysAgo !== null) {
    await repos.handoffs.close(ticket.id, closedAt, 'application_filed');
    await repos.satisfaction.record({
      ticketId: ticket.id,
      officerId: 'o1',
      officeId: '31.71.01.1001',
      score: 4,
      comment: 'Terima kasih Pak Budi, saya Siti',
      answeredAt: closedAt,
    });
  }
  return { ticket, kept, dropped };
}

describe('handoff retention (RETENTION_DAYS after a handoff closed)', () => {
  it("should erase an old closed handoff's transcript, notes, name, chat id, survey comment and files, keep a file an application lists, and audit it", async () => {
    const old = await closedHandoff(400);
    const recent = await closedHandoff(100);
    const open = await closedHandoff(null);
    // The officer added one of the files to an application: the application's retention governs it.
    const app = await repos.applications.create(
      newApplication({
        documents: [
          {
            id: old.kept.documentId,
            stepId: 'foto_kk',
            filename: old.kept.filename,
            contentType: 'image/png',
            size: old.kept.size,
            sha256: old.kept.sha256,
            uploadedAt: NOW,
          },
        ],
      }),
      numbers,
    );

    expect(await eraseClosedHandoffs(deps())).toEqual({
      ran: true,
      erased: 1,
      documentsDeleted: 1,
      documentsKept: 1,
    });

    const raw = await db
      .conn()
      .collection('handoffs')
      .findOne({ _id: new Types.ObjectId(old.ticket.id) });
    expect(raw).toMatchObject({
      status: 'closed',
      resolution: 'application_filed',
      officerId: 'o1',
      officeId: '31.71.01.1001',
      reason: 'asked',
      transcript: [],
      erasedAt: NOW,
    });
    expect(raw).not.toHaveProperty('citizenName');
    expect(raw).not.toHaveProperty('notes');
    const text = JSON.stringify(raw);
    for (const personal of [PHONE, 'Siti', '3171014708900003', 'Melati'])
      expect(text).not.toContain(personal);

    // The score stays for the satisfaction figures; the citizen's comment goes.
    const answer = await db
      .conn()
      .collection('satisfaction_answers')
      .findOne({ _id: old.ticket.id as never });
    expect(answer).toMatchObject({ score: 4 });
    expect(answer).not.toHaveProperty('comment');
    const recentAnswer = await db
      .conn()
      .collection('satisfaction_answers')
      .findOne({ _id: recent.ticket.id as never });
    expect(recentAnswer).toHaveProperty('comment');

    expect(await repos.documents.get(old.dropped.documentId)).toBeUndefined();
    const kept = await repos.documents.get(old.kept.documentId);
    expect(kept?.meta.applicationId).toBe(app.id);

    // The recent and the open ones are untouched.
    for (const t of [recent.ticket, open.ticket]) {
      const h = await repos.handoffs.get(t.id);
      expect(h).toMatchObject({ citizenName: 'Siti Rahmawati', chatId: PHONE });
      expect(h?.transcript).toHaveLength(3);
      expect(await repos.documents.get(recent.dropped.documentId)).toBeDefined();
    }

    const events = await repos.events.search({ type: 'handoff.personal_data_erased' }, { limit: 10 });
    expect(events.items).toMatchObject([
      {
        actor: { kind: 'system', id: 'retention' },
        officeId: '31.71.01.1001',
        at: NOW,
        data: {
          ticketId: old.ticket.id,
          retentionDays: 365,
          linesRemoved: 3,
          documentsDeleted: 1,
          documentsKept: 1,
        },
      },
    ]);

    // Once only.
    expect(await eraseClosedHandoffs(deps())).toEqual({
      ran: true,
      erased: 0,
      documentsDeleted: 0,
      documentsKept: 0,
    });
  });
});
