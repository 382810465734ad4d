import { describe, expect, it } from '@jest/globals';
import { loadCatalog } from '../../../src/catalog/load.js';
import { stubKelurahan } from '../../catalog/support/stub-kelurahan.js';
import { api, Client, PASSWORD, useHttpApp } from './http-fixture.js';

const catalog = await loadCatalog({ kelurahan: stubKelurahan });
const app = useHttpApp('agency_accounts', { catalog });

async function adminOnAccounts(): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login('admin')).status).toBe(303);
  await c.page('/console/admin/officers');
  return c;
}

const account = (username: string, role: string, agencyId: string) => ({
  username,
  displayName: username.toUpperCase(),
  password: PASSWORD,
  role,
  officeId: '31.71',
  agencyId,
});

describe('agency accounts made by admins', () => {
  it('should offer the agency role and the active agencies in the create form', async () => {
    const c = await adminOnAccounts();
    const { html } = await c.page('/console/admin/officers');
    expect(html).toContain('<option value="agency">Akun instansi (dinas)</option>');
    expect(html).toContain(
      '<option value="dinas_pupr">Dinas Cipta Karya, Tata Ruang dan Pertanahan</option>',
    );
  });

  it('should create an agency account for the agency chosen, which then lands on its own page', async () => {
    const c = await adminOnAccounts();
    const res = await c.form('/console/admin/officers', account('citata', 'agency', 'dinas_pupr'));
    expect(res.status).toBe(303);
    const stored = await app().repos.officers.findByUsername('citata');
    expect(stored).toMatchObject({ role: 'agency', agencyId: 'dinas_pupr' });
    // The accounts list says which agency the account answers for.
    const list = (await c.page('/console/admin/officers')).html;
    const row = /<tr data-username="citata"[\s\S]*?<\/tr>/.exec(list)![0];
    expect(row).toContain('<code> dinas_pupr</code>');
    const agency = new Client(app().base);
    expect((await agency.login('citata')).status).toBe(303);
    const { html } = await agency.page('/console/agency');
    expect(html).toContain('Diteruskan ke instansi Anda');
    // Its header links only to what it may open: every one answers, none with 403.
    const header = /<header>([\s\S]*?)<\/header>/.exec(html)![1]!;
    const links = [...header.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    expect(links).toEqual(['/console/agency', '/console/agency?lang=en']);
    expect(header).toContain('action="/console/logout"');
    for (const href of links) expect([href, (await agency.fetch(href)).status]).toEqual([href, 200]);
  });

  it('should refuse an agency account without an agency, and an agency on any other role, storing nothing', async () => {
    const c = await adminOnAccounts();
    const none = await c.form('/console/admin/officers', account('tanpa', 'agency', ''));
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Pilih instansi akun ini.');
    const officer = await c.form('/console/admin/officers', account('petugas2', 'officer', 'dinas_pupr'));
    expect(officer.status).toBe(400);
    expect(await officer.text()).toContain('Instansi hanya diisi untuk peran');
    const unknown = await c.form('/console/admin/officers', account('entah', 'agency', 'dinas_entah'));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Instansi tidak dikenal');
    for (const u of ['tanpa', 'petugas2', 'entah']) {
      expect(await app().repos.officers.findByUsername(u)).toBeUndefined();
    }
  });

  it('should refuse a deactivated agency, by the console and by the API', async () => {
    const { repos, base, tokens } = app();
    const sosial = catalog.agencies!.get('dinas_sosial')!;
    await repos.agencyStore.create({ ...sosial, active: false });
    const c = await adminOnAccounts();
    const form = await c.form('/console/admin/officers', account('dinsos', 'agency', 'dinas_sosial'));
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('sudah dinonaktifkan');
    const byApi = await api(
      base,
      tokens.admin,
      'POST',
      '/api/officers',
      account('dinsos', 'agency', 'dinas_sosial'),
    );
    expect(byApi.status).toBe(400);
    expect(await byApi.json()).toMatchObject({
      error: { fields: { agencyId: expect.any(String) as unknown } },
    });
    const other = await api(
      base,
      tokens.admin,
      'POST',
      '/api/officers',
      account('dinsos', 'supervisor', 'dinas_pupr'),
    );
    expect(other.status).toBe(400);
    expect(await repos.officers.findByUsername('dinsos')).toBeUndefined();
  });
});
