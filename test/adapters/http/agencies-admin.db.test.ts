import { describe, expect, it } from '@jest/globals';
import { seedAgencies } from '../../../src/app/seed-agencies.js';
import { loadCatalog } from '../../../src/catalog/load.js';
import { stubKelurahan } from '../../catalog/support/stub-kelurahan.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { api, Client, useHttpApp } from './http-fixture.js';

const catalog = await loadCatalog({ kelurahan: stubKelurahan });
const app = useHttpApp('agencies_admin', { catalog });

async function loggedIn(user: string): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login(user)).status).toBe(303);
  return c;
}

const auditOf = async (type: string) =>
  (await app().repos.events.search({ type }, { limit: 20, offset: 0 })).items;

describe('the agencies page (admins)', () => {
  it('should seed the catalog list once and keep an admin edit over the seed', async () => {
    const { repos } = app();
    expect(await seedAgencies(repos, catalog.agencies)).toBe(catalog.agencies!.size);
    const c = await loggedIn('admin');
    const { res, html } = await c.page('/console/admin/agencies');
    expect(res.status).toBe(200);
    expect(html).toContain('Dinas Cipta Karya');
    const saved = await c.form('/console/admin/agencies/dinas_sosial', {
      name: 'Dinas Sosial Provinsi',
      shortName: 'Dinsos',
      contact: '021-555-0101',
      active: 'on',
    });
    expect(saved.status).toBe(303);
    // A second start seeds nothing and leaves the edit as it is.
    expect(await seedAgencies(repos, catalog.agencies)).toBe(0);
    expect(await repos.agencyStore.get('dinas_sosial')).toEqual({
      id: 'dinas_sosial',
      name: 'Dinas Sosial Provinsi',
      shortName: 'Dinsos',
      contact: '021-555-0101',
      task: catalog.agencies!.get('dinas_sosial')!.task,
      active: true,
    });
    const [event] = await auditOf('agency.updated');
    expect(event).toMatchObject({
      officeId: '31.71',
      data: { agencyId: 'dinas_sosial' },
      before: { name: 'Dinas Sosial', shortName: 'Dinas Sosial', contact: null },
      after: { name: 'Dinas Sosial Provinsi', shortName: 'Dinsos', contact: '021-555-0101' },
    });
  });

  it('should add an agency, audited, and refuse a bad or taken id in Indonesian without storing anything', async () => {
    const c = await loggedIn('admin');
    await c.page('/console/admin/agencies');
    const before = (await app().repos.agencyStore.list()).length;
    const bad = await c.form('/console/admin/agencies', { id: 'Dinas PU!', name: '', shortName: 'X' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Kode hanya huruf kecil, angka dan garis bawah');
    expect(html).toContain('Nama instansi wajib diisi');
    expect(html).toContain('value="Dinas PU!"');
    const taken = await c.form('/console/admin/agencies', {
      id: 'dinas_pupr',
      name: 'Lain',
      shortName: 'Lain',
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Kode ini sudah dipakai');
    expect(await app().repos.agencyStore.list()).toHaveLength(before);

    const added = await c.form('/console/admin/agencies', {
      id: 'bpn',
      name: 'Badan Pertanahan Nasional',
      shortName: 'BPN',
      contact: 'loket@bpn.example',
      active: 'on',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/console/admin/agencies?done=created');
    expect(await app().repos.agencyStore.get('bpn')).toMatchObject({ shortName: 'BPN', active: true });
    const [event] = await auditOf('agency.created');
    expect(event).toMatchObject({ data: { agencyId: 'bpn' }, after: { name: 'Badan Pertanahan Nasional' } });
  });

  it('should stop new forwards to a deactivated agency while its open step still shows', async () => {
    const { repos, tokens, base } = app();
    const past = new Date(Date.now() - 86_400_000);
    const waiting = await repos.applications.create(
      newApplication({
        serviceId: 'pbg',
        status: 'IN_REVIEW',
        agencySteps: [
          {
            agencyId: 'bpn',
            forwardedAt: past,
            forwardedBy: 'seed',
            slaDays: 5,
            slaDueAt: new Date(past.getTime() + 7 * 86_400_000),
            note: 'Mohon cek sertifikat',
          },
        ],
      }),
      sequentialNumbers(700),
    );
    const fresh = await repos.applications.create(
      newApplication({ serviceId: 'pbg', status: 'IN_REVIEW' }),
      sequentialNumbers(710),
    );
    const c = await loggedIn('admin');
    await c.page('/console/admin/agencies');
    const off = await c.form('/console/admin/agencies/bpn/active', { active: 'false' });
    expect(off.status).toBe(303);
    expect(await repos.agencyStore.get('bpn')).toMatchObject({ active: false });
    const [event] = (await auditOf('agency.updated')).filter((e) => e.data?.agencyId === 'bpn');
    expect(event).toMatchObject({ before: { active: true }, after: { active: false } });

    const list = await api(base, tokens.budi, 'GET', '/api/agencies');
    const { items } = (await list.json()) as { items: Array<{ id: string; active: boolean }> };
    expect(items).toContainEqual(expect.objectContaining({ id: 'bpn', active: false }));
    expect(items).toContainEqual(expect.objectContaining({ id: 'dinas_pupr', active: true }));
    const refused = await api(base, tokens.budi, 'POST', `/api/applications/${fresh.id}/forward`, {
      agencyId: 'bpn',
      note: 'Mohon cek sertifikat',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('dinonaktifkan');

    const officer = await loggedIn('budi');
    const page = await officer.page(`/console/applications/${waiting.id}`);
    expect(page.html).toContain('Menunggu BPN');
    const other = await officer.page(`/console/applications/${fresh.id}`);
    expect(other.html).toContain('value="dinas_pupr"');
    expect(other.html).not.toContain('value="bpn"');
  });

  it('should answer 403 to supervisors and officers, and to a form without its CSRF token', async () => {
    for (const who of ['sari', 'budi']) {
      const c = await loggedIn(who);
      expect((await c.page('/console/admin/agencies')).res.status).toBe(403);
      const post = await c.form('/console/admin/agencies', { id: 'x_y', name: 'X', shortName: 'X' });
      expect(post.status).toBe(403);
    }
    const admin = await loggedIn('admin');
    await admin.page('/console/admin/agencies');
    const noCsrf = await admin.form(
      '/console/admin/agencies',
      { id: 'x_y', name: 'X', shortName: 'X' },
      false,
    );
    expect(noCsrf.status).toBe(403);
    expect(await app().repos.agencyStore.get('x_y')).toBeUndefined();
    expect((await admin.page('/console/admin/agencies/Bad-Id')).res.status).toBe(404);
  });
});
