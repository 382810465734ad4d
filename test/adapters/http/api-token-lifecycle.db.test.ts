import { describe, expect, it } from '@jest/globals';
import { hashApiToken, issueApiToken } from '../../../src/app/officer/api-tokens.js';
import { api, Client, useHttpApp } from './http-fixture.js';

/** The app's clock: moved forward to age tokens; sessions and cookies keep real time. */
let offsetMs = 0;
const app = useHttpApp('api_token_lifecycle', { now: () => new Date(Date.now() + offsetMs) });
const DAY = 86_400_000;

async function tokenCount(): Promise<number> {
  return app().conn.db!.collection('api_tokens').countDocuments();
}

describe('an expired API token', () => {
  it('should be refused with 401 saying it expired, and change nothing', async () => {
    const f = app();
    const budi = (await f.repos.officers.findByUsername('budi'))!;
    const token = await issueApiToken(f.deps, budi);
    expect((await api(f.base, token, 'GET', '/api/me')).status).toBe(200);
    offsetMs = 91 * DAY;
    try {
      const before = await tokenCount();
      const res = await api(f.base, token, 'POST', '/api/me/tokens', {});
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('token_expired');
      expect(body.error.message).toMatch(/kedaluwarsa.*expired/);
      expect(await tokenCount()).toBe(before);
    } finally {
      offsetMs = 0;
    }
  });
});

describe('revoking one token in the console', () => {
  it('should refuse that token while another of the same officer still works', async () => {
    const f = app();
    const budi = (await f.repos.officers.findByUsername('budi'))!;
    const kept = await issueApiToken(f.deps, budi);
    const doomed = await issueApiToken(f.deps, budi);
    const c = new Client(f.base);
    expect((await c.login('budi')).status).toBe(303);
    const { res, html } = await c.page('/console/tokens');
    expect(res.status).toBe(200);
    expect(html).toContain(doomed.slice(0, 10));
    expect(html).not.toContain(doomed);
    const row = (await f.repos.apiTokens.listByOfficer(budi.id)).find((t) => doomed.startsWith(t.prefix))!;
    expect(row.prefix).toBe(doomed.slice(0, 10));

    const forged = await c.form(`/console/tokens/${row.id}/revoke`, {}, false);
    expect(forged.status).toBe(403);
    expect((await api(f.base, doomed, 'GET', '/api/me')).status).toBe(200);

    const done = await c.form(`/console/tokens/${row.id}/revoke`, {});
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/console/tokens?done=revoked');
    const refused = await api(f.base, doomed, 'GET', '/api/me');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'token_revoked' } });
    expect((await api(f.base, kept, 'GET', '/api/me')).status).toBe(200);
    const events = await f.conn.db!.collection('events').find({ type: 'officer.token_revoked' }).toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { kind: 'officer', id: budi.id } });
    expect(JSON.stringify(events)).not.toContain(doomed);
  });

  it('should list and revoke one token through the API, without showing secrets', async () => {
    const f = app();
    const budi = (await f.repos.officers.findByUsername('budi'))!;
    const token = await issueApiToken(f.deps, budi);
    const other = await issueApiToken(f.deps, budi);
    const list = (await (await api(f.base, token, 'GET', '/api/me/tokens')).json()) as {
      items: Array<{ id: string; prefix: string; state: string; expiresAt: string }>;
    };
    expect(JSON.stringify(list)).not.toContain(token);
    expect(JSON.stringify(list)).not.toMatch(/hash/);
    const row = list.items.find((t) => token.startsWith(t.prefix))!;
    expect(row.state).toBe('active');
    const res = await api(f.base, other, 'POST', `/api/tokens/${row.id}/revoke`, {});
    expect(res.status).toBe(200);
    expect((await api(f.base, token, 'GET', '/api/me')).status).toBe(401);
    expect((await api(f.base, other, 'GET', '/api/me')).status).toBe(200);
    const joko = f.tokens.joko!;
    const otherRow = (await f.repos.apiTokens.findByHash(hashApiToken(other)))!;
    const refused = await api(f.base, joko, 'POST', `/api/tokens/${otherRow.id}/revoke`, {});
    expect(refused.status).toBe(403);
  });

  it("should let an admin list and revoke an officer's token, and no other officer", async () => {
    const f = app();
    const budi = (await f.repos.officers.findByUsername('budi'))!;
    const token = await issueApiToken(f.deps, budi);
    const row = (await f.repos.apiTokens.findByHash(hashApiToken(token)))!;
    const joko = new Client(f.base);
    await joko.login('joko');
    expect((await joko.form(`/console/tokens/${row.id}/revoke`, {})).status).toBe(403);
    expect((await joko.page(`/console/admin/officers/${budi.id}/tokens`)).res.status).toBe(403);
    expect((await api(f.base, token, 'GET', '/api/me')).status).toBe(200);

    const admin = new Client(f.base);
    await admin.login('admin');
    const { res, html } = await admin.page(`/console/admin/officers/${budi.id}/tokens`);
    expect(res.status).toBe(200);
    expect(html).toContain(row.prefix);
    const done = await admin.form(`/console/tokens/${row.id}/revoke`, {});
    expect(done.headers.get('location')).toBe(`/console/admin/officers/${budi.id}/tokens?done=revoked`);
    expect((await api(f.base, token, 'GET', '/api/me')).status).toBe(401);
  });
});
