import { describe, expect, it } from '@jest/globals';
import type { WhatsAppSession, WhatsAppStatus } from '../../../src/ports/whatsapp-session.js';
import { api, Client, useHttpApp } from './http-fixture.js';

/** A session port double: the page only reads the port, so no WhatsApp adapter is needed here. */
class FakeSession implements WhatsAppSession {
  snapshot: WhatsAppStatus = {
    state: 'pairing',
    since: new Date('2026-11-23T02:00:00Z'),
    qr: '2@abcdefghijklmnopqrstuvwxyz0123456789,ABCDEFGHIJKLMNOP=,qrstuvwxyz=,1234567890=',
    lastDisconnect: {
      code: 401,
      reason: 'loggedOut: Connection Failure',
      at: new Date('2026-11-23T01:59:00Z'),
    },
    reconnects: 0,
    badMacCount: 7,
    leaseHolder: 'server-a:123:abc',
    leaseOurs: true,
    alert: 'WhatsApp keluar (logged out) pada 2026-11-23 01:59 UTC: pindai kode QR baru.',
  };
  calls: string[] = [];
  status() {
    return this.snapshot;
  }
  requestPairingCode(phone: string) {
    this.calls.push(`code:${phone}`);
    if (!/^\+?\d[\d -]{7,}$/.test(phone)) {
      const err = new Error('Nomor HP tidak valid. Tulis dengan kode negara, misalnya 6281234567890.');
      err.name = 'WhatsAppSessionError';
      return Promise.reject(err);
    }
    this.snapshot = { ...this.snapshot, pairingCode: 'WXYZ5678' };
    return Promise.resolve('WXYZ5678');
  }
  restart() {
    this.calls.push('restart');
    return Promise.resolve();
  }
  unpair() {
    this.calls.push('unpair');
    return Promise.resolve();
  }
}

const session = new FakeSession();
const app = useHttpApp('wa_admin', { whatsapp: session });

describe('WhatsApp admin page (/console/whatsapp)', () => {
  it('should refuse officers and supervisors', async () => {
    for (const user of ['budi', 'sari']) {
      const c = new Client(app().base);
      await c.login(user);
      expect((await c.page('/console/whatsapp')).res.status).toBe(403);
      expect((await c.fetch('/console/whatsapp/status.json')).status).toBe(403);
      expect((await c.form('/console/whatsapp/restart', {})).status).toBe(403);
    }
    expect(session.calls).toEqual([]);
  });

  it('should show admins the health, the alert and the QR as an SVG image under the strict CSP', async () => {
    const c = new Client(app().base);
    await c.login('admin');
    const { res, html } = await c.page('/console/whatsapp');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toMatch(/img-src 'self' data:/);
    const qr = /<div class="qr"><img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1];
    expect(Buffer.from(qr ?? '', 'base64').toString('utf8')).toMatch(/^<svg[^>]*>[\s\S]*<path/);
    expect(html).not.toMatch(/<script(?! src="\/console\/assets\/)/);
    expect(html).toContain('role="alert">WhatsApp keluar (logged out)');
    expect(html).toContain('401: loggedOut: Connection Failure');
    expect(html).toContain('<td>7</td>');
    expect(html).toContain('server-a:123:abc');
    const json = (await (await c.fetch('/console/whatsapp/status.json')).json()) as WhatsAppStatus;
    expect(json).toMatchObject({ state: 'pairing', badMacCount: 7 });
  });

  it('should show what the session reports as text, never as markup', async () => {
    const before = session.snapshot;
    session.snapshot = {
      ...before,
      alert: '<script>alert(1)</script>',
      lastDisconnect: { code: 428, reason: '"><img src=x onerror=alert(1)>', at: new Date() },
      leaseHolder: '<b>host</b>',
      leaseOurs: false,
    };
    try {
      const c = new Client(app().base);
      await c.login('admin');
      const { html } = await c.page('/console/whatsapp');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toMatch(/<img src=x/);
      expect(html).not.toContain('<b>host');
      expect(html).toContain('role="alert">&lt;script>alert(1)&lt;/script></p>');
      expect(html).toContain('<td>&lt;b>host&lt;/b> </td>');
    } finally {
      session.snapshot = before;
    }
  });

  it('should ask for a pairing code, refusing a bad number with a clear message', async () => {
    const c = new Client(app().base);
    await c.login('admin');
    await c.page('/console/whatsapp');
    const bad = await c.form('/console/whatsapp/pairing-code', { phone: 'nomor saya' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Nomor HP tidak valid');
    const good = await c.form('/console/whatsapp/pairing-code', { phone: '6281234567890' });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('<strong class="pairing-code">WXYZ5678</strong>');
    expect((await c.form('/console/whatsapp/pairing-code', { phone: '628123' }, false)).status).toBe(403);
  });

  it('should restart, and unlink only when the admin confirms', async () => {
    const c = new Client(app().base);
    await c.login('admin');
    await c.page('/console/whatsapp');
    session.calls = [];
    const restart = await c.form('/console/whatsapp/restart', {});
    expect(restart.status).toBe(303);
    expect(restart.headers.get('location')).toBe('/console/whatsapp?done=restart');
    const unconfirmed = await c.form('/console/whatsapp/unpair', {});
    expect(unconfirmed.status).toBe(400);
    expect(session.calls).toEqual(['restart']);
    const confirmed = await c.form('/console/whatsapp/unpair', { confirm: 'yes' });
    expect(confirmed.status).toBe(303);
    expect(session.calls).toEqual(['restart', 'unpair']);
  });
});

describe('audit of the WhatsApp admin actions', () => {
  type Row = { type: string; at: string; actor: { id: string; name?: string }; data?: { phone?: string } };
  const audit = async (type: string) => {
    const res = await api(app().base, app().tokens.admin, 'GET', `/api/audit?type=${type}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Row[] }).items;
  };

  it('should write one audit entry per action (who, when, what), the pairing number masked, never the code', async () => {
    const types = ['whatsapp.restarted', 'whatsapp.unpaired', 'whatsapp.pairing_code_requested'];
    const before = await Promise.all(types.map(async (t) => (await audit(t)).length));
    const c = new Client(app().base);
    await c.login('admin');
    await c.page('/console/whatsapp');
    const started = Date.now();
    expect((await c.form('/console/whatsapp/restart', {})).status).toBe(303);
    expect((await c.form('/console/whatsapp/unpair', {})).status).toBe(400); // not confirmed: nothing done
    expect((await c.form('/console/whatsapp/unpair', { confirm: 'yes' })).status).toBe(303);
    expect((await c.form('/console/whatsapp/pairing-code', { phone: 'nomor saya' })).status).toBe(400);
    expect((await c.form('/console/whatsapp/pairing-code', { phone: '0812-3456-7890' })).status).toBe(200);

    const after = await Promise.all(types.map((t) => audit(t)));
    expect(after.map((rows) => rows.length)).toEqual(before.map((n) => n + 1));
    for (const [newest] of after) {
      expect(newest?.actor).toMatchObject({ id: app().officerIds.admin, name: 'ADMIN (admin)' });
      expect(Date.parse(newest!.at)).toBeGreaterThanOrEqual(started - 1000);
    }
    const pairing = after[2]![0]!;
    expect(pairing.data).toEqual({ phone: '********7890' });
    const json = JSON.stringify(after);
    expect(json).not.toContain('081234567890');
    expect(json).not.toContain('WXYZ5678');
    // The console audit page offers the new actions and lists them.
    const { html } = await c.page('/console/audit?type=whatsapp.pairing_code_requested');
    expect(html).toContain('<option value="whatsapp.unpaired"');
    expect(html).toContain('********7890');
  });
});

describe('WhatsApp alert banner on every console page', () => {
  const banner = (html: string) => /<p class="flash[^"]*whatsapp-banner"[^>]*>.*?<\/p>/.exec(html)?.[0];
  const withState = async (
    state: WhatsAppStatus['state'],
    run: () => Promise<void>,
    more: Partial<WhatsAppStatus> = {},
  ) => {
    const before = session.snapshot;
    session.snapshot = { ...before, state, ...more };
    try {
      await run();
    } finally {
      session.snapshot = before;
    }
  };

  it('should alert admins on every page while a person is needed, in the console language, with a link', async () => {
    const c = new Client(app().base);
    await c.login('admin');
    for (const state of ['logged_out', 'conflict', 'failed'] as const)
      await withState(state, async () => {
        for (const path of [
          '/console/queue',
          '/console/applications',
          '/console/dashboard',
          '/console/admin/officers',
        ]) {
          const { html } = await c.page(path);
          const line = banner(html);
          expect(line).toContain('role="alert"');
          expect(line).toContain('WhatsApp perlu tindakan');
          expect(line).toContain('<a href="/console/whatsapp">Buka sesi WhatsApp</a>');
        }
      });
    await withState('conflict', async () => {
      const { html } = await c.page('/console/queue?lang=en');
      expect(banner(html)).toContain('WhatsApp needs attention:</strong> Conflict: opened elsewhere.');
      expect(banner(html)).toContain('Open the WhatsApp session');
      // The session page shows its own alert; no second one on top.
      expect(banner((await c.page('/console/whatsapp')).html)).toBeUndefined();
    });
    for (const state of ['open', 'pairing', 'reconnecting', 'standby'] as const)
      await withState(state, async () => {
        expect(banner((await c.page('/console/queue')).html)).toBeUndefined();
      });
  });

  it("should alert on a process standing by when the holder's session needs a person", async () => {
    const c = new Client(app().base);
    await c.login('admin');
    const holder = { leaseHolder: 'server-a', leaseOurs: false };
    await withState(
      'standby',
      async () => {
        expect(banner((await c.page('/console/queue')).html)).toContain(
          'WhatsApp perlu tindakan:</strong> Keluar (perlu dipasangkan ulang).',
        );
        const { html } = await c.page('/console/whatsapp');
        expect(html).toContain(
          'server-a (<span data-holder-state="logged_out">Keluar (perlu dipasangkan ulang)</span>)',
        );
      },
      { ...holder, holderState: 'logged_out' },
    );
    await withState(
      'standby',
      async () => expect(banner((await c.page('/console/queue')).html)).toBeUndefined(),
      { ...holder, holderState: 'open' },
    );
  });

  it('should tell supervisors to ask an admin and officers only that WhatsApp messages cannot go out', async () => {
    await withState('logged_out', async () => {
      const sari = new Client(app().base);
      await sari.login('sari');
      const sup = banner((await sari.page('/console/dashboard')).html);
      expect(sup).toContain('role="alert"');
      expect(sup).toContain('Minta admin menyambungkannya lagi.');
      expect(sup).not.toContain('href="/console/whatsapp"');

      const budi = new Client(app().base);
      expect(banner((await budi.page('/console/login')).html)).toBeUndefined();
      await budi.login('budi');
      const line = banner((await budi.page('/console/queue')).html);
      expect(line).toContain('role="status"');
      expect(line).toContain('WhatsApp sedang tidak tersambung');
      expect(line).not.toContain('href="/console/whatsapp"');
      expect(banner((await budi.page('/console/queue?lang=en')).html)).toContain('WhatsApp is not connected');
    });
  });
});
