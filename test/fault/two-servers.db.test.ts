import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMongoLeases } from '../../src/adapters/mongo/mongo-lease.js';
import { createMongoRetentionStore } from '../../src/adapters/mongo/mongo-retention-store.js';
import { changeApplicationStatus } from '../../src/app/officer/change-status.js';
import { noticeOverdue } from '../../src/app/officer/notice-overdue.js';
import { RETENTION_LEASE, runRetention, type RetentionDeps } from '../../src/app/officer/retention.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import type { Application } from '../../src/domain/application.js';
import { start, type Running } from '../../src/main.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { budi } from '../app/officer/support.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { TOKEN, waitUntil } from '../../scripts/support/processes.js';
import { plain } from '../../scripts/support/fake-chat.js';

const logger = createLogger('silent');
const DAY = 86_400_000;
const numbers = sequentialNumbers(8100);

/**
 * Two whole servers (`start()`) on one database, as behind a load balancer: both run the
 * notification worker (every 100 ms), the retention job and the SLA check. A status notice
 * reaches the citizen once, an overdue application is reported once, and personal data is erased
 * by one process at a time, each application once.
 */
describe('two server processes on one database', () => {
  const api = new FakeBotApi(TOKEN);
  const servers: Running[] = [];

  beforeAll(async () => {
    const env = serverEnv('fault_two', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: await api.listen(),
      // Webhook mode: neither polls, both send.
      TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'rahasia-webhook-1234567890',
      OUTBOX_INTERVAL_MS: '100',
    });
    servers.push(await start(loadConfig(env), logger));
    servers.push(await start(loadConfig(env), logger));
  }, 60_000);

  afterAll(async () => {
    await servers[0]?.conn.dropDatabase().catch(() => undefined);
    for (const s of servers) await s.stop();
    await api.close();
  });

  const officerDeps = (s: Running) => ({ ...s.loket.repos, push: s.loket.push, now: () => new Date() });

  it('should deliver every status notice exactly once while both notification workers run', async () => {
    const apps: Application[] = [];
    for (let i = 0; i < 6; i++) {
      apps.push(
        await servers[0]!.loket.repos.applications.create(
          newApplication({
            applicant: {
              name: 'Siti Rahmawati',
              nik: '3171014708900003',
              phone: '081234567890',
              contact: { channel: 'telegram', chatId: String(9100 + i) },
            },
          }),
          numbers,
        ),
      );
    }
    // Officers on either server move each application twice.
    for (const [i, app] of apps.entries()) {
      const deps = officerDeps(servers[i % 2]!);
      await changeApplicationStatus(deps, budi, { applicationId: app.id, to: 'IN_REVIEW' });
      await changeApplicationStatus(officerDeps(servers[(i + 1) % 2]!), budi, {
        applicationId: app.id,
        to: 'APPROVED',
      });
    }
    const outbox = servers[0]!.conn.collection('outbox');
    await waitUntil(
      'every notice to be marked sent',
      async () => (await outbox.countDocuments({ status: 'sent' })) === apps.length * 2,
      60_000,
    );
    // Marked sent, a row is never claimed again: what the fake saw is final.
    expect(await outbox.countDocuments({})).toBe(apps.length * 2);
    for (const app of apps) {
      const notices = api.sent.filter((m) => plain(m.text).includes(app.trackingNumber));
      expect(notices.map((m) => Number(m.chat_id))).toEqual([
        Number(app.applicant.contact!.chatId),
        Number(app.applicant.contact!.chatId),
      ]);
      expect(notices.filter((m) => /Sedang diperiksa/.test(plain(m.text)))).toHaveLength(1);
      expect(notices.filter((m) => !/Sedang diperiksa/.test(plain(m.text)))).toHaveLength(1);
    }
  }, 90_000);

  it('should tell the citizen of an overdue application once when both servers run the SLA check at once', async () => {
    const app = await servers[0]!.loket.repos.applications.create(
      newApplication({
        status: 'IN_REVIEW',
        slaDueAt: new Date(Date.now() - 2 * DAY),
        applicant: {
          name: 'Siti Rahmawati',
          nik: '3171014708900003',
          contact: { channel: 'telegram', chatId: '9150' },
        },
      }),
      numbers,
    );
    const check = (s: Running, holder: string) =>
      noticeOverdue({
        ...s.loket.repos,
        leases: createMongoLeases(s.conn),
        holder,
        now: () => new Date(),
      });
    const reports = await Promise.all([check(servers[0]!, 'server-a'), check(servers[1]!, 'server-b')]);
    // The applications approved above are overdue too (due in 2025): each is reported once.
    const reported = await servers[0]!.conn
      .collection('events')
      .find({ type: 'application.overdue' })
      .toArray();
    expect(reports[0].noticed + reports[1].noticed).toBe(reported.length);
    expect(new Set(reported.map((e) => String(e.applicationId))).size).toBe(reported.length);
    const outbox = servers[0]!.conn.collection('outbox');
    await waitUntil(
      'the overdue notice to be sent',
      async () => (await outbox.countDocuments({ _id: `overdue:${app.id}` as never, status: 'sent' })) === 1,
      30_000,
    );
    const told = api.sent.filter((m) =>
      plain(m.text).includes(`Mohon maaf, permohonan ${app.trackingNumber}`),
    );
    expect(told.map((m) => Number(m.chat_id))).toEqual([9150]);
    const events = await servers[1]!.loket.repos.events.listForApplication(app.id);
    expect(events.filter((e) => e.type === 'application.overdue')).toHaveLength(1);
  }, 60_000);

  describe('retention', () => {
    const retentionDeps = (s: Running, holder: string): RetentionDeps => ({
      applications: s.loket.repos.applications,
      retention: createMongoRetentionStore(s.conn, s.loket.repos.cipher),
      documents: s.loket.repos.documents,
      events: s.loket.repos.events,
      leases: createMongoLeases(s.conn),
      flows: s.loket.catalog.flows,
      retentionDays: 365,
      holder,
      now: () => new Date(),
    });

    /** A KTP application completed 400 days ago, past RETENTION_DAYS (365). */
    const oldCompleted = (n: number) => {
      const done = new Date(Date.now() - 400 * DAY);
      const created = new Date(done.getTime() - 20 * DAY);
      return servers[0]!.loket.repos.applications.create(
        newApplication({
          status: 'COMPLETED',
          documents: [],
          applicant: {
            name: `Warga ${n}`,
            nik: '3171014708900003',
            phone: '081234567890',
            contact: { channel: 'telegram', chatId: String(9200 + n) },
          },
          statusHistory: [
            { from: null, to: 'SUBMITTED', at: created, by: { kind: 'citizen', id: `telegram:${9200 + n}` } },
            { from: 'SUBMITTED', to: 'COMPLETED', at: done, by: { kind: 'officer', id: budi.id } },
          ],
          createdAt: created,
          updatedAt: done,
        }),
        numbers,
      );
    };

    it('should not run on one server while the other holds the retention lease', async () => {
      const a = await oldCompleted(1);
      const leaseA = createMongoLeases(servers[0]!.conn);
      expect((await leaseA.acquire(RETENTION_LEASE, 'server-a', 60_000)).acquired).toBe(true);
      try {
        const report = await runRetention(retentionDeps(servers[1]!, 'server-b'));
        expect(report.ran).toBe(false);
        expect((await servers[1]!.loket.repos.applications.findById(a.id))?.erasedAt).toBeUndefined();
      } finally {
        await leaseA.release(RETENTION_LEASE, 'server-a');
      }
    });

    it('should erase each application once when both servers run retention at once', async () => {
      for (let n = 2; n <= 5; n++) await oldCompleted(n);
      const reports = await Promise.all([
        runRetention(retentionDeps(servers[0]!, 'server-a')),
        runRetention(retentionDeps(servers[1]!, 'server-b')),
      ]);
      expect(reports.some((r) => r.ran)).toBe(true);
      expect(reports[0].erased + reports[1].erased).toBe(5);
      const erased = await servers[0]!.conn
        .collection('events')
        .find({ type: 'application.personal_data_erased' })
        .toArray();
      expect(erased).toHaveLength(5);
      expect(new Set(erased.map((e) => String(e.applicationId))).size).toBe(5);
    });
  });
});
