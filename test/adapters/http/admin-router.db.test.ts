import { describe, expect, it } from '@jest/globals';
import { api, Client, PASSWORD, useHttpApp } from './http-fixture.js';

const app = useHttpApp('http_admin');
const ID = '65f000000000000000000001';

interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const API_ROUTES: Array<[string, string, unknown?]> = [
  ['POST', `/api/officers/${ID}/active`, { active: false }],
  ['POST', `/api/officers/${ID}/password`, { password: 'kata-sandi-baru-123' }],
  ['POST', `/api/officers/${ID}/tokens`, {}],
  ['POST', `/api/officers/${ID}/tokens/revoke`, {}],
  ['GET', '/api/offices', undefined],
];

const CONSOLE_POSTS = [
  '/console/admin/officers',
  `/console/admin/officers/${ID}/active`,
  `/console/admin/officers/${ID}/password`,
  `/console/admin/officers/${ID}/tokens`,
  `/console/admin/officers/${ID}/tokens/revoke`,
];

async function adminClient(): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login('admin')).status).toBe(303);
  await c.page('/console/admin/officers');
  return c;
}

async function adminEvents(): Promise<string[]> {
  const { items } = await app().repos.events.search({ actorId: app().officerIds.admin! }, { limit: 200 });
  return items.map((e) => e.type);
}

describe('admin routes', () => {
  describe('access', () => {
    it.each(API_ROUTES)(
      'should answer 401 to %s %s without a session or token',
      async (method, path, body) => {
        const res = await api(app().base, undefined, method, path, body);
        expect(res.status).toBe(401);
        expect(((await res.json()) as ApiError).error.code).toBe('unauthorized');
      },
    );

    it.each(API_ROUTES)('should answer 403 to a supervisor on %s %s', async (method, path, body) => {
      const res = await api(app().base, app().tokens.sari, method, path, body);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ApiError).error.code).toBe('forbidden');
    });

    it('should send a visitor to the login page and show a supervisor a 403 page', async () => {
      const anon = new Client(app().base);
      for (const path of ['/console/admin/officers', '/console/admin/offices']) {
        const res = await anon.fetch(path);
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe('/console/login');
      }
      expect((await anon.form('/console/admin/officers', {}, false)).status).toBe(401);
      const sari = new Client(app().base);
      await sari.login('sari');
      expect((await sari.page('/console/admin/officers')).res.status).toBe(403);
      expect((await sari.form('/console/admin/officers', { username: 'x' })).status).toBe(403);
      expect((await sari.page('/console/queue')).html).not.toContain('href="/console/admin/officers"');
    });

    it.each(CONSOLE_POSTS)('should refuse %s without a CSRF token with 403', async (path) => {
      const c = await adminClient();
      const res = await c.form(path, { active: 'false', password: 'kata-sandi-baru-123' }, false);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/CSRF/);
    });

    it('should refuse a session JSON request without a CSRF token', async () => {
      const c = await adminClient();
      const res = await c.json('POST', `/api/officers/${app().officerIds.budi}/tokens/revoke`, {}, false);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ApiError).error.code).toBe('csrf');
    });
  });

  describe('creating an officer in the console', () => {
    it('should show field errors for bad input, keep the typed values but never the password', async () => {
      const c = await adminClient();
      const res = await c.form('/console/admin/officers', {
        username: 'a b',
        displayName: 'Dewi',
        password: 'pendek',
        role: 'officer',
        officeId: '3171',
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Gunakan 3-32 huruf');
      expect(html).toContain('Kata sandi minimal 10 karakter.');
      expect(html).toContain('Kode wilayah tidak valid');
      expect(html).toContain('value="Dewi"');
      expect(html).not.toContain('pendek');
      expect(await app().repos.officers.findByUsername('a b')).toBeUndefined();
    });

    it('should refuse an office outside the admin area and a taken username', async () => {
      const c = await adminClient();
      const outside = await c.form('/console/admin/officers', {
        username: 'luar',
        displayName: 'Luar',
        password: 'kata-sandi-luar-1',
        role: 'officer',
        officeId: '32.73.01.1001',
      });
      expect(outside.status).toBe(403);
      expect(await app().repos.officers.findByUsername('luar')).toBeUndefined();
      const taken = await c.form('/console/admin/officers', {
        username: 'BUDI',
        displayName: 'Budi lagi',
        password: 'kata-sandi-budi-2',
        role: 'officer',
        officeId: '31.71.01.1001',
      });
      expect(taken.status).toBe(409);
      expect(await taken.text()).toContain('Nama pengguna sudah dipakai.');
    });

    it('should create an officer who can then log in, audited as the admin', async () => {
      const c = await adminClient();
      const res = await c.form('/console/admin/officers', {
        username: 'dewi',
        displayName: 'Dewi Lestari',
        password: 'kata-sandi-dewi-1',
        role: 'supervisor',
        officeId: '31.71.01.1002',
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/console/admin/officers?done=created');
      const { html } = await c.page('/console/admin/officers?done=created');
      expect(html).toContain('Akun dibuat.');
      expect(html).toContain('data-username="dewi"');
      const stored = await app().repos.officers.findByUsername('dewi');
      expect(stored).toMatchObject({ role: 'supervisor', officeId: '31.71.01.1002', active: true });
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      const dewi = new Client(app().base);
      expect((await dewi.login('dewi', 'kata-sandi-dewi-1')).status).toBe(303);
      expect(await adminEvents()).toContain('officer.created');
    });
  });

  describe('managing an officer', () => {
    it('should disable and enable an account, cutting its sessions and tokens meanwhile', async () => {
      const { officerIds, tokens, base } = app();
      const budi = new Client(base);
      await budi.login('budi');
      const c = await adminClient();
      expect(
        (await c.form(`/console/admin/officers/${officerIds.budi}/active`, { active: 'false' })).status,
      ).toBe(303);
      expect((await budi.fetch('/console/queue')).status).toBe(302);
      expect((await api(base, tokens.budi, 'GET', '/api/me')).status).toBe(401);
      expect((await new Client(base).login('budi')).status).toBe(401);
      expect((await c.page('/console/admin/officers?done=disabled')).html).toContain('Akun dinonaktifkan.');
      expect(
        (await c.form(`/console/admin/officers/${officerIds.budi}/active`, { active: 'true' })).status,
      ).toBe(303);
      expect((await api(base, tokens.budi, 'GET', '/api/me')).status).toBe(200);
      expect((await new Client(base).login('budi')).status).toBe(303);
      const events = await app().repos.events.search(
        { type: ['officer.disabled', 'officer.enabled'] },
        { limit: 10 },
      );
      expect(events.items.map((e) => [e.type, e.before, e.after])).toEqual([
        [
          'officer.enabled',
          { officerId: officerIds.budi, active: false },
          { officerId: officerIds.budi, active: true },
        ],
        [
          'officer.disabled',
          { officerId: officerIds.budi, active: true },
          { officerId: officerIds.budi, active: false },
        ],
      ]);
    });

    it('should not let an admin disable themself, nor manage another area', async () => {
      const { officerIds, tokens, base } = app();
      const self = await api(base, tokens.admin, 'POST', `/api/officers/${officerIds.admin}/active`, {
        active: false,
      });
      expect(self.status).toBe(409);
      const other = await api(base, tokens.admin, 'POST', `/api/officers/${officerIds.joko}/tokens`, {});
      expect(other.status).toBe(403);
      const missing = await api(base, tokens.admin, 'POST', `/api/officers/${ID}/tokens`, {});
      expect(missing.status).toBe(404);
      const badId = await api(base, tokens.admin, 'POST', '/api/officers/nope/tokens', {});
      expect(badId.status).toBe(404);
    });

    it('should answer 400 with field errors for bad admin input', async () => {
      const { officerIds, tokens, base } = app();
      const active = await api(base, tokens.admin, 'POST', `/api/officers/${officerIds.budi}/active`, {
        active: 'maybe',
      });
      expect(active.status).toBe(400);
      expect(((await active.json()) as ApiError).error.fields).toHaveProperty('active');
      const pw = await api(base, tokens.admin, 'POST', `/api/officers/${officerIds.budi}/password`, {
        password: 'x',
      });
      expect(pw.status).toBe(400);
      expect(((await pw.json()) as ApiError).error.fields).toEqual({
        password: 'Kata sandi minimal 10 karakter.',
      });
      const offices = await api(base, tokens.admin, 'GET', '/api/offices?limit=0');
      expect(offices.status).toBe(400);
      const c = await adminClient();
      const page = await c.form(`/console/admin/officers/${officerIds.sari}/password`, {
        password: 'pendek',
      });
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('Kata sandi minimal 10 karakter.');
    });

    it('should reset a password so only the new one works, without the password in the audit', async () => {
      const { officerIds, base } = app();
      const c = await adminClient();
      const res = await c.form(`/console/admin/officers/${officerIds.sari}/password`, {
        password: 'kata-sandi-sari-baru',
      });
      expect(res.status).toBe(303);
      expect((await new Client(base).login('sari', PASSWORD)).status).toBe(401);
      expect((await new Client(base).login('sari', 'kata-sandi-sari-baru')).status).toBe(303);
      const events = await app().repos.events.search({ type: 'officer.password_reset' }, { limit: 5 });
      expect(events.items[0]).toMatchObject({ after: { officerId: officerIds.sari, locked: false } });
      expect(JSON.stringify(events.items)).not.toContain('kata-sandi-sari-baru');
    });

    it('should issue a token shown once, and revoke all tokens', async () => {
      const { officerIds, base } = app();
      const c = await adminClient();
      const res = await c.form(`/console/admin/officers/${officerIds.budi}/tokens`, {});
      expect(res.status).toBe(200);
      const token = /<code id="new-token">(lkt_[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())?.[1];
      expect(token).toBeDefined();
      expect((await api(base, token, 'GET', '/api/me')).status).toBe(200);
      const revoke = await c.form(`/console/admin/officers/${officerIds.budi}/tokens/revoke`, {});
      expect(revoke.status).toBe(303);
      expect(revoke.headers.get('location')).toBe('/console/admin/officers?done=revoked&n=2');
      expect((await api(base, token, 'GET', '/api/me')).status).toBe(401);
      expect((await api(base, app().tokens.budi, 'GET', '/api/me')).status).toBe(401);
      const viaApi = await api(
        base,
        app().tokens.admin,
        'POST',
        `/api/officers/${officerIds.budi}/tokens`,
        {},
      );
      expect(viaApi.status).toBe(201);
      const { token: fresh } = (await viaApi.json()) as { token: string };
      expect((await api(base, fresh, 'GET', '/api/me')).status).toBe(200);
      const revoked = await api(
        base,
        app().tokens.admin,
        'POST',
        `/api/officers/${officerIds.budi}/tokens/revoke`,
        {},
      );
      expect(await revoked.json()).toEqual({ revoked: 1 });
      expect(await adminEvents()).toEqual(
        expect.arrayContaining(['officer.token_issued', 'officer.tokens_revoked', 'officer.password_reset']),
      );
    });
  });

  describe('offices', () => {
    it('should list the admin area offices read-only, searchable', async () => {
      const { tokens, base } = app();
      const all = (await (await api(base, tokens.admin, 'GET', '/api/offices')).json()) as {
        items: Array<{ id: string }>;
        total: number;
      };
      expect(all.items.map((o) => o.id)).toEqual(['31.71', '31.71.01', '31.71.01.1001', '31.71.01.1002']);
      const cideng = (await (await api(base, tokens.admin, 'GET', '/api/offices?q=cideng')).json()) as {
        items: Array<{ id: string }>;
      };
      expect(cideng.items.map((o) => o.id)).toEqual(['31.71.01.1002']);
      const c = await adminClient();
      const { res, html } = await c.page('/console/admin/offices');
      expect(res.status).toBe(200);
      expect(html).toContain('Cideng');
      // Levels and hours in words, Monday first, not `kelurahan` and `mon 08:00-15:00`.
      expect(html).toContain('<td>Kelurahan/Desa</td>');
      expect(html).toContain('<td>Kabupaten/Kota</td>');
      expect(html).toContain('<small>Senin–Jumat 08:00–15:00</small>');
      expect(html).not.toContain('mon 08:00');
      const en = await c.page('/console/admin/offices?lang=en');
      expect(en.html).toContain('<td>Village (kelurahan/desa)</td>');
      expect(en.html).toContain('<small>Monday–Friday 08:00–15:00</small>');
    });
  });
});
