import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { Types } from 'mongoose';
import type { DbConnection } from '../../src/adapters/mongo/connection.js';
import type { MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import type { Actor, Application } from '../../src/domain/application.js';
import type { UploadedFile } from '../../src/dialogue/types.js';
import type { HandoffTicket } from '../../src/ports/handoff-repository.js';
import { newApplication } from '../adapters/mongo/fixtures.js';

/**
 * One closed handoff with personal data everywhere erasure must reach, and the one check of what
 * "erased" means. Retention and a citizen's deletion request both erase handoffs; their tests
 * build the ticket and check the result here, so the two erasures cannot drift apart unnoticed.
 */

/** The citizen's chat of the fixture ticket (a WhatsApp chat id is a phone number). */
export const ERASURE_PHONE = '6281234500077';
/** Strings of the fixture that no erased ticket may still contain, raw or opened. */
const PERSONAL = [ERASURE_PHONE, 'Siti', '3171014708900003', 'Melati'];
const DAY = 86_400_000;
const OFFICE = '31.71.01.1001';

/** A ticket of the fixture: `kept` is the file a test lists on an application, `dropped` the other. */
export interface ErasureFixture {
  ticket: HandoffTicket;
  kept: UploadedFile;
  dropped: UploadedFile;
}

async function upload(repos: MongoRepositories, name: string): Promise<UploadedFile> {
  const put = await repos.documents.put({
    bytes: readFileSync(new URL('../fixtures/files/foto-kk.png', import.meta.url)),
    filename: name,
    owner: { channel: 'whatsapp', chatId: ERASURE_PHONE },
    maxBytes: 1_000_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error('fixture file refused');
  return put.file;
}

/**
 * A WhatsApp handoff of `ERASURE_PHONE` with a line before the handoff, two files, a note and
 * (once closed) a survey comment; closed `daysAgo` days before `now`, or left open with null.
 */
export async function handoffToErase(
  repos: MongoRepositories,
  now: Date,
  daysAgo: number | null,
): Promise<ErasureFixture> {
  const closedAt = new Date(now.getTime() - (daysAgo ?? 0) * DAY);
  const opened = new Date(closedAt.getTime() - DAY);
  const { ticket } = await repos.handoffs.open({
    channel: 'whatsapp',
    chatId: ERASURE_PHONE,
    citizenName: 'Siti Rahmawati',
    reason: 'asked',
    priority: false,
    officeId: OFFICE,
    createdAt: opened,
    transcript: [{ from: 'citizen', text: 'NIK saya 3171014708900003', at: opened, beforeHandoff: true }],
  });
  await repos.handoffs.claim(ticket.id, 'o1', opened);
  const kept = await upload(repos, 'kk untuk permohonan.png');
  const dropped = await upload(repos, 'ktp Siti.png');
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
      officeId: OFFICE,
      score: 4,
      comment: 'Terima kasih Pak Budi, saya Siti',
      answeredAt: closedAt,
    });
  }
  return { ticket, kept, dropped };
}

/**
 * The fixture chat's application in progress that lists the ticket's `kept` file (an officer filed
 * it from the conversation): erasure hands that file to the application instead of deleting it.
 */
export async function applicationListingKept(
  repos: MongoRepositories,
  fixture: ErasureFixture,
  numbers: () => string,
): Promise<Application> {
  const { kept } = fixture;
  return repos.applications.create(
    newApplication({
      applicant: {
        name: 'Siti Rahmawati',
        nik: '3171014708900003',
        phone: '081234500077',
        contact: { channel: 'whatsapp', chatId: ERASURE_PHONE },
      },
      documents: [
        {
          id: kept.documentId,
          stepId: 'foto_kk',
          filename: kept.filename,
          contentType: 'image/png',
          size: kept.size,
          sha256: kept.sha256,
          uploadedAt: new Date(),
        },
      ],
    }),
    numbers,
  );
}

/**
 * What "erased" means for a fixture ticket, whoever erased it: the record keeps what the dashboard
 * counts and loses every personal datum, the survey keeps its score and loses its comment, the
 * file an application lists is handed to it and the other deleted, and one audit event says who
 * and why (`why`: what the erasure adds to its data).
 */
export async function expectHandoffErased(
  conn: DbConnection,
  repos: MongoRepositories,
  erased: ErasureFixture,
  audit: { actor: Actor; at: Date; why: Record<string, unknown>; applicationId: string },
): Promise<void> {
  const raw = await conn.collection('handoffs').findOne({ _id: new Types.ObjectId(erased.ticket.id) });
  expect(raw).toMatchObject({
    status: 'closed',
    resolution: 'application_filed',
    officerId: 'o1',
    officeId: OFFICE,
    reason: 'asked',
    transcript: [],
    erasedAt: audit.at,
  });
  for (const field of ['citizenName', 'notes', 'chatKey']) expect(raw).not.toHaveProperty(field);
  const opened = await repos.handoffs.get(erased.ticket.id);
  for (const personal of PERSONAL) {
    expect(JSON.stringify(raw)).not.toContain(personal);
    expect(JSON.stringify(opened)).not.toContain(personal);
  }
  expect(await repos.handoffs.listByChat('whatsapp', ERASURE_PHONE, 100)).not.toContainEqual(
    expect.objectContaining({ id: erased.ticket.id }),
  );

  // The score stays for the satisfaction figures; the citizen's comment goes.
  const answer = await conn.collection('satisfaction_answers').findOne({ _id: erased.ticket.id as never });
  expect(answer).toMatchObject({ score: 4 });
  expect(answer).not.toHaveProperty('comment');

  expect(await repos.documents.get(erased.dropped.documentId)).toBeUndefined();
  expect((await repos.documents.get(erased.kept.documentId))?.meta.applicationId).toBe(audit.applicationId);

  const events = await repos.events.search({ type: 'handoff.personal_data_erased' }, { limit: 100 });
  const mine = events.items.filter((e) => e.data?.ticketId === erased.ticket.id);
  expect(mine).toEqual([
    expect.objectContaining({
      actor: audit.actor,
      officeId: OFFICE,
      at: audit.at,
      data: {
        ticketId: erased.ticket.id,
        ...audit.why,
        closedAt: expect.any(String),
        linesRemoved: 3,
        documentsDeleted: 1,
        documentsKept: 1,
      },
    }),
  ]);
}

/** A ticket of the fixture no erasure touched: still the citizen's, with its files. */
export async function expectHandoffKept(repos: MongoRepositories, fixture: ErasureFixture): Promise<void> {
  const h = await repos.handoffs.get(fixture.ticket.id);
  expect(h).toMatchObject({ citizenName: 'Siti Rahmawati', chatId: ERASURE_PHONE });
  expect(h?.transcript).toHaveLength(3);
  expect(await repos.documents.get(fixture.dropped.documentId)).toBeDefined();
}
