import { beforeAll, describe, expect, it } from '@jest/globals';
import type { FileToSend } from '../../../src/app/outbound/file-rows.js';
import type { HandoffTicket } from '../../../src/ports/handoff-repository.js';
import { VOICE_TYPES } from '../../../src/app/file-check.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { Client, useHttpApp } from './http-fixture.js';
import { fixtureFile, intakeSettings } from './intake-support.js';

/** The files recorded on the outbound path (its lanes are tested in test/app/outbound). */
const sent: FileToSend[] = [];
const app = useHttpApp('handoff_files_http', {
  intake: await intakeSettings(),
  handoffFiles: {
    uploadMaxBytes: 100_000,
    allowedTypes: ['image/jpeg', 'image/png', 'application/pdf'],
    outbound: {
      deliver: (file) => {
        sent.push(file);
        return Promise.resolve();
      },
    },
  },
});

let ticket: HandoffTicket;
let photoId: string;
let applicationId: string;
let voiceId: string;

beforeAll(async () => {
  const { repos, officerIds } = app();
  const chatId = '5559001';
  ({ ticket } = await repos.handoffs.open({
    channel: 'telegram',
    chatId,
    citizenName: 'Ibu Sri',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date(),
  }));
  const put = await repos.documents.put({
    bytes: fixtureFile('foto-kk.png'),
    filename: 'kk saya.png',
    owner: { channel: 'telegram', chatId },
    maxBytes: 100_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error('fixture refused');
  photoId = put.file.documentId;
  const { documentId, filename, contentType, size } = put.file;
  await repos.handoffs.claim(ticket.id, officerIds.budi!, new Date());
  await repos.handoffs.appendMessage(ticket.id, {
    from: 'citizen',
    text: '[berkas: kk saya.png]',
    at: new Date(),
    attachment: { documentId, filename, contentType, size },
  });
  const voice = await repos.documents.put({
    bytes: fixtureFile('pesan-suara.ogg'),
    filename: 'pesan-suara.ogg',
    owner: { channel: 'telegram', chatId },
    maxBytes: 100_000,
    allowedTypes: [...VOICE_TYPES],
  });
  if (!voice.ok) throw new Error('voice fixture refused');
  voiceId = voice.file.documentId;
  await repos.handoffs.appendMessage(ticket.id, {
    from: 'citizen',
    text: '[berkas: pesan-suara.ogg]',
    at: new Date(),
    attachment: {
      documentId: voiceId,
      filename: 'pesan-suara.ogg',
      contentType: voice.file.contentType,
      size: voice.file.size,
    },
  });
  const contact = { channel: 'telegram' as const, chatId };
  const created = await repos.applications.create(
    newApplication({ applicant: { ...newApplication().applicant, contact } }),
    sequentialNumbers(800),
  );
  applicationId = created.id;
});

async function as(user: string): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login(user)).status).toBe(303);
  return c;
}

/** The officer's upload form as the browser posts it. */
function upload(c: Client, fields: Record<string, string>, file?: [string, Buffer], withCsrf = true) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file) fd.append('file', new Blob([new Uint8Array(file[1])]), file[0]);
  if (withCsrf) fd.append('_csrf', c.csrf);
  return c.fetch(`/console/handoffs/${ticket.id}/files`, { method: 'POST', body: fd });
}

describe('GET /console/handoffs/:id/files/:docId', () => {
  it("should show the conversation's photo inline, sandboxed, to an officer of its office", async () => {
    const page = await (await as('budi')).page(`/console/handoffs/${ticket.id}`);
    expect(page.html).toContain(`<img src="/console/handoffs/${ticket.id}/files/${photoId}"`);
    const res = await (await as('budi')).fetch(`/console/handoffs/${ticket.id}/files/${photoId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''kk%20saya.png");
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureFile('foto-kk.png'))).toBe(true);
  });

  it("should play the citizen's voice note in the transcript, served through the same route", async () => {
    const page = await (await as('budi')).page(`/console/handoffs/${ticket.id}`);
    expect(page.html).toMatch(
      new RegExp(`<audio controls[^>]* src="/console/handoffs/${ticket.id}/files/${voiceId}"`),
    );
    const res = await (await as('budi')).fetch(`/console/handoffs/${ticket.id}/files/${voiceId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/ogg; codecs=opus');
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureFile('pesan-suara.ogg'))).toBe(true);
    const joko = await (await as('joko')).fetch(`/console/handoffs/${ticket.id}/files/${voiceId}`);
    expect(joko.status).toBe(403);
  });

  it('should send a visitor without a session to the login, and refuse another office (403) and other files (404)', async () => {
    const anon = await new Client(app().base).fetch(`/console/handoffs/${ticket.id}/files/${photoId}`);
    expect([anon.status, anon.headers.get('location')]).toEqual([302, '/console/login']);
    const joko = await (await as('joko')).fetch(`/console/handoffs/${ticket.id}/files/${photoId}`);
    expect(joko.status).toBe(403);
    const other = await (
      await as('budi')
    ).fetch(`/console/handoffs/${ticket.id}/files/65f000000000000000000001`);
    expect(other.status).toBe(404);
  });
});

describe('POST /console/handoffs/:id/files', () => {
  it("should store the officer's PDF, put it in the transcript and send it to the citizen", async () => {
    const c = await as('budi');
    await c.page(`/console/handoffs/${ticket.id}`);
    const res = await upload(c, { caption: 'Formulir kosong' }, ['formulir.pdf', fixtureFile('surat.pdf')]);
    expect([res.status, res.headers.get('location')]).toEqual([303, `/console/handoffs/${ticket.id}`]);
    expect(sent.at(-1)).toMatchObject({
      chat: { channel: 'telegram', chatId: ticket.chatId },
      file: { kind: 'document', filename: 'formulir.pdf' },
    });
    expect(app().pushed.at(-1)?.event).toMatchObject({ kind: 'officer_message', text: 'Formulir kosong' });
    const page = await c.page(`/console/handoffs/${ticket.id}`);
    expect(page.html).toContain('📄 formulir.pdf');
    // The file's line shows its delivery, as a reply's does.
    expect(page.html).toMatch(/data-state="sent"[^]*formulir\.pdf/);
  });

  it('should answer 401 without a session, 403 without the CSRF token or to a non-holder, 400 without a file or with a refused one', async () => {
    const anon = await upload(new Client(app().base), {}, ['a.png', fixtureFile('foto-kk.png')], false);
    expect(anon.status).toBe(401);
    const budi = await as('budi');
    await budi.page(`/console/handoffs/${ticket.id}`);
    const noCsrf = await upload(budi, {}, ['a.png', fixtureFile('foto-kk.png')], false);
    expect([noCsrf.status, await noCsrf.text()]).toEqual([403, expect.stringMatching(/CSRF/)]);
    const noFile = await upload(budi, { caption: 'tanpa berkas' });
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain('file: Pilih berkas.');
    const program = await upload(budi, {}, ['program.jpg', fixtureFile('program-asli.jpg')]);
    expect(program.status).toBe(400);
    expect(await program.text()).toContain('Jenis berkas tidak diterima');
    const joko = await as('joko');
    await joko.page('/console/queue');
    expect((await upload(joko, {}, ['a.png', fixtureFile('foto-kk.png')])).status).toBe(403);
    // Sari (supervisor) takes the conversation over; Budi no longer holds it.
    await app().repos.handoffs.release(ticket.id);
    await app().repos.handoffs.claim(ticket.id, app().officerIds.sari!, new Date());
    try {
      expect((await upload(budi, {}, ['a.png', fixtureFile('foto-kk.png')])).status).toBe(403);
    } finally {
      await app().repos.handoffs.release(ticket.id);
      await app().repos.handoffs.claim(ticket.id, app().officerIds.budi!, new Date());
    }
  });
});

describe('POST /console/handoffs/:id/files/:docId/attach', () => {
  const path = () => `/console/handoffs/${ticket.id}/files/${photoId}/attach`;

  it("should add the citizen's photo to their application, audited", async () => {
    const c = await as('budi');
    const page = await c.page(`/console/handoffs/${ticket.id}`);
    expect(page.html).toContain(`value="${applicationId}:foto_kk"`);
    const res = await c.form(path(), { target: `${applicationId}:foto_kk` });
    expect([res.status, res.headers.get('location')]).toEqual([
      303,
      `/console/handoffs/${ticket.id}?flash=attached`,
    ]);
    const application = await app().repos.applications.findById(applicationId);
    expect(application?.documents.map((d) => [d.id, d.stepId])).toContainEqual([photoId, 'foto_kk']);
    const events = await app().repos.events.listForApplication(applicationId);
    expect(events.map((e) => e.type)).toContain('application.document_added');
  });

  it('should answer 401 without a session, 403 to another office or without CSRF, 400 to a bad target', async () => {
    expect(
      (await new Client(app().base).form(path(), { target: `${applicationId}:foto_kk` }, false)).status,
    ).toBe(401);
    const joko = await as('joko');
    await joko.page('/console/queue');
    expect((await joko.form(path(), { target: `${applicationId}:foto_kk` })).status).toBe(403);
    const budi = await as('budi');
    await budi.page('/console/queue');
    expect((await budi.form(path(), { target: `${applicationId}:foto_kk` }, false)).status).toBe(403);
    const bad = await budi.form(path(), { target: 'apa saja' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('target:');
  });

  it('should answer the live page in JSON: the message once added, the field error for a bad target', async () => {
    const c = await as('budi');
    await c.page(`/console/handoffs/${ticket.id}`);
    const bad = await c.liveForm(path(), { target: 'apa saja' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid', fields: { target: expect.any(String) } },
    });
    const ok = await c.liveForm(`${path()}?lang=en`, { target: `${applicationId}:foto_kk` });
    expect(await ok.json()).toEqual({ ok: true, message: 'File added to the application.' });
  });
});
