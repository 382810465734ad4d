import { beforeAll, describe, expect, it } from '@jest/globals';
import { issueSetupToken, SETUP_TOKEN_TTL_MS } from '../../../src/app/officer/first-admin.js';
import { Client, useHttpApp } from './http-fixture.js';

/** The first-run page on a database without officers: the one-time link, its form, its death. */
const app = useHttpApp('setup_page');
const GOOD = {
  username: 'admin.desa',
  displayName: 'Admin Desa Sukamaju',
  password: 'pohon-mangga-di-balai-desa',
  password2: 'pohon-mangga-di-balai-desa',
  officeId: '31.71.01.1001',
};

beforeAll(async () => {
  await app().conn.collection('officers').deleteMany({});
});

/** A fresh link, as a start-up would print it, issued at `at`. */
async function link(at = new Date()): Promise<string> {
  await app().repos.setupTokens.clear();
  const r = await issueSetupToken({ ...app().repos, now: () => at });
  if (r.kind !== 'issued') throw new Error(r.kind);
  return r.token;
}

async function opened(token: string): Promise<{ c: Client; html: string; status: number }> {
  const c = new Client(app().base);
  const { res, html } = await c.page(`/console/setup?token=${token}`);
  return { c, html, status: res.status };
}

describe('first-run setup page', () => {
  it('should say on the login page how to begin while no officer exists', async () => {
    const { html } = await new Client(app().base).page('/console/login');
    expect(html).toContain('Belum ada akun petugas');
    expect(html).toContain('No officer account yet');
    expect(html.indexOf('Belum ada akun')).toBeLessThan(html.indexOf('No officer account'));
  });

  it('should open the form with a good token, and one 410 page for a wrong, missing or expired one', async () => {
    const token = await link();
    const good = await opened(token);
    expect(good.status).toBe(200);
    expect(good.html).toContain('name="officeId"');
    expect(good.html).toContain('31.71.01.1001');
    for (const bad of ['salah', '', `${token}x`]) {
      const page = await opened(bad);
      expect([bad, page.status]).toEqual([bad, 410]);
      expect(page.html).toContain('tidak berlaku');
    }
    const old = await link(new Date(Date.now() - SETUP_TOKEN_TTL_MS - 60_000));
    expect((await opened(old)).status).toBe(410);
  });

  it('should answer 400 naming the field for a weak password, a mismatch or a missing field', async () => {
    const token = await link();
    const { c } = await opened(token);
    const weak = await c.form('/console/setup', {
      ...GOOD,
      token,
      password: 'password1234',
      password2: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('terlalu mudah ditebak');
    const mismatch = await c.form('/console/setup', {
      ...GOOD,
      token,
      password2: 'lain-sekali-kata-sandinya',
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('tidak sama');
    const missing = await c.form('/console/setup', { ...GOOD, token, displayName: '', officeId: '' });
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain('Nama wajib diisi');
    expect(html).toContain('Pilih kantor');
    expect(html).toContain('value="admin.desa"');
    expect(html).not.toContain(GOOD.password);
    expect((await opened(token)).status).toBe(200);
  });

  it('should refuse a post without its CSRF token', async () => {
    const token = await link();
    const { c } = await opened(token);
    expect((await c.form('/console/setup', { ...GOOD, token }, false)).status).toBe(403);
    expect((await opened(token)).status).toBe(200);
  });

  it('should create the admin, log them in, and kill the link', async () => {
    const token = await link();
    const { c } = await opened(token);
    const res = await c.form('/console/setup', { ...GOOD, token });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/queue');
    const queue = await c.page('/console/queue');
    expect(queue.res.status).toBe(200);
    expect(queue.html).toContain('Admin Desa Sukamaju');
    expect((await opened(token)).status).toBe(410);
    // The logged-in tab (a valid CSRF token) posting the used link again.
    const second = await c.form('/console/setup', { ...GOOD, token, username: 'admin.kedua' });
    expect(second.status).toBe(410);
    expect(await app().repos.officers.list()).toHaveLength(1);
    const { html } = await new Client(app().base).page('/console/login');
    expect(html).not.toContain('Belum ada akun petugas');
  });
});
