import { createOfficer } from '../../src/app/officer/create-officer.js';
import { DEFAULT_HOURS } from '../../src/domain/office.js';
import type { HttpFixture } from '../adapters/http/http-fixture.js';
import { PASSWORD } from '../adapters/http/http-fixture.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';

/**
 * Payloads that break out of element text, of double- and single-quoted attributes, of a script
 * block, into a URL scheme and into a client-side template. Each carries its own mark so a test
 * can tell which one it sees.
 */
export const PAYLOADS = [
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  "' onmouseover='alert(3)",
  'javascript:alert(4)',
  '{{7*7}}',
  '<svg/onload=alert(5)>',
] as const;

/** All payloads in one string: what a free-text field gets, so every break-out is tried at once. */
export const ALL = PAYLOADS.join(' ');

/** What the sweep seeded: the ids its pages need. */
export interface Seeded {
  applicationId: string;
  handoffId: string;
  officeId: string;
}

/** The office whose name and holidays are payloads (an admin sees it under 31.71). */
const EVIL_OFFICE = '31.71.01.1003';

/** Applications: names, answers, addresses, document file names, revision and rejection notes. */
async function seedApplications(f: HttpFixture): Promise<string> {
  const doc = {
    stepId: 'surat_kehilangan',
    contentType: 'application/pdf',
    size: 10,
    sha256: 'b'.repeat(64),
    uploadedAt: new Date(),
  };
  const base = newApplication({
    applicant: {
      name: ALL,
      nik: '3171014708900003',
      phone: PAYLOADS[3],
      contact: { channel: 'telegram', chatId: PAYLOADS[0] },
    },
    answers: { jenis: 'hilang', nama: ALL, alamat: ALL, catatan: ALL, [PAYLOADS[0]]: ALL },
    documents: PAYLOADS.map((p, i) => ({
      ...doc,
      id: `65f00000000000000000000${i + 1}`,
      filename: `${p}.pdf`,
    })),
    status: 'NEEDS_REVISION',
    revision: { stepId: 'surat_kehilangan', note: ALL },
    statusHistory: [
      { from: null, to: 'SUBMITTED', at: new Date(), by: { kind: 'citizen', id: PAYLOADS[0] } },
      {
        from: 'SUBMITTED',
        to: 'NEEDS_REVISION',
        at: new Date(),
        by: { kind: 'officer', id: 'x' },
        note: ALL,
      },
    ],
  });
  const app = await f.repos.applications.create(base, sequentialNumbers(700));
  await f.repos.applications.create(
    newApplication({ applicant: base.applicant, status: 'REJECTED', rejectionReason: ALL }),
    sequentialNumbers(800),
  );
  return app.id;
}

/** A handoff: citizen name, chat lines before and after the handoff, an attachment, notes. */
async function seedHandoff(f: HttpFixture): Promise<string> {
  const at = new Date();
  const { ticket } = await f.repos.handoffs.open({
    channel: 'telegram',
    chatId: '990001',
    citizenName: ALL,
    reason: 'complaint',
    priority: true,
    officeId: '31.71.01.1001',
    createdAt: at,
    transcript: [{ from: 'citizen', text: ALL, at, beforeHandoff: true }],
  });
  await f.repos.handoffs.appendLine(ticket.id, { from: 'citizen', text: ALL, at });
  await f.repos.handoffs.appendLine(ticket.id, {
    from: 'citizen',
    text: `[berkas: ${PAYLOADS[0]}]`,
    at,
    attachment: {
      documentId: '65f0000000000000000000ff',
      filename: `${PAYLOADS[0]}.pdf`,
      contentType: 'application/pdf',
      size: 3,
    },
  });
  await f.repos.handoffs.appendLine(ticket.id, {
    from: 'officer',
    text: ALL,
    at,
    delivery: { state: 'failed', reason: 'unreachable', error: ALL, at },
  });
  await f.repos.handoffs.addNote(ticket.id, { officerId: 'x', officerName: ALL, text: ALL, at });
  return ticket.id;
}

/** Settings pages: office name and holidays, canned replies, an officer, a local holiday. */
async function seedSettings(f: HttpFixture): Promise<void> {
  const { repos } = f;
  await repos.offices.upsertMany([
    {
      id: EVIL_OFFICE,
      name: ALL,
      level: 'kelurahan',
      parentId: '31.71.01',
      hours: DEFAULT_HOURS,
      holidays: [{ date: '2030-01-02', name: ALL }],
    },
  ]);
  await repos.holidayStore.add({ date: '2030-01-03', name: ALL });
  await repos.cannedReplyStore.add('31.71.01.1001', [ALL], new Date());
  await repos.cannedReplyStore.add('31.71', [ALL], new Date());
  await createOfficer(
    { ...repos, now: () => new Date() },
    { username: 'xss', displayName: ALL, password: PASSWORD, role: 'admin', officeId: '31.71' },
    { kind: 'system', id: 'test' },
  );
}

/** Undelivered replies and parked messages: errors as a channel reported them. */
async function seedFailures(f: HttpFixture): Promise<void> {
  const { repos } = f;
  const at = new Date();
  await repos.outbox.enqueue([
    {
      key: 'xss:1',
      channel: 'telegram',
      chatId: PAYLOADS[0],
      reply: { kind: 'text', text: ALL },
      createdAt: at,
    },
  ]);
  await repos.outbox.markFailed('xss:1', ALL);
  await repos.deadLetters.park({
    channel: 'telegram',
    messageId: PAYLOADS[0],
    chatId: PAYLOADS[5],
    kind: PAYLOADS[2],
    error: ALL,
    attempts: 3,
    parkedAt: at,
  });
}

/** Audit rows whose actor, data and before/after values are payloads. */
async function seedAudit(f: HttpFixture, applicationId: string): Promise<void> {
  await f.repos.events.append({
    type: 'application.status_changed',
    applicationId,
    trackingNumber: PAYLOADS[0],
    officeId: '31.71.01.1001',
    actor: { kind: 'citizen', id: ALL },
    at: new Date(),
    data: { note: ALL, reason: PAYLOADS[1] },
    before: { status: PAYLOADS[2] },
    after: { status: PAYLOADS[5] },
  });
}

/** Seeds every citizen- or staff-supplied field the console shows with the payloads. */
export async function seedPayloads(f: HttpFixture): Promise<Seeded> {
  const applicationId = await seedApplications(f);
  const handoffId = await seedHandoff(f);
  await seedSettings(f);
  await seedFailures(f);
  await seedAudit(f, applicationId);
  return { applicationId, handoffId, officeId: EVIL_OFFICE };
}
