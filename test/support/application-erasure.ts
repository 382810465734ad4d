import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import type { MongoRepositories } from '../../src/adapters/mongo/repositories.js';
import { ERASED_NAME } from '../../src/app/officer/retention.js';
import type { Actor, Application, ApplicationStatus } from '../../src/domain/application.js';
import { newApplication } from '../adapters/mongo/fixtures.js';

/**
 * One finished application with personal data everywhere erasure must reach, and the one check of
 * what "erased" means for it. Retention and a citizen's deletion request both erase applications;
 * their tests build the application and check the result here, so the two cannot drift apart.
 */

/** The applicant's NIK in the fixture. */
export const ERASURE_NIK = '3171014708900003';
/** The applicant's chat in the fixture (newApplication's contact). */
export const ERASURE_CHAT = { channel: 'telegram', chatId: '5550001' } as const;
const DAY = 86_400_000;

/**
 * A KTP application that reached `status` `daysAgo` days before `now`, with one real stored file,
 * identifying answers and an officer's note in its status history.
 */
export async function finishedApplication(
  repos: MongoRepositories,
  numbers: () => string,
  now: Date,
  status: ApplicationStatus,
  daysAgo: number,
): Promise<Application> {
  const at = new Date(now.getTime() - daysAgo * DAY);
  const put = await repos.documents.put({
    bytes: readFileSync(new URL('../fixtures/files/foto-kk.png', import.meta.url)),
    filename: 'kk Siti.png',
    owner: ERASURE_CHAT,
    maxBytes: 1_000_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error('fixture file refused');
  const created = new Date(at.getTime() - 20 * DAY);
  return repos.applications.create(
    newApplication({
      status,
      answers: {
        jenis: 'hilang',
        nama: 'Siti Rahmawati',
        nik: ERASURE_NIK,
        telepon: '+6281234567890',
        kelurahan: '31.71.01.1001',
        no_kk: '3171010101900002',
      },
      documents: [
        {
          id: put.file.documentId,
          stepId: 'foto_kk',
          filename: put.file.filename,
          contentType: 'image/png',
          size: put.file.size,
          sha256: put.file.sha256,
          uploadedAt: created,
        },
      ],
      statusHistory: [
        { from: null, to: 'SUBMITTED', at: created, by: { kind: 'citizen', id: 'telegram:5550001' } },
        {
          from: 'SUBMITTED',
          to: status,
          at,
          by: { kind: 'officer', id: 'o1' },
          note: 'Siti datang langsung',
        },
      ],
      ...(status === 'REJECTED' ? { rejectionReason: 'Berkas tidak lengkap' } : {}),
      createdAt: created,
      updatedAt: at,
    }),
    numbers,
  );
}

/**
 * The officers' notes about the application in the audit log, as changing a status and
 * forwarding to an agency write them.
 */
export async function noteInAudit(repos: MongoRepositories, app: Application): Promise<void> {
  const { id: applicationId, trackingNumber, officeId, updatedAt: at } = app;
  const by = { applicationId, trackingNumber, officeId, actor: { kind: 'officer', id: 'o1' } as const, at };
  await repos.events.append({
    type: 'application.forwarded',
    ...by,
    after: { agencyId: 'disdukcapil', slaDays: 3, note: 'Siti minta dipercepat' },
  });
  await repos.events.append({
    type: 'application.status_changed',
    ...by,
    before: { status: 'SUBMITTED', version: 1 },
    after: {
      status: 'NEEDS_REVISION',
      version: 2,
      note: 'Siti: NIK salah',
      revision: { stepId: 'nik', note: 'Siti: NIK salah' },
    },
  });
}

/**
 * What "erased" means for a fixture application, whoever erased it: name and NIK masked, only the
 * plain choice of the answers kept, no file, no officer's note (in the record or its audit events),
 * and one audit event saying who and why (`why`: what the erasure adds to its data).
 */
export async function expectApplicationErased(
  repos: MongoRepositories,
  app: Application,
  audit: { actor: Actor; at: Date; why: Record<string, unknown> },
): Promise<void> {
  const after = await repos.applications.findById(app.id);
  expect(after?.applicant).toEqual({ name: ERASED_NAME, nik: '************0003' });
  // Only the plain choice is kept; name, NIK, phone, kelurahan and KK number are gone.
  expect(after?.answers).toEqual({ jenis: 'hilang' });
  expect(after?.documents).toEqual([]);
  expect(after?.erasedAt).toEqual(audit.at);
  expect(after?.statusHistory.map((h) => h.note)).toEqual([undefined, undefined]);
  expect(after?.status).toBe(app.status);
  expect(await repos.documents.get(app.documents[0]?.id ?? '')).toBeUndefined();
  const stored = JSON.stringify(after);
  for (const personal of [ERASURE_NIK, 'Siti', ERASURE_CHAT.chatId]) expect(stored).not.toContain(personal);

  const events = await repos.events.listForApplication(app.id);
  const erasure = events.filter((e) => e.type === 'application.personal_data_erased');
  expect(erasure).toEqual([
    expect.objectContaining({
      actor: audit.actor,
      at: audit.at,
      data: { ...audit.why, documentsDeleted: 1, answersRemoved: 5, status: app.status },
    }),
  ]);
  // The events stay in the audit log, without the officers' notes.
  expect(JSON.stringify(events)).not.toContain('Siti');
  expect(JSON.stringify(events)).not.toContain(ERASURE_NIK);
}
