import { describe, expect, it } from '@jest/globals';
import session from 'express-session';
import { Client, useHttpApp } from './http-fixture.js';

/** A session store whose database stops deleting sessions when told to (it went away mid-logout). */
class StoreThatCannotDelete extends session.MemoryStore {
  broken = false;
  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    if (this.broken) callback?.(new Error('connection closed'));
    else super.destroy(sid, callback);
  }
}
const store = new StoreThatCannotDelete();

describe('logging out while the session store fails', () => {
  const app = useHttpApp('logout_store_down', { sessionStore: store });

  it('should still log the browser out (cookie cleared, back to the login page), not answer 500', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    expect((await c.fetch('/console/queue')).status).toBe(200);
    store.broken = true;
    const res = await c.form('/console/logout', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/login');
    expect(res.headers.getSetCookie().some((s) => /^loket\.sid=;/.test(s))).toBe(true);
    expect((await c.fetch('/console/queue')).status).toBe(302);
  });
});
