import { describe, expect, it } from '@jest/globals';
import { recordSatisfaction } from '../../../src/app/effects/record-satisfaction.js';
import { createLogger } from '../../../src/config/logger.js';
import { api, Client, useHttpApp } from './http-fixture.js';

/** Officer availability and the per-officer conversation limit, through the console and the API. */
const app = useHttpApp('workload_http', { handoffMaxPerOfficer: 1 });

let chat = 0;
async function waiting() {
  chat++;
  const { ticket } = await app().repos.handoffs.open({
    channel: 'telegram',
    chatId: `88${chat}`,
    citizenName: 'Warga',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date(),
  });
  return ticket;
}

async function loggedIn(user: string): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login(user)).status).toBe(303);
  return c;
}

describe('availability', () => {
  it('should show the available count on the queue and flip the officer between available and away', async () => {
    const c = await loggedIn('budi');
    let { html } = await c.page('/console/queue');
    expect(html).toContain('Petugas siap melayani: <strong id="available-count">0</strong>');
    expect(html).toContain('Anda: sedang tidak di loket');

    const res = await c.form('/console/availability', { available: 'true' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/queue');
    ({ html } = await c.page('/console/queue'));
    expect(html).toContain('<strong id="available-count">1</strong>');
    expect(html).toContain('Anda: siap melayani');
    expect((await app().repos.officers.findById(app().officerIds.budi!))?.available).toBe(true);

    // Joko's office is in another kota: Budi does not count for him.
    const joko = await api(app().base, app().tokens.joko, 'GET', '/api/me/availability');
    expect(await joko.json()).toEqual({ available: false, availableInScope: 0 });
    const sari = await api(app().base, app().tokens.sari, 'POST', '/api/me/availability', {
      available: true,
    });
    expect(sari.status).toBe(200);
    expect(await sari.json()).toEqual({ available: true, availableInScope: 2 });

    const audit = await app().repos.events.search({ type: 'officer.availability_changed' }, { limit: 10 });
    expect(audit.total).toBe(2);
  });

  it('should refuse bad input (400 with fields), a missing session (401) and a missing CSRF token (403)', async () => {
    const bad = await api(app().base, app().tokens.budi, 'POST', '/api/me/availability', { available: 'ya' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid', fields: { available: expect.any(String) } },
    });
    expect(
      (await api(app().base, undefined, 'POST', '/api/me/availability', { available: true })).status,
    ).toBe(401);
    const anonymous = new Client(app().base);
    expect((await anonymous.form('/console/availability', { available: 'true' }, false)).status).toBe(401);
    const c = await loggedIn('budi');
    const noCsrf = await c.form('/console/availability', { available: 'false' }, false);
    expect(noCsrf.status).toBe(403);
    const badForm = await c.form('/console/availability', { available: 'mungkin' });
    expect(badForm.status).toBe(400);
    expect(await badForm.text()).toContain('Isian belum benar');
  });
});

describe('conversations per officer (HANDOFF_MAX_PER_OFFICER)', () => {
  it('should refuse claiming past the limit with a clear Indonesian conflict, in the console and the API', async () => {
    const first = await waiting();
    const second = await waiting();
    const c = await loggedIn('budi');
    expect((await c.form(`/console/handoffs/${first.id}/claim`, {})).status).toBe(303);

    const page = await c.form(`/console/handoffs/${second.id}/claim`, {});
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Anda sudah melayani 1 percakapan (batas 1)');

    const res = await api(app().base, app().tokens.budi, 'POST', `/api/handoffs/${second.id}/claim`);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining('batas 1') },
    });
    expect((await app().repos.handoffs.get(second.id))?.status).toBe('waiting');

    // Closing the first frees the place.
    expect((await c.form(`/console/handoffs/${first.id}/close`, { resolution: 'answered' })).status).toBe(
      303,
    );
    expect(
      (await api(app().base, app().tokens.budi, 'POST', `/api/handoffs/${second.id}/claim`)).status,
    ).toBe(200);
    expect(
      (
        await api(app().base, app().tokens.budi, 'POST', `/api/handoffs/${second.id}/close`, {
          resolution: 'answered',
        })
      ).status,
    ).toBe(200);
  });
});

describe('satisfaction on the supervisor dashboard', () => {
  it('should show the IKM per officer and office, with the count, after a citizen answers the survey, on the dashboard and in /api/metrics', async () => {
    const f = app();
    const ticket = await waiting();
    const budi = await loggedIn('budi');
    expect((await budi.form(`/console/handoffs/${ticket.id}/claim`, {})).status).toBe(303);
    expect((await budi.form(`/console/handoffs/${ticket.id}/close`, { resolution: 'answered' })).status).toBe(
      303,
    );
    const closed = f.pushed.find(
      (p) => p.event.kind === 'handoff_closed' && p.address.chatId === ticket.chatId,
    );
    expect(closed?.event).toEqual({ kind: 'handoff_closed', byOfficer: true, ticketId: ticket.id });

    // The citizen's answer, as the engine's effect runs it for their chat.
    await recordSatisfaction(
      { ...f.repos, logger: createLogger('silent') },
      { kind: 'record_satisfaction', ticketId: ticket.id, score: 4, comment: 'Ramah' },
      {
        msg: {
          channel: 'telegram',
          chatId: ticket.chatId,
          messageId: 'm1',
          at: new Date(),
          content: { kind: 'text', text: '4' },
        },
        state: { lang: 'id', consent: true, mode: 'bot', misunderstood: 0 },
      },
    );

    const sari = await loggedIn('sari');
    const { res, html } = await sari.page('/console/dashboard');
    expect(res.status).toBe(200);
    const section = html.slice(html.indexOf('<section id="satisfaction">'));
    expect(section).toContain('Kepuasan warga (IKM)');
    expect(section).toMatch(
      /BUDI <small>\(budi\)<\/small><\/td><td class="ikm">100,00<\/td><td>A<\/td><td>1<\/td>/,
    );
    expect(section).toMatch(/Gambir <small>\(31\.71\.01\.1001\)<\/small><\/td><td class="ikm">100,00<\/td>/);
    // A comment is kept for the office, never shown with the index.
    expect(section).not.toContain('Ramah');

    // The same index in the API's metrics.
    const m = (await (await api(f.base, f.tokens.sari, 'GET', '/api/metrics')).json()) as {
      satisfaction: { officers: Array<Record<string, unknown>>; overall: Record<string, unknown> };
    };
    expect(m.satisfaction.officers).toEqual([
      expect.objectContaining({ username: 'budi', count: 1, ikm: 100, grade: 'A' }),
    ]);
    expect(JSON.stringify(m.satisfaction)).not.toContain('Ramah');

    // Officers do not see the dashboard.
    const page = await budi.fetch('/console/dashboard');
    expect(page.status).toBe(403);
  });
});
