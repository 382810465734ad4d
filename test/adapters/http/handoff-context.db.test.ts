import { describe, expect, it } from '@jest/globals';
import type { ConversationState } from '../../../src/dialogue/types.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { Client, useHttpApp } from './http-fixture.js';
import { fixtureFile, intakeSettings, NIK } from './intake-support.js';

const { catalog } = await intakeSettings();
const app = useHttpApp('http_handoff_context', { catalog });
let chatSeq = 0;

/** A claimed ticket on a fresh chat whose conversation is filling in a KTP with one photo. */
async function claimedWithDraft(withDraft = true) {
  const { repos, officerIds } = app();
  const chatId = `ctx-${++chatSeq}`;
  const put = await repos.documents.put({
    bytes: fixtureFile('foto-ktp.jpg'),
    filename: 'ktp saya.jpg',
    owner: { channel: 'telegram', chatId },
    maxBytes: 5_000_000,
    allowedTypes: ['image/jpeg'],
  });
  if (!put.ok) throw new Error('fixture photo refused');
  const state: ConversationState = {
    lang: 'id',
    consent: true,
    mode: 'handoff',
    misunderstood: 0,
    ...(withDraft
      ? {
          flow: {
            draft: {
              serviceId: 'ktp',
              answers: { jenis: 'hilang', nik: NIK },
              documents: { foto_ktp: [put.file] },
            },
            at: { step: 'telepon' },
          },
        }
      : {}),
  };
  await repos.conversations.write('telegram', chatId, state, null);
  const at = new Date('2026-11-30T02:00:00.000Z');
  const { ticket } = await repos.handoffs.open({
    channel: 'telegram',
    chatId,
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: at,
    transcript: [
      { from: 'citizen', text: 'syarat pbg apa saja?', at, beforeHandoff: true },
      {
        from: 'bot',
        text: 'Persyaratan PBG (Persetujuan Bangunan Gedung, dulu IMB):',
        at,
        beforeHandoff: true,
      },
      { from: 'citizen', text: 'petugas', at, beforeHandoff: true },
    ],
  });
  await repos.handoffs.claim(ticket.id, officerIds.budi!, at);
  return { ticket, docId: put.file.documentId, chatId };
}

async function budi(): Promise<Client> {
  const c = new Client(app().base);
  await c.login('budi');
  return c;
}

describe('the conversation page context', () => {
  it('should show the bot conversation, the draft and the applications in words, never internal codes', async () => {
    const { ticket, chatId } = await claimedWithDraft();
    await app().repos.applications.create(
      newApplication({
        applicant: { name: 'Siti', nik: NIK, contact: { channel: 'telegram', chatId } },
      }),
      sequentialNumbers(900),
    );
    const { res, html } = await (await budi()).page(`/console/handoffs/${ticket.id}`);
    expect(res.status).toBe(200);
    expect(html).toContain('Konteks warga');
    expect(html).toContain('syarat pbg apa saja?');
    expect(html).toContain('KTP');
    expect(html).toContain('************0003');
    expect(html).not.toContain(NIK);
    expect(html).not.toMatch(/alasan:|posisi:|layanan: ktp|foto_ktp/);
    expect(html).toContain(`/console/handoffs/${ticket.id}/documents/`);
    // Canned replies in full, and the requirement picker with PBG's requirements.
    expect(html).toContain('Terima kasih, permohonan Anda kami proses.');
    expect(html).toMatch(/<option value="pbg" data-text="[^"]*KTP-el pemilik/);
  });

  it('should serve a draft document to an officer who may see the conversation, with the safe headers, and audit it', async () => {
    const { ticket, docId } = await claimedWithDraft();
    const c = await budi();
    const res = await c.fetch(`/console/handoffs/${ticket.id}/documents/${docId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const viewed = await app().repos.events.search({ type: 'document.viewed' }, { limit: 10 });
    expect(viewed.items.some((e) => e.data?.documentId === docId && e.data?.handoffId === ticket.id)).toBe(
      true,
    );
  });

  it('should refuse a document the draft does not list, an officer of another office, and a visitor', async () => {
    const { ticket, docId } = await claimedWithDraft();
    const other = await claimedWithDraft(false);
    const c = await budi();
    expect((await c.fetch(`/console/handoffs/${other.ticket.id}/documents/${docId}`)).status).toBe(404);
    const joko = new Client(app().base);
    await joko.login('joko');
    expect((await joko.fetch(`/console/handoffs/${ticket.id}/documents/${docId}`)).status).toBe(403);
    const anonymous = await new Client(app().base).fetch(`/console/handoffs/${ticket.id}/documents/${docId}`);
    expect(anonymous.status).toBe(302);
  });
});

describe('the canned replies page', () => {
  it('should let a supervisor add (saving the defaults too), edit and delete replies, each audited; officers then see them', async () => {
    const sari = new Client(app().base);
    await sari.login('sari');
    let page = await sari.page('/console/canned-replies');
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Baik, mohon ditunggu sebentar.');
    const added = await sari.form('/console/canned-replies', {
      text: 'Silakan datang ke kantor kelurahan pukul 08.00–15.00.',
    });
    expect(added.status).toBe(303);
    const own = await app().repos.cannedReplyStore.listForOffices(['31.71.01']);
    expect(own.map((r) => r.text)).toEqual([
      'Baik, mohon ditunggu sebentar.',
      'Terima kasih, permohonan Anda kami proses.',
      'Silakan datang ke kantor kelurahan pukul 08.00–15.00.',
    ]);
    await sari.page('/console/canned-replies');
    expect(
      (await sari.form(`/console/canned-replies/${own[0]!.id}`, { text: 'Mohon tunggu, saya periksa.' }))
        .status,
    ).toBe(303);
    expect((await sari.form(`/console/canned-replies/${own[1]!.id}/delete`, {})).status).toBe(303);
    page = await sari.page('/console/canned-replies');
    expect(page.html).toContain('Mohon tunggu, saya periksa.');
    expect(page.html).not.toContain('Terima kasih, permohonan Anda kami proses.');
    for (const type of ['canned_reply.created', 'canned_reply.updated', 'canned_reply.deleted']) {
      expect((await app().repos.events.search({ type }, { limit: 5 })).total).toBe(1);
    }
    // Budi's kelurahan keeps no list: the kecamatan's list above it serves him.
    const { ticket } = await claimedWithDraft(false);
    const { html } = await (await budi()).page(`/console/handoffs/${ticket.id}`);
    expect(html).toContain('Mohon tunggu, saya periksa.');
    expect(html).not.toContain('Baik, mohon ditunggu sebentar.');
  });

  it('should refuse an empty text with 400 naming the field, an officer with 403, a post without CSRF with 403, a visitor with 401', async () => {
    const sari = new Client(app().base);
    await sari.login('sari');
    await sari.page('/console/canned-replies');
    const before = await app().repos.cannedReplyStore.listForOffices(['31.71.01']);
    const empty = await sari.form('/console/canned-replies', { text: '   ' });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain('class="error"');
    expect(await app().repos.cannedReplyStore.listForOffices(['31.71.01'])).toHaveLength(before.length);
    expect((await sari.form('/console/canned-replies', { text: 'x' }, false)).status).toBe(403);

    const c = await budi();
    expect((await c.fetch('/console/canned-replies')).status).toBe(403);
    expect((await c.form('/console/canned-replies', { text: 'dari petugas' })).status).toBe(403);

    const anonymous = new Client(app().base);
    await anonymous.page('/console/login');
    expect((await anonymous.form('/console/canned-replies', { text: 'x' })).status).toBe(401);
    expect((await anonymous.fetch('/console/canned-replies')).status).toBe(302);
  });
});
