import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Application } from '../../../src/domain/application.js';
import type { DeletionRequest } from '../../../src/ports/deletion-request-repository.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { Client, useHttpApp } from './http-fixture.js';

/**
 * The citizens' deletion requests in the console (`/console/data-requests`) and on the
 * dashboard: supervisors approve (the chat's finished data is erased, in-progress applications
 * kept) or refuse with a reason; both audited, both told to the citizen by a push.
 */
const app = useHttpApp('http_data_requests');
const CHAT = '6660001';
const OTHER = '6660002';
const ids: { finished?: Application; open?: Application; doc?: string; ticket?: string } = {};
const requests: { approve?: DeletionRequest; refuse?: DeletionRequest } = {};

beforeAll(async () => {
  const { repos } = app();
  const put = await repos.documents.put({
    bytes: readFileSync(new URL('../../fixtures/files/foto-kk.png', import.meta.url)),
    filename: 'foto-kk.png',
    owner: { channel: 'telegram', chatId: CHAT },
    maxBytes: 1_000_000,
    allowedTypes: ['image/png'],
  });
  if (!put.ok) throw new Error('upload refused');
  ids.doc = put.file.documentId;
  const contact = { channel: 'telegram' as const, chatId: CHAT };
  const applicant = { name: 'Siti Rahmawati', nik: '3171014708900003', phone: '081234567890', contact };
  const doc = { ...newApplication().documents[0]!, id: put.file.documentId };
  ids.finished = await repos.applications.create(
    newApplication({ status: 'COMPLETED', applicant, documents: [doc] }),
    sequentialNumbers(500),
  );
  ids.open = await repos.applications.create(
    newApplication({ status: 'IN_REVIEW', applicant, documents: [] }),
    sequentialNumbers(600),
  );
  const { ticket } = await repos.handoffs.open({
    ...contact,
    citizenName: 'Siti',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date('2026-11-20T02:00:00Z'),
  });
  await repos.handoffs.appendMessage(ticket.id, {
    from: 'citizen',
    text: 'NIK saya 3171014708900003',
    at: new Date('2026-11-20T02:01:00Z'),
  });
  await repos.handoffs.close(ticket.id, new Date('2026-11-20T02:10:00Z'), 'answered');
  ids.ticket = ticket.id;
  await repos.satisfaction.record({
    ticketId: ticket.id,
    officerId: 'x',
    officeId: '31.71.01.1001',
    score: 4,
    comment: 'Bu Siti sangat terbantu',
    answeredAt: new Date('2026-11-20T02:11:00Z'),
  });
  const now = Date.now();
  requests.approve = (
    await repos.deletionRequests.open({
      ...contact,
      createdAt: new Date(now - 3_600_000),
      dueAt: new Date(now + 71 * 3_600_000),
    })
  ).request;
  requests.refuse = (
    await repos.deletionRequests.open({
      channel: 'telegram',
      chatId: OTHER,
      createdAt: new Date(now - 80 * 3_600_000),
      dueAt: new Date(now - 8 * 3_600_000),
    })
  ).request;
});

async function supervisor(): Promise<Client> {
  const c = new Client(app().base);
  await c.login('sari');
  return c;
}

describe('the data-requests page', () => {
  it('should refuse an officer with 403, page and decisions alike', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    expect((await c.page('/console/data-requests')).res.status).toBe(403);
    expect((await c.form(`/console/data-requests/${requests.approve!.id}/approve`, {})).status).toBe(403);
    expect((await app().repos.deletionRequests.get(requests.approve!.id))?.status).toBe('pending');
  });

  it('should show the dashboard count with the overdue deadline in red, linking to the page', async () => {
    const { html } = await (await supervisor()).page('/console/dashboard');
    expect(html).toContain('<a href="/console/data-requests">2 permintaan hapus data menunggu</a>');
    expect(html).toMatch(/<p class="flash error"><a href="\/console\/data-requests">2 permintaan/);
    expect(html).toContain('terlambat');
  });

  it('should list pending requests, late first, with what approving deletes and keeps', async () => {
    const c = await supervisor();
    const { res, html } = await c.page('/console/data-requests');
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>Permintaan hapus data</h1>');
    expect(html).toContain('href="/console/data-requests"');
    expect(html.indexOf(requests.refuse!.id)).toBeLessThan(html.indexOf(requests.approve!.id));
    expect(html).toContain('terlambat');
    expect(html).toContain('1 permohonan selesai, 1 percakapan petugas');
    expect(html).toContain(`tetap disimpan (masih diproses): ${ids.open!.trackingNumber}`);
    expect(html).toContain('••••0001');
    expect(html).not.toContain(CHAT);
  });

  it('should refuse a decision without its CSRF token', async () => {
    const c = await supervisor();
    await c.page('/console/data-requests');
    const res = await c.form(`/console/data-requests/${requests.refuse!.id}/refuse`, { reason: 'x' }, false);
    expect(res.status).toBe(403);
    expect((await app().repos.deletionRequests.get(requests.refuse!.id))?.status).toBe('pending');
  });

  it('should answer 400 with the error beside the form when the refusal has no reason', async () => {
    const c = await supervisor();
    await c.page('/console/data-requests');
    const res = await c.form(`/console/data-requests/${requests.refuse!.id}/refuse`, { reason: ' ' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<span class="error">Alasan wajib diisi: warga akan membacanya.</span>');
    expect((await app().repos.deletionRequests.get(requests.refuse!.id))?.status).toBe('pending');
  });

  it('should refuse with a reason: stored, audited, and the citizen told', async () => {
    const c = await supervisor();
    await c.page('/console/data-requests');
    const reason = 'Data masih diperlukan untuk pemeriksaan pengaduan.';
    const res = await c.form(`/console/data-requests/${requests.refuse!.id}/refuse`, { reason });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/data-requests?done=refused');
    const stored = await app().repos.deletionRequests.get(requests.refuse!.id);
    expect(stored).toMatchObject({ status: 'refused', reason, decidedBy: app().officerIds.sari });
    const events = await app().repos.events.search({ type: 'privacy.deletion_refused' }, { limit: 5 });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]!.actor).toEqual({ kind: 'officer', id: app().officerIds.sari });
    expect(JSON.stringify(events.items[0])).not.toContain(reason);
    expect(app().pushed).toContainEqual({
      address: { channel: 'telegram', chatId: OTHER },
      event: { kind: 'deletion_decided', approved: false, reason, kept: [] },
    });
  });

  it('should approve: finished data erased, in-progress kept, audited, and the citizen told', async () => {
    const { repos, pushed, officerIds } = app();
    const c = await supervisor();
    await c.page('/console/data-requests');
    const res = await c.form(`/console/data-requests/${requests.approve!.id}/approve`, {});
    expect(res.status).toBe(303);
    expect((await repos.deletionRequests.get(requests.approve!.id))?.status).toBe('approved');

    const finished = await repos.applications.findById(ids.finished!.id);
    expect(finished?.erasedAt).toBeDefined();
    expect(finished?.applicant).toEqual({ name: '[dihapus]', nik: '************0003' });
    expect(finished?.documents).toEqual([]);
    expect(await repos.documents.get(ids.doc!)).toBeUndefined();
    const open = await repos.applications.findById(ids.open!.id);
    expect(open?.applicant.nik).toBe('3171014708900003');
    expect(open?.erasedAt).toBeUndefined();

    const ticket = await repos.handoffs.get(ids.ticket!);
    expect(ticket?.transcript).toEqual([]);
    expect(ticket?.citizenName).toBeUndefined();
    expect(await repos.handoffs.listByChat('telegram', CHAT, 10)).toEqual([]);
    const [answer] = await repos.satisfaction.listByTickets([ids.ticket!]);
    expect(answer).toMatchObject({ score: 4 });
    expect(answer?.comment).toBeUndefined();

    const approved = await repos.events.search({ type: 'privacy.deletion_approved' }, { limit: 5 });
    expect(approved.items[0]).toMatchObject({
      actor: { kind: 'officer', id: officerIds.sari },
      data: { applicationsErased: 1, handoffsErased: 1, documentsDeleted: 1, kept: 1 },
    });
    const erased = await repos.events.search({ type: 'application.personal_data_erased' }, { limit: 5 });
    expect(erased.items[0]).toMatchObject({ applicationId: ids.finished!.id, actor: { kind: 'officer' } });
    expect(pushed).toContainEqual({
      address: { channel: 'telegram', chatId: CHAT },
      event: { kind: 'deletion_decided', approved: true, kept: [ids.open!.trackingNumber] },
    });

    // Decided once: a second approval is a conflict, and the dashboard has nothing waiting.
    const again = await c.form(`/console/data-requests/${requests.approve!.id}/approve`, {});
    expect(again.status).toBe(409);
    const { html } = await c.page('/console/dashboard');
    expect(html).toContain('Tidak ada permintaan hapus data yang menunggu.');
  });
});
