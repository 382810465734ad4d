import { describe, expect, it } from '@jest/globals';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { Client, useHttpApp } from './http-fixture.js';

const app = useHttpApp('http_console');
const numbers = sequentialNumbers(800);

/** Markup a citizen or applicant could type; the console must show it as text, never run it. */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

/**
 * Neither payload survives as markup, and both are there as escaped text (a `>` in text needs no
 * escaping: without its `<` it opens nothing).
 */
function expectEscaped(html: string): void {
  expect(html).not.toMatch(/<script>alert/i);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).toMatch(/&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;)/);
  expect(html).toMatch(/&quot;(>|&gt;)&lt;img src=x onerror=alert\(1\)(>|&gt;)/);
}

/** The first `queue` event of the live queue stream. */
async function firstQueueEvent(c: Client): Promise<{ ids: string[]; html: string }> {
  const controller = new AbortController();
  const res = await c.fetch('/console/queue/stream', { signal: controller.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  return JSON.parse(text.split('data: ')[1]!.split('\n')[0]!) as { ids: string[]; html: string };
}

describe('console router', () => {
  it('should send a visitor without a session to the login page, and refuse posts with 401', async () => {
    const c = new Client(app().base);
    for (const path of [
      '/console/queue',
      '/console/applications',
      '/console/handoffs/65f000000000000000000001',
    ]) {
      const res = await c.fetch(path);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/console/login');
    }
    await c.page('/console/login');
    expect((await c.form('/console/handoffs/65f000000000000000000001/claim', {})).status).toBe(401);
  });

  it('should serve the login page with a strict CSP and its own assets only', async () => {
    const c = new Client(app().base);
    const { res, html } = await c.page('/console/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('Kata sandi');
    expect((await c.fetch('/console/assets/console.js')).headers.get('content-type')).toMatch(/javascript/);
    expect((await c.fetch('/console/assets/nope.js')).status).toBe(404);
    expect((await c.page('/console/login?lang=en')).html).toContain('Password');
  });

  it('should refuse a login without a CSRF token (403) and a wrong password (401)', async () => {
    const c = new Client(app().base);
    await c.page('/console/login');
    expect(
      (await c.form('/console/login', { username: 'budi', password: 'kata-sandi-uji-123' }, false)).status,
    ).toBe(403);
    const wrong = await c.form('/console/login', { username: 'budi', password: 'salah' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Nama pengguna atau kata sandi salah');
  });

  it('should log in with a new httpOnly, sameSite session cookie and log out', async () => {
    const c = new Client(app().base);
    await c.page('/console/login');
    const res = await c.form('/console/login', { username: 'budi', password: 'kata-sandi-uji-123' });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('loket.sid='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const { res: q, html } = await c.page('/console/queue');
    expect(q.status).toBe(200);
    expect(html).toContain('BUDI');
    expect((await c.form('/console/logout', {})).status).toBe(303);
    expect((await c.fetch('/console/queue')).status).toBe(302);
  });

  it('should list, show and change an application through forms, with field errors on bad input', async () => {
    const a = await app().repos.applications.create(newApplication({ status: 'IN_REVIEW' }), numbers);
    const c = new Client(app().base);
    await c.login('budi');
    const list = await c.page('/console/applications?q=siti');
    expect(list.html).toContain(a.trackingNumber);
    expect(list.html).toContain('************0003');
    expect(list.html).not.toContain('3171014708900003');
    // The NIK and phone are sealed at rest: the search finds them by their blind index, whole.
    for (const q of ['3171014708900003', '0812-3456-7890', 'rahmawati'])
      expect((await c.page(`/console/applications?q=${encodeURIComponent(q)}`)).html).toContain(
        a.trackingNumber,
      );
    expect((await c.page('/console/applications?q=31710147089')).html).not.toContain(a.trackingNumber);
    expect((await c.page('/console/applications?status=NOPE')).res.status).toBe(400);
    const detail = await c.page(`/console/applications/${a.id}`);
    expect(detail.html).toContain('Perlu perbaikan dari Anda');
    expect(
      (await c.form(`/console/applications/${a.id}/status`, { to: 'APPROVED', version: '1' }, false)).status,
    ).toBe(403);
    const bad = await c.form(`/console/applications/${a.id}/status`, {
      to: 'NEEDS_REVISION',
      version: '1',
      revisionStep: 'jenis',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Tulis apa yang perlu diperbaiki');
    const ok = await c.form(`/console/applications/${a.id}/status`, {
      to: 'NEEDS_REVISION',
      version: '1',
      revisionStep: 'jenis',
      revisionNote: 'Pilih jenis yang benar',
    });
    expect(ok.status).toBe(303);
    expect((await app().repos.applications.findById(a.id))?.status).toBe('NEEDS_REVISION');
    expect(app().pushed.at(-1)?.event).toMatchObject({ kind: 'revision_requested', stepId: 'jenis' });
  });

  it('should claim, reply, release and close a conversation from the queue', async () => {
    const { ticket } = await app().repos.handoffs.open({
      channel: 'telegram',
      chatId: 'q1',
      citizenName: 'Pak Harto',
      reason: 'asked',
      priority: false,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    const c = new Client(app().base);
    await c.login('budi');
    expect((await c.page('/console/queue')).html).toContain('Pak Harto');
    const claim = await c.form(`/console/handoffs/${ticket.id}/claim`, {});
    expect(claim.headers.get('location')).toBe(`/console/handoffs/${ticket.id}`);
    const convo = await c.page(`/console/handoffs/${ticket.id}`);
    expect(convo.html).toContain('Baik, mohon ditunggu sebentar.');
    expect((await c.form(`/console/handoffs/${ticket.id}/reply`, { text: 'Selamat siang' })).status).toBe(
      303,
    );
    expect((await c.page(`/console/handoffs/${ticket.id}`)).html).toContain('Selamat siang');
    expect((await c.form(`/console/handoffs/${ticket.id}/release`, {})).status).toBe(303);
    expect((await c.form(`/console/handoffs/${ticket.id}/close`, { resolution: 'answered' })).status).toBe(
      303,
    );
    expect(
      app()
        .pushed.filter((p) => p.address.chatId === 'q1')
        .map((p) => p.event.kind),
    ).toEqual(['officer_joined', 'officer_message', 'handoff_closed', 'handoff_closed']);
    const other = new Client(app().base);
    await other.login('joko');
    expect((await other.page(`/console/handoffs/${ticket.id}`)).res.status).toBe(403);
  });

  it('should stream the queue as server-sent events', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    const { ticket } = await app().repos.handoffs.open({
      channel: 'telegram',
      chatId: 'sse1',
      reason: 'asked',
      priority: false,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    const controller = new AbortController();
    const res = await c.fetch('/console/queue/stream', { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toMatch(/^event: queue\ndata: /);
    expect(JSON.parse(text.split('data: ')[1]!.split('\n')[0]!)).toMatchObject({
      ids: expect.arrayContaining([ticket.id]),
    });
  });

  describe('escaping by default', () => {
    it('should show a citizen name and transcript with markup as text on the queue, its stream and the conversation', async () => {
      const { ticket } = await app().repos.handoffs.open({
        channel: 'telegram',
        chatId: 'xss1',
        citizenName: `Ibu ${SCRIPT}${IMG}`,
        reason: 'complaint',
        priority: true,
        officeId: '31.71.01.1001',
        createdAt: new Date(),
        transcript: [
          { from: 'citizen', text: `halo ${SCRIPT}`, at: new Date() },
          { from: 'citizen', text: `tolong ${IMG}`, at: new Date() },
        ],
      });
      // A complaint: only supervisors see it in the queue, and its row carries the priority mark.
      const c = new Client(app().base);
      await c.login('sari');
      const queue = await c.page('/console/queue');
      expect(queue.html).toContain(`data-id="${ticket.id}"`);
      expectEscaped(queue.html);
      const event = await firstQueueEvent(c);
      expect(event.ids).toContain(ticket.id);
      expectEscaped(event.html);
      expect((await c.form(`/console/handoffs/${ticket.id}/claim`, {})).status).toBe(303);
      const convo = await c.page(`/console/handoffs/${ticket.id}`);
      expect(convo.html).toContain('id="transcript"');
      expectEscaped(convo.html);
      // The transcript lines as text too, not only the name above them.
      expect(convo.html).toMatch(/tolong &quot;(>|&gt;)&lt;img src=x/);
      await c.form(`/console/handoffs/${ticket.id}/close`, { resolution: 'answered' });
    });

    it('should show an applicant name, answers and a search with markup as text on the list and detail pages', async () => {
      const base = newApplication({ status: 'IN_REVIEW' });
      const a = await app().repos.applications.create(
        {
          ...base,
          applicant: { ...base.applicant, name: `Siti ${SCRIPT}${IMG}` },
          answers: { ...base.answers, alamat: `Jl. ${IMG}` },
        },
        numbers,
      );
      const c = new Client(app().base);
      await c.login('budi');
      const list = await c.page(`/console/applications?q=${a.trackingNumber}`);
      expect(list.html).toContain(a.trackingNumber);
      expectEscaped(list.html);
      // What the officer typed comes back inside an attribute: it must not close it.
      const search = await c.page(`/console/applications?q=${encodeURIComponent(IMG)}`);
      expect(search.html).not.toMatch(/<img src=x/i);
      expect(search.html).toMatch(/value="&quot;(>|&gt;)&lt;img src=x onerror=alert\(1\)(>|&gt;)"/);
      const detail = await c.page(`/console/applications/${a.id}`);
      expectEscaped(detail.html);
      expect(detail.html).toMatch(/Jl\. &quot;(>|&gt;)&lt;img src=x/);
      // Answers that are not text still show (JSX alone would drop `true`).
      expect(detail.html).toContain('<dt>Setuju</dt><dd>true</dd>');
    });
  });
});
