import { describe, expect, it } from '@jest/globals';
import { Client, useHttpApp } from './http-fixture.js';

/** A browser reaching Loket through an HTTPS reverse proxy, which adds X-Forwarded-Proto. */
class ProxiedClient extends Client {
  constructor(
    base: string,
    private readonly proto: string,
  ) {
    super(base);
  }

  override fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-proto', this.proto);
    return super.fetch(path, { ...init, headers });
  }
}

const sessionCookie = (res: Response): string | undefined =>
  res.headers.getSetCookie().find((c) => c.startsWith('loket.sid='));

describe('the console behind an HTTPS reverse proxy (TRUST_PROXY, COOKIE_SECURE)', () => {
  const app = useHttpApp('behind_proxy', { secureCookies: true }, { trustProxy: true });

  it('should log in over the proxied https, with a Secure session cookie', async () => {
    const client = new ProxiedClient(app().base, 'https');
    const res = await client.login('budi');
    expect(res.status).toBe(303);
    expect(sessionCookie(res)).toMatch(/; Secure/i);
    const queue = await client.page('/console/queue');
    expect(queue.res.status).toBe(200);
  });

  it('should never hand the session cookie out over plain http', async () => {
    const client = new ProxiedClient(app().base, 'http');
    const res = await client.login('budi');
    expect(sessionCookie(res)).toBeUndefined();
    expect((await client.page('/console/queue')).res.status).not.toBe(200);
  });
});
