import { beforeAll, describe, expect, it } from '@jest/globals';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { Client, PASSWORD, useHttpApp } from './http-fixture.js';

/**
 * Whatever officers, citizens and the event log hold lands on the supervisor and admin pages as
 * text: a name or message written as markup must show as those characters, never run.
 */

/** Wednesday 2025-03-12 12:00 WIB. */
const NOW = new Date('2025-03-12T05:00:00Z');
const app = useHttpApp('http_supervisor_escaping', { now: () => NOW });

/** Markup in text, and an attribute break-out followed by markup. */
const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><svg onload=alert(1)>';

/** The payload as escaped text: `<`, `&` and `"` as entities; `>` may be either way. */
function escapedPattern(payload: string): RegExp {
  const entity: Record<string, string> = { '<': '&lt;', '&': '&amp;', '"': '&quot;', '>': '(?:>|&gt;)' };
  return new RegExp([...payload].map((c) => entity[c] ?? c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join(''));
}

/** Both payloads are on the page as text, and neither became an element. */
function expectInert(html: string): void {
  expect(html).toMatch(escapedPattern(SCRIPT));
  expect(html).toMatch(escapedPattern(BREAKOUT));
  expect(html).not.toContain('<script>');
  expect(html).not.toMatch(/<svg onload/i);
}

beforeAll(async () => {
  const { repos } = app();
  const evil = await createOfficer(
    { ...repos, now: () => NOW },
    {
      username: 'jahil',
      displayName: `${SCRIPT}${BREAKOUT}`,
      password: PASSWORD,
      role: 'officer',
      officeId: '31.71.01.1001',
    },
    { kind: 'system', id: 'test' },
  );
  // A claimed conversation gives the officer points on the dashboard and a row in the audit log.
  await repos.events.append({
    type: 'handoff.claimed',
    actor: { kind: 'officer', id: evil.id },
    officeId: '31.71.01.1001',
    at: new Date('2025-03-04T02:35:00Z'),
    before: { status: 'waiting' },
    after: { status: 'claimed', officerId: evil.id },
    data: { handoffId: 'h-evil', note: SCRIPT, other: BREAKOUT },
  });
  const application = await repos.applications.create(
    newApplication({
      applicant: { ...newApplication().applicant, name: `${SCRIPT}${BREAKOUT}` },
      createdAt: new Date('2025-03-04T03:00:00Z'),
    }),
    sequentialNumbers(800),
  );
  await repos.outbox.enqueue([
    {
      key: `status:${application.id}:2`,
      channel: 'telegram',
      chatId: '5550009',
      reply: { kind: 'text', text: `Pembaruan ${SCRIPT} ${BREAKOUT}` },
      createdAt: new Date('2025-03-05T03:00:00Z'),
    },
  ]);

  const notice = { item: { id: `status:${application.id}:2` } };
  await repos.outbox.markUnreachable(notice.item.id, `blocked ${SCRIPT}${BREAKOUT}`);
});

describe('supervisor and admin pages escape what they show', () => {
  it('should show an officer name written as markup as text on the dashboard', async () => {
    const sari = new Client(app().base);
    await sari.login('sari');
    const { res, html } = await sari.page('/console/dashboard?from=2025-03-01&to=2025-03-12');
    expect(res.status).toBe(200);
    const points = /<section id="points">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(points).toContain('(jahil)');
    expectInert(points);
  });

  it('should show audit data and the officer name written as markup as text on the audit page', async () => {
    const sari = new Client(app().base);
    await sari.login('sari');
    const { res, html } = await sari.page('/console/audit?type=handoff.claimed');
    expect(res.status).toBe(200);
    const table = /<table class="audit">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('h-evil');
    expectInert(table);
    expectInert(/<select name="officer">[\s\S]*?<\/select>/.exec(html)?.[0] ?? '');
  });

  it('should show an undelivered notice written as markup as text on the deliveries page', async () => {
    const sari = new Client(app().base);
    await sari.login('sari');
    const { res, html } = await sari.page('/console/deliveries');
    expect(res.status).toBe(200);
    const table = /<table id="deliveries">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('Pembaruan ');
    expectInert(table);
  });

  it('should show an officer name written as markup as text on the accounts page, and in a sent-back form', async () => {
    const admin = new Client(app().base);
    await admin.login('admin');
    const { html } = await admin.page('/console/admin/officers');
    expectInert(/<tr data-username="jahil"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '');
    const refused = await admin.form('/console/admin/officers', {
      username: 'baru',
      displayName: `${BREAKOUT}${SCRIPT}`,
      password: 'pendek',
      role: 'officer',
      officeId: '31.71.01.1001',
    });
    expect(refused.status).toBe(400);
    const form = /<form[^>]*id="new-officer"[\s\S]*?<\/form>/.exec(await refused.text())?.[0] ?? '';
    expect(form).toMatch(/<input name="displayName" required value="&quot;/);
    expectInert(form);
  });
});
