import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { changeApplicationStatus } from '../../src/app/officer/change-status.js';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import type { OfficerActor } from '../../src/app/officer/officer-actor.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import type { Application } from '../../src/domain/application.js';
import { start, type Running } from '../../src/main.js';
import type { FailoverSender } from '../../src/main/whatsapp-failover.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { Client } from '../adapters/http/http-fixture.js';
import { CITIZEN_JID, fakeSockets, waitFor } from '../adapters/whatsapp/helpers.js';
import { serverEnv } from '../support/db.js';
import { FakeGraphApi } from '../support/fake-graph-api.js';
import { expectSends, templateMessage } from '../support/graph-expect.js';

const TOKEN = 'EAAGfakeCloudToken1234567890';
const PHONE_ID = '106540352242922';
const PASSWORD = 'kata-sandi-uji-123';
const NUMBER = CITIZEN_JID.replace(/@.*$/, '');
const MINUTE = 60_000;

async function waitForAsync<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The whole server with both WhatsApp numbers: Baileys (a fake socket) and the Cloud API (a fake
 * Graph API). The Baileys number is logged out, the failover minutes pass, and an officer's
 * status changes reach the citizen through the Cloud API: the new-number template once (also
 * after a restart), each status notice as the status template (the citizen never wrote to the
 * Cloud number, so its 24-hour window is closed).
 */
describe('WhatsApp failover to the Cloud API number, end to end', () => {
  const graph = new FakeGraphApi(TOKEN, PHONE_ID);
  const sockets = fakeSockets();
  // Shifted forward to let the failover minutes pass; every part of a server reads this clock.
  const clock = { offset: 0 };
  const now = () => new Date(Date.now() + clock.offset);
  let config: Config;
  let running: Running;
  let admin: OfficerActor;
  let app: Application;

  /**
   * A server whose Baileys session has been logged out for longer than the failover minutes.
   * The session dates its states by the wall clock, the rest of the server by `now`: the first
   * start checks the minutes are waited for; a restart finds the clock already moved on.
   */
  async function startFailedOver(first: boolean): Promise<Running> {
    const r = await start(config, createLogger('silent'), {
      whatsappSocketFactory: sockets.factory,
      runtime: { now },
    });
    const sock = sockets.last();
    sock.open();
    sock.close(401, 'Intentional Logout');
    await waitFor(() => (r.whatsapp!.session.status().state !== 'open' ? true : undefined));
    const failover = r.senders.get('whatsapp') as FailoverSender;
    if (first) {
      expect(failover.path()).toBe('baileys');
      clock.offset += 16 * MINUTE;
    }
    expect(failover.path()).toBe('cloud');
    return r;
  }

  beforeAll(async () => {
    config = loadConfig(
      serverEnv('wa_failover', {
        WHATSAPP_ENABLED: 'true',
        WHATSAPP_SEND_INTERVAL_MS: '0',
        OUTBOX_INTERVAL_MS: '200',
        WHATSAPP_CLOUD_TOKEN: TOKEN,
        WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_ID,
        WHATSAPP_CLOUD_APP_SECRET: 'appsecret0123456789abcdef',
        WHATSAPP_CLOUD_VERIFY_TOKEN: 'verify-token-of-the-office',
        WHATSAPP_CLOUD_API_ROOT: await graph.listen(),
        WHATSAPP_FAILOVER_MINUTES: '15',
      }),
    );
    running = await startFailedOver(true);
    const o = await createOfficer(
      { ...running.loket.repos, now },
      { username: 'admin', displayName: 'Admin Loket', password: PASSWORD, role: 'admin', officeId: '31.71' },
      { kind: 'system', id: 'test' },
    );
    admin = {
      id: o.id,
      username: o.username,
      displayName: o.displayName,
      role: o.role,
      officeId: o.officeId,
    };
    app = await running.loket.repos.applications.create(
      newApplication({
        applicant: {
          name: 'Siti Rahmawati',
          nik: '3171014708900003',
          phone: '081234567890',
          contact: { channel: 'whatsapp', chatId: CITIZEN_JID },
        },
      }),
      sequentialNumbers(8800),
    );
  }, 60_000);

  afterAll(async () => {
    await running?.conn.dropDatabase().catch(() => undefined);
    await running?.stop();
    await graph.close();
  });

  /** Changes the status and waits until its notice's outbound record is settled. */
  async function change(to: Application['status']): Promise<void> {
    const r = await changeApplicationStatus(
      { ...running.loket.repos, push: running.loket.push, now },
      admin,
      {
        applicationId: app.id,
        to,
      },
    );
    const key = `status:${app.id}:${r.application.version}`;
    const outbox = running.conn.collection('outbox');
    const row = await waitForAsync(async () => {
      const doc = await outbox.findOne({ _id: key as never });
      return doc && doc.status !== 'pending' && doc.status !== 'sending' ? doc : undefined;
    }, 15_000);
    expect(row).toMatchObject({ channel: 'whatsapp', chatId: CITIZEN_JID, status: 'sent' });
  }

  const newNumber = templateMessage(NUMBER, 'loket_nomor_baru');
  const statusTemplate = (status: string) =>
    templateMessage(NUMBER, 'loket_status_update', [app.trackingNumber, status, '10 Maret 2025']);

  it('should tell the citizen of the new number once, then send the status as the template', async () => {
    await change('IN_REVIEW');
    expectSends(graph, graph.calls, [newNumber, statusTemplate('Sedang diperiksa petugas')]);
    expect(sockets.sockets.flatMap((s) => s.sent)).toEqual([]);
  }, 30_000);

  it('should send the next status as the template again, without a second new-number message', async () => {
    const before = graph.calls.length;
    await change('APPROVED');
    expectSends(graph, graph.calls.slice(before), [statusTemplate('Disetujui, sedang disiapkan')]);
  }, 30_000);

  it("should show the Cloud API path on the console's WhatsApp page", async () => {
    const c = new Client(`http://127.0.0.1:${running.port}`);
    expect((await c.login('admin', PASSWORD)).status).toBe(303);
    const { res, html } = await c.page('/console/whatsapp');
    expect(res.status).toBe(200);
    expect(html).toContain('data-send-path="cloud"');
    expect(html).toContain('WhatsApp Business Platform');
  });

  it('should not tell the citizen again after a restart on the same database', async () => {
    await running.stop();
    running = await startFailedOver(false);
    const before = graph.calls.length;
    await change('READY_FOR_PICKUP');
    expectSends(graph, graph.calls.slice(before), [statusTemplate('Siap diambil di kantor')]);
  }, 60_000);
});
