import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application } from '../../../src/domain/application.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { api, Client, useHttpApp } from './http-fixture.js';
import { pseudonymousCitizens, shortPseudonym } from '../../../src/app/citizen-actor.js';
import { testCipher } from '../../support/cipher.js';

/** The pseudonym of the citizen of Telegram chat 5550001. */
const WARGA = pseudonymousCitizens(testCipher)({ channel: 'telegram', chatId: '5550001' });

/** Wednesday 2025-03-12 12:00 WIB: every metric below is computed against this moment. */
const NOW = new Date('2025-03-12T05:00:00Z');
const app = useHttpApp('http_dashboard', { now: () => NOW });
const numbers = sequentialNumbers(700);

let gambir: Application;
let cideng: Application;
let bandung: Application;

interface Metrics {
  window: { officeId: string; timeZone: string };
  officers: Array<{ username: string; completed: number; conversations: number; points: number }>;
  applicationsPerDay: Array<{ officeId: string; date: string; count: number }>;
  processing: { finished: number; medianHours: number | null; withinSla: number; late: number };
  overdue: { total: number; items: Array<{ trackingNumber: string; daysLate: number }> };
  handoffs: { claimed: number; medianMinutes: number | null; waitingNow: number };
  load: { total: number; byWeekdayHour: number[][] };
}

interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}

beforeAll(async () => {
  const { repos, officerIds } = app();
  // Monday 2025-03-03 09:00 WIB, due Monday 2025-03-10 17:00 WIB: overdue at NOW.
  gambir = await repos.applications.create(
    newApplication({
      status: 'IN_REVIEW',
      createdAt: new Date('2025-03-03T02:00:00Z'),
      slaDueAt: new Date('2025-03-10T10:00:00Z'),
    }),
    numbers,
  );
  // Tuesday 2025-03-04 10:00 WIB, completed 24 hours later, well within its SLA.
  cideng = await repos.applications.create(
    newApplication({
      officeId: '31.71.01.1002',
      status: 'COMPLETED',
      createdAt: new Date('2025-03-04T03:00:00Z'),
      slaDueAt: new Date('2025-03-11T10:00:00Z'),
      applicant: {
        ...newApplication().applicant,
        name: 'Joko Cideng',
        contact: { channel: 'telegram', chatId: '777' },
      },
    }),
    numbers,
  );
  // Another city: never in the Gambir supervisor's numbers.
  bandung = await repos.applications.create(
    newApplication({ officeId: '32.73.01.1001', createdAt: new Date('2025-03-04T03:00:00Z') }),
    numbers,
  );
  // Events from before pseudonyms name the chat; new ones a pseudonym (Cideng's submission).
  const citizen = { kind: 'citizen' as const, id: 'telegram:5550001' };
  const pseudonymous = { kind: 'citizen' as const, id: WARGA };
  const budi = { kind: 'officer' as const, id: officerIds.budi! };
  const joko = { kind: 'officer' as const, id: officerIds.joko! };
  for (const a of [gambir, cideng, bandung]) {
    await repos.events.append({
      type: 'application.submitted',
      applicationId: a.id,
      trackingNumber: a.trackingNumber,
      officeId: a.officeId,
      actor: a === cideng ? pseudonymous : citizen,
      at: a.createdAt,
      data: { serviceId: a.serviceId },
    });
  }
  await repos.events.append({
    type: 'application.status_changed',
    applicationId: cideng.id,
    trackingNumber: cideng.trackingNumber,
    officeId: cideng.officeId,
    actor: budi,
    at: new Date('2025-03-05T03:00:00Z'),
    before: { status: 'APPROVED', version: 3 },
    after: { status: 'COMPLETED', version: 4 },
  });
  await repos.events.append({
    type: 'application.status_changed',
    applicationId: bandung.id,
    trackingNumber: bandung.trackingNumber,
    officeId: bandung.officeId,
    actor: joko,
    at: new Date('2025-03-05T03:00:00Z'),
    before: { status: 'APPROVED', version: 3 },
    after: { status: 'COMPLETED', version: 4 },
  });
  // An unrouted conversation, Tuesday 09:30 WIB, claimed by Budi after 5 minutes.
  await repos.events.append({
    type: 'handoff.opened',
    actor: citizen,
    at: new Date('2025-03-04T02:30:00Z'),
    data: { ticketId: 'h1', reason: 'asked', priority: false },
  });
  await repos.events.append({
    type: 'handoff.claimed',
    actor: budi,
    officeId: '31.71.01.1001',
    at: new Date('2025-03-04T02:35:00Z'),
    before: { status: 'waiting' },
    after: { status: 'claimed', officerId: officerIds.budi },
    data: { handoffId: 'h1', waitedMs: 300_000 },
  });
  // Notices that never reached their citizen: one in scope, one in another city.
  await repos.outbox.enqueue([
    {
      key: `status:${gambir.id}:2`,
      channel: 'telegram',
      chatId: '5550001',
      reply: { kind: 'text', text: `Pembaruan permohonan ${gambir.trackingNumber}` },
      createdAt: new Date('2025-03-05T03:00:00Z'),
    },
  ]);

  const unreachable = { item: { id: `status:${gambir.id}:2` } };
  await repos.outbox.markUnreachable(unreachable.item.id, 'Forbidden: bot was blocked by the user');
  await repos.outbox.enqueue([
    {
      key: `status:${cideng.id}:4`,
      channel: 'telegram',
      chatId: '777',
      reply: { kind: 'text', text: `Pembaruan permohonan ${cideng.trackingNumber}` },
      createdAt: new Date('2025-03-05T04:00:00Z'),
    },
  ]);

  const failed = { item: { id: `status:${cideng.id}:4` } };
  await repos.outbox.markFailed(failed.item.id, 'timeout');
  await repos.outbox.enqueue([
    {
      key: `status:${bandung.id}:2`,
      channel: 'telegram',
      chatId: '888',
      reply: { kind: 'text', text: 'x' },
      createdAt: new Date('2025-03-05T03:00:00Z'),
    },
  ]);

  const elsewhere = { item: { id: `status:${bandung.id}:2` } };
  await repos.outbox.markUnreachable(elsewhere.item.id, 'blocked');
  // A delivered notice is not listed.
  await repos.outbox.enqueue([
    {
      key: `status:${gambir.id}:1`,
      channel: 'telegram',
      chatId: '5550001',
      reply: { kind: 'text', text: 'ok' },
      createdAt: new Date('2025-03-04T03:00:00Z'),
    },
  ]);

  const sent = { item: { id: `status:${gambir.id}:1` } };
  await repos.outbox.markSent(sent.item.id, new Date());
});

const API_ROUTES = ['/api/metrics', '/api/audit', '/api/deliveries'];
const PAGES = ['/console/dashboard', '/console/audit', '/console/deliveries'];

describe('dashboard routes', () => {
  describe('access', () => {
    it.each(API_ROUTES)('should answer 401 to %s without a session or token', async (path) => {
      const res = await api(app().base, undefined, 'GET', path);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ApiError).error.code).toBe('unauthorized');
    });

    it.each(API_ROUTES)('should answer 403 to an officer on %s', async (path) => {
      const res = await api(app().base, app().tokens.budi, 'GET', path);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ApiError).error.code).toBe('forbidden');
    });

    it.each(PAGES)('should send a visitor without a session from %s to the login page', async (path) => {
      const res = await new Client(app().base).fetch(path);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/console/login');
    });

    it.each(PAGES)('should show an officer a 403 page for %s', async (path) => {
      const c = new Client(app().base);
      await c.login('budi');
      const { res, html } = await c.page(path);
      expect(res.status).toBe(403);
      expect(html).toContain('tidak berwenang');
    });

    it('should show the supervisor links in the navigation to supervisors only', async () => {
      const sari = new Client(app().base);
      await sari.login('sari');
      expect((await sari.page('/console/queue')).html).toContain('href="/console/dashboard"');
      const budi = new Client(app().base);
      await budi.login('budi');
      expect((await budi.page('/console/queue')).html).not.toContain('href="/console/dashboard"');
    });
  });

  describe('GET /api/metrics', () => {
    it('should compute the supervisor subtree numbers for the window', async () => {
      const res = await api(
        app().base,
        app().tokens.sari,
        'GET',
        '/api/metrics?from=2025-03-01&to=2025-03-12',
      );
      expect(res.status).toBe(200);
      const m = (await res.json()) as Metrics;
      expect(m.window).toMatchObject({ officeId: '31.71.01', timeZone: 'Asia/Jakarta' });
      expect(m.officers).toEqual([
        expect.objectContaining({ username: 'budi', completed: 1, conversations: 1, points: 2 }),
      ]);
      expect(m.applicationsPerDay).toEqual([
        expect.objectContaining({ officeId: '31.71.01.1001', date: '2025-03-03', count: 1 }),
        expect.objectContaining({ officeId: '31.71.01.1002', date: '2025-03-04', count: 1 }),
      ]);
      expect(m.processing).toEqual({
        finished: 1,
        medianHours: 24,
        medianSlaHours: 175,
        withinSla: 1,
        late: 0,
      });
      expect(m.overdue.total).toBe(1);
      expect(m.overdue.items).toEqual([
        expect.objectContaining({ trackingNumber: gambir.trackingNumber, daysLate: 1 }),
      ]);
      expect(m.handoffs).toMatchObject({ claimed: 1, medianMinutes: 5 });
      // Two submissions and one conversation: Monday 09 WIB, Tuesday 10 WIB, Tuesday 09 WIB.
      expect(m.load.total).toBe(3);
      expect(m.load.byWeekdayHour[1]![9]).toBe(1);
      expect(m.load.byWeekdayHour[2]![10]).toBe(1);
      expect(m.load.byWeekdayHour[2]![9]).toBe(1);
    });

    it('should narrow to one office of the subtree', async () => {
      const res = await api(
        app().base,
        app().tokens.sari,
        'GET',
        '/api/metrics?from=2025-03-01&to=2025-03-12&officeId=31.71.01.1002',
      );
      const m = (await res.json()) as Metrics;
      expect(m.applicationsPerDay.map((r) => r.officeId)).toEqual(['31.71.01.1002']);
      expect(m.overdue.total).toBe(0);
    });

    it('should refuse an office outside the subtree with 403', async () => {
      const res = await api(app().base, app().tokens.sari, 'GET', '/api/metrics?officeId=32.73');
      expect(res.status).toBe(403);
    });

    it('should answer 400 with field errors for bad dates', async () => {
      const bad = await api(app().base, app().tokens.sari, 'GET', '/api/metrics?from=2025-3-1&to=2025-02-30');
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as ApiError;
      expect(body.error.code).toBe('invalid');
      expect(Object.keys(body.error.fields ?? {})).toEqual(expect.arrayContaining(['from']));
      const reversed = await api(
        app().base,
        app().tokens.sari,
        'GET',
        '/api/metrics?from=2025-03-10&to=2025-03-01',
      );
      expect(((await reversed.json()) as ApiError).error.fields).toHaveProperty('to');
      const long = await api(
        app().base,
        app().tokens.sari,
        'GET',
        '/api/metrics?from=2025-01-01&to=2025-12-31',
      );
      expect(long.status).toBe(400);
    });
  });

  describe('GET /api/audit', () => {
    it('should find an application by tracking number with before and after', async () => {
      const res = await api(
        app().base,
        app().tokens.sari,
        'GET',
        `/api/audit?tracking=${cideng.trackingNumber}`,
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Array<Record<string, unknown>>; total: number };
      expect(body.total).toBe(2);
      expect(body.items[0]).toMatchObject({
        type: 'application.status_changed',
        actor: { kind: 'officer', id: app().officerIds.budi, name: 'BUDI (budi)' },
        before: { status: 'APPROVED' },
        after: { status: 'COMPLETED' },
      });
      // A citizen actor is a pseudonym (an old chat id would be masked: on WhatsApp it is a phone number).
      expect(body.items[1]).toMatchObject({
        type: 'application.submitted',
        actor: { kind: 'citizen', id: WARGA },
      });
      expect(JSON.stringify(body.items[1])).not.toContain('5550001');
    });

    it('should filter by officer and action type, and page', async () => {
      const byBudi = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/audit?officer=budi&type=handoff.claimed')
      ).json()) as { items: Array<{ type: string }>; total: number };
      expect(byBudi.items.map((i) => i.type)).toEqual(['handoff.claimed']);
      const all = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/audit?limit=200')
      ).json()) as {
        total: number;
      };
      const second = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/audit?limit=1&offset=1')
      ).json()) as {
        items: unknown[];
        total: number;
      };
      expect(second.items).toHaveLength(1);
      expect(second.total).toBe(all.total);
      const dated = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/audit?from=2025-03-05&to=2025-03-05')
      ).json()) as { items: Array<{ type: string }> };
      expect(dated.items.map((i) => i.type)).toEqual(['application.status_changed']);
    });

    it('should not show another city events, nor find its tracking number', async () => {
      const other = (await (
        await api(app().base, app().tokens.sari, 'GET', `/api/audit?tracking=${bandung.trackingNumber}`)
      ).json()) as { total: number };
      expect(other.total).toBe(0);
      const joko = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/audit?officer=joko')
      ).json()) as {
        total: number;
      };
      expect(joko.total).toBe(0);
    });

    it('should answer 400 with field errors for bad filters', async () => {
      const res = await api(
        app().base,
        app().tokens.sari,
        'GET',
        '/api/audit?type=DROP&limit=0&tracking=%24x',
      );
      expect(res.status).toBe(400);
      const fields = ((await res.json()) as ApiError).error.fields ?? {};
      expect(Object.keys(fields).sort()).toEqual(['limit', 'tracking', 'type']);
    });

    it('should record before and after when an officer claims a conversation', async () => {
      const { ticket } = await app().repos.handoffs.open({
        channel: 'telegram',
        chatId: 'audit-claim',
        reason: 'asked',
        priority: false,
        createdAt: new Date('2025-03-12T04:50:00Z'),
      });
      expect(
        (await api(app().base, app().tokens.budi, 'POST', `/api/handoffs/${ticket.id}/claim`, {})).status,
      ).toBe(200);
      const body = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/audit?type=handoff.claimed&officer=budi')
      ).json()) as { items: Array<Record<string, unknown>> };
      expect(body.items[0]).toMatchObject({
        officeId: '31.71.01.1001',
        before: { status: 'waiting' },
        after: { status: 'claimed', officerId: app().officerIds.budi },
        data: { handoffId: ticket.id, waitedMs: 600_000 },
      });
    });
  });

  describe('GET /api/deliveries', () => {
    it('should list failed and unreachable notices of the subtree, newest first', async () => {
      const res = await api(app().base, app().tokens.sari, 'GET', '/api/deliveries');
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        items: Array<{ status: string; chat: string; application?: { trackingNumber: string } }>;
        total: number;
      };
      expect(body.items.map((i) => [i.status, i.application?.trackingNumber])).toEqual([
        ['failed', cideng.trackingNumber],
        ['unreachable', gambir.trackingNumber],
      ]);
      expect(body.items[1]?.chat).toBe('••••0001');
      const unreachable = (await (
        await api(app().base, app().tokens.sari, 'GET', '/api/deliveries?status=unreachable')
      ).json()) as { total: number };
      expect(unreachable.total).toBe(1);
    });

    it('should answer 400 for an unknown status', async () => {
      const res = await api(app().base, app().tokens.sari, 'GET', '/api/deliveries?status=sent');
      expect(res.status).toBe(400);
      expect(((await res.json()) as ApiError).error.fields).toHaveProperty('status');
    });
  });

  describe('console pages', () => {
    it('should draw the dashboard charts as inline SVG', async () => {
      const c = new Client(app().base);
      await c.login('sari');
      const { res, html } = await c.page('/console/dashboard?from=2025-03-01&to=2025-03-12');
      expect(res.status).toBe(200);
      expect(html).toContain('<svg class="chart heatmap"');
      expect(html.match(/<svg class="chart"/g)?.length).toBeGreaterThanOrEqual(3);
      expect(html).toContain('class="heat heat-5"');
      expect(html).toContain(gambir.trackingNumber);
      expect(html).not.toMatch(/style=/);
      expect(html).not.toMatch(/<script>/);
    });

    it('should answer 400 with the field named on a bad dashboard date', async () => {
      const c = new Client(app().base);
      await c.login('sari');
      const { res, html } = await c.page('/console/dashboard?from=kemarin');
      expect(res.status).toBe(400);
      expect(html).toContain('from: Format tanggal YYYY-MM-DD.');
    });

    it('should search the audit log and list undelivered notices', async () => {
      const c = new Client(app().base);
      await c.login('sari');
      const audit = await c.page(`/console/audit?tracking=${cideng.trackingNumber}`);
      expect(audit.res.status).toBe(200);
      expect(audit.html).toContain('application.status_changed');
      expect(audit.html).toContain('&quot;status&quot;:&quot;COMPLETED&quot;');
      expect(audit.html).toContain(`<td>Warga ${shortPseudonym(WARGA)}</td>`);
      expect(audit.html).not.toContain('5550001');
      const deliveries = await c.page('/console/deliveries');
      expect(deliveries.html).toContain(gambir.trackingNumber);
      expect(deliveries.html).toContain('Tidak dapat dihubungi');
      expect(deliveries.html).not.toContain(bandung.trackingNumber);
      expect((await c.page('/console/audit?type=x')).res.status).toBe(400);
    });

    it('should say on the application detail that the citizen is unreachable, with the audit trail', async () => {
      const c = new Client(app().base);
      await c.login('budi');
      const { html } = await c.page(`/console/applications/${gambir.id}`);
      expect(html).toContain('class="flash error undelivered"');
      expect(html).toContain('Tidak dapat dihubungi');
      expect(html).toContain('<table class="audit">');
      const sari = new Client(app().base);
      await sari.login('sari');
      const failed = await sari.page(`/console/applications/${cideng.id}`);
      expect(failed.html).toContain('Gagal');
      expect(failed.html).not.toContain('Tidak dapat dihubungi');
    });
  });

  it('should describe the new routes in the OpenAPI document', async () => {
    const doc = (await (await api(app().base, app().tokens.sari, 'GET', '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters: Array<{ name: string }> }>>;
    };
    expect(doc.paths['/metrics']?.get?.parameters.map((p) => p.name)).toEqual(['from', 'to', 'officeId']);
    expect(doc.paths['/audit']?.get?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['officer', 'type', 'tracking', 'from', 'to', 'limit', 'offset']),
    );
    expect(doc.paths).toHaveProperty(['/deliveries', 'get']);
    expect(doc.paths).toHaveProperty(['/officers/{id}/active', 'post']);
  });
});
