import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadCatalog } from '../../../src/catalog/load.js';
import { issueApiToken } from '../../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { stubKelurahan } from '../../catalog/support/stub-kelurahan.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { api, Client, PASSWORD, useHttpApp } from './http-fixture.js';

const catalog = await loadCatalog({ kelurahan: stubKelurahan });
const app = useHttpApp('agency_routes', { catalog });
const tokens: Record<string, string> = {};
let appId = '';

beforeAll(async () => {
  const { repos } = app();
  for (const [username, agencyId] of [
    ['citata', 'dinas_pupr'],
    ['dukcapil', 'disdukcapil'],
  ] as const) {
    const o = await createOfficer(
      { ...repos, now: () => new Date() },
      { username, displayName: username, password: PASSWORD, role: 'agency', officeId: '31', agencyId },
      { kind: 'system', id: 'test' },
    );
    tokens[username] = await issueApiToken({ ...repos, now: () => new Date() }, o);
  }
  const created = await repos.applications.create(
    newApplication({
      serviceId: 'pbg',
      status: 'IN_REVIEW',
      slaDueAt: new Date(Date.now() + 30 * 86_400_000),
    }),
    sequentialNumbers(900),
  );
  appId = created.id;
});

const call = (who: string, method: string, path: string, body?: unknown) => {
  const f = app();
  return api(f.base, tokens[who] ?? f.tokens[who], method, path, body);
};

describe('forwarding an application to an agency and recording its answer', () => {
  it('should list the agencies of the catalog', async () => {
    const res = await call('budi', 'GET', '/api/agencies');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ id: string; shortName: string }> };
    expect(items).toContainEqual(
      expect.objectContaining({ id: 'dinas_pupr', shortName: 'Dinas Cipta Karya' }),
    );
  });

  it('should refuse an unknown agency, an officer of another office, and an agency account', async () => {
    const body = { agencyId: 'dinas_pupr', note: 'Mohon pemeriksaan teknis bangunan' };
    const unknown = await call('budi', 'POST', `/api/applications/${appId}/forward`, {
      ...body,
      agencyId: 'dinas_x',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { fields: { agencyId: expect.any(String) as unknown as string } },
    });
    expect((await call('joko', 'POST', `/api/applications/${appId}/forward`, body)).status).toBe(403);
    expect((await call('citata', 'POST', `/api/applications/${appId}/forward`, body)).status).toBe(403);
  });

  it('should forward once with the flow SLA, confine agency accounts to their agency, and audit both', async () => {
    const note = 'Mohon pemeriksaan teknis bangunan';
    const res = await call('budi', 'POST', `/api/applications/${appId}/forward`, {
      agencyId: 'dinas_pupr',
      note,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { agencySteps: Array<{ agencyId: string; slaDays: number }> };
    expect(body.agencySteps).toEqual([expect.objectContaining({ agencyId: 'dinas_pupr', slaDays: 5 })]);
    const again = await call('budi', 'POST', `/api/applications/${appId}/forward`, {
      agencyId: 'dpmptsp',
      note,
    });
    expect(again.status).toBe(409);

    // Another agency sees nothing of it and cannot answer for it.
    const other = await call('dukcapil', 'GET', '/api/agency/applications');
    expect(await other.json()).toEqual({ items: [] });
    const foreign = await call('dukcapil', 'POST', `/api/applications/${appId}/agency-answer`, {
      outcome: 'done',
    });
    expect(foreign.status).toBe(403);
    expect((await call('citata', 'GET', `/api/applications/${appId}`)).status).toBe(403);

    // Its own agency sees the service, the number and the request; no personal data.
    const listRes = await call('citata', 'GET', '/api/agency/applications');
    const listText = await listRes.text();
    expect(JSON.parse(listText)).toMatchObject({
      items: [{ id: appId, serviceId: 'pbg', step: { agencyId: 'dinas_pupr', note } }],
    });
    expect(listText).not.toMatch(/Siti|3171014708900003|081234567890|5550001/);

    const answer = await call('citata', 'POST', `/api/applications/${appId}/agency-answer`, {
      outcome: 'done',
      note: 'Memenuhi persyaratan teknis',
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).not.toMatch(/Siti/);
    expect(
      (await call('citata', 'POST', `/api/applications/${appId}/agency-answer`, { outcome: 'done' })).status,
    ).toBe(403);

    const events = await app().repos.events.listForApplication(appId);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['application.forwarded', 'application.agency_answered']),
    );
    const raw = await app().conn.db!.collection('applications').findOne({});
    const stored = JSON.stringify(raw);
    expect(stored).toContain('dinas_pupr');
    expect(stored).not.toContain(note);
    expect(stored).not.toContain('Memenuhi persyaratan teknis');
    const saved = await app().repos.applications.findById(appId);
    expect(saved?.agencySteps?.[0]).toMatchObject({
      note,
      outcome: 'done',
      answerNote: 'Memenuhi persyaratan teknis',
    });
  });

  it('should forward and record the answer from the application page, showing the wait and the history', async () => {
    const { repos, base } = app();
    const second = await repos.applications.create(
      newApplication({ serviceId: 'pbg', status: 'IN_REVIEW' }),
      sequentialNumbers(950),
    );
    const c = new Client(base);
    await c.login('budi');
    const page = `/console/applications/${second.id}`;
    expect((await c.page(page)).html).toContain('Teruskan ke instansi');
    const refused = await c.form(`${page}/forward`, { agencyId: 'dinas_x', note: 'Periksa', version: '1' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Instansi tidak dikenal');
    await c.page(page);
    const sent = await c.form(`${page}/forward`, {
      agencyId: 'dinas_pupr',
      note: 'Mohon pemeriksaan teknis <b>gambar</b>',
      version: '1',
    });
    expect(sent.status).toBe(303);
    const { html } = await c.page(page);
    expect(html).toMatch(/Menunggu Dinas Cipta Karya, hari ke-\d dari 5 hari kerja/);
    expect(html).toContain('Mohon pemeriksaan teknis &lt;b>gambar&lt;/b>');
    expect(html).not.toContain('<b>gambar');
    expect(html).toContain('Catat jawaban instansi');
    const answered = await c.form(`${page}/agency-answer`, {
      outcome: 'needs_more',
      note: 'Kurang gambar struktur',
      version: '2',
    });
    expect(answered.status).toBe(303);
    const after = (await c.page(page)).html;
    expect(after).toContain('Perlu kelengkapan · Kurang gambar struktur');
    expect(after).toContain('Teruskan ke instansi');
  });

  it("should rank the agencies on the supervisors' dashboard, latest first", async () => {
    const { repos, base } = app();
    const past = new Date(Date.now() - 20 * 86_400_000);
    await repos.applications.create(
      newApplication({
        serviceId: 'akta_kelahiran',
        status: 'IN_REVIEW',
        agencySteps: [
          {
            agencyId: 'disdukcapil',
            forwardedAt: past,
            forwardedBy: 'o1',
            slaDays: 3,
            slaDueAt: new Date(past.getTime() + 3 * 86_400_000),
            note: 'Mohon tanda tangan akta',
          },
        ],
      }),
      sequentialNumbers(980),
    );
    const c = new Client(base);
    await c.login('sari');
    const { res, html } = await c.page('/console/dashboard');
    expect(res.status).toBe(200);
    const section = html.slice(html.indexOf('id="agencies"'));
    expect(section).toContain('<svg');
    const late = section.indexOf('<td>Disdukcapil</td>');
    const onTime = section.indexOf('<td>Dinas Cipta Karya</td>');
    expect(late).toBeGreaterThan(0);
    expect(onTime).toBeGreaterThan(late);
    expect(section).toMatch(
      /<td>Disdukcapil<\/td><td>1<\/td><td>-<\/td><td>100%<\/td><td>1<\/td><td>1\d<\/td>/,
    );
  });

  it('should land an agency account on its own list, without personal data, and take its answer', async () => {
    const { repos, base } = app();
    const third = await repos.applications.create(
      newApplication({ serviceId: 'pbg', status: 'IN_REVIEW' }),
      sequentialNumbers(990),
    );
    expect(
      (
        await call('budi', 'POST', `/api/applications/${third.id}/forward`, {
          agencyId: 'dinas_pupr',
          note: 'Cek struktur',
        })
      ).status,
    ).toBe(200);
    const c = new Client(base);
    await c.login('citata');
    const queue = await c.fetch('/console/queue');
    expect(queue.headers.get('location')).toBe('/console/agency');
    const { html } = await c.page('/console/agency');
    expect(html).toContain('Diteruskan ke instansi Anda');
    expect(html).toContain(third.trackingNumber);
    expect(html).toContain('<td>Cek struktur</td>');
    expect(html).not.toMatch(/Siti|3171014708900003|081234567890/);
    expect((await c.page(`/console/applications/${third.id}`)).res.status).toBe(403);
    const answered = await c.form(`/console/agency/${third.id}/answer`, {
      outcome: 'refused',
      note: 'Tidak layak',
      version: '2',
    });
    expect(answered.status).toBe(303);
    expect((await c.page('/console/agency')).html).not.toContain(third.trackingNumber);
    expect((await repos.applications.findById(third.id))?.agencySteps?.[0]?.outcome).toBe('refused');
  });
});
