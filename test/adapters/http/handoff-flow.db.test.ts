import { beforeAll, describe, expect, it } from '@jest/globals';
import { issueApiToken } from '../../../src/app/officer/api-tokens.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { api, Client, PASSWORD, useHttpApp } from './http-fixture.js';

/**
 * The conversation workspace over HTTP: internal notes, transfer, hand back and close with a
 * resolution, on the API and the console, and the dashboard counting the resolutions.
 */
const app = useHttpApp('http_handoff_flow');
let aniId = '';
let aniToken = '';
let chat = 0;

beforeAll(async () => {
  const { repos } = app();
  const ani = await createOfficer(
    { ...repos, now: () => new Date() },
    { username: 'ani', displayName: 'Ani', password: PASSWORD, role: 'officer', officeId: '31.71.01.1001' },
    { kind: 'system', id: 'test' },
  );
  aniId = ani.id;
  aniToken = await issueApiToken({ ...repos, now: () => new Date() }, ani);
});

/** A conversation in Gambir claimed by budi over the API. */
async function claimed(): Promise<string> {
  chat++;
  const { ticket } = await app().repos.handoffs.open({
    channel: 'telegram',
    chatId: `88800${chat}`,
    citizenName: 'Warga',
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date(),
  });
  expect(
    (await api(app().base, app().tokens.budi, 'POST', `/api/handoffs/${ticket.id}/claim`, {})).status,
  ).toBe(200);
  return ticket.id;
}

const post = (token: string | undefined, path: string, body: unknown = {}) =>
  api(app().base, token, 'POST', path, body);

describe('the workspace API', () => {
  it('should keep notes for officers only and show them on the conversation', async () => {
    const id = await claimed();
    const { tokens } = app();
    expect((await post(undefined, `/api/handoffs/${id}/notes`, { text: 'x' })).status).toBe(401);
    expect((await post(tokens.joko, `/api/handoffs/${id}/notes`, { text: 'x' })).status).toBe(403);
    expect((await post(aniToken, `/api/handoffs/${id}/notes`, { text: 'x' })).status).toBe(403);
    const empty = await post(tokens.budi, `/api/handoffs/${id}/notes`, { text: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      error: { code: 'invalid', fields: { text: expect.any(String) } },
    });
    const ok = await post(tokens.budi, `/api/handoffs/${id}/notes`, { text: 'Berkas sudah dicek.' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ notes: [{ officerName: 'BUDI', text: 'Berkas sudah dicek.' }] });
    const detail = (await (await api(app().base, tokens.budi, 'GET', `/api/handoffs/${id}`)).json()) as {
      notes: Array<{ text: string }>;
    };
    expect(detail.notes.map((n) => n.text)).toEqual(['Berkas sudah dicek.']);
    expect(app().pushed.filter((p) => p.event.kind === 'officer_message')).toEqual([]);
  });

  it('should transfer to a second officer, who then holds it and reads the note', async () => {
    const id = await claimed();
    const { tokens } = app();
    const bad = await post(tokens.budi, `/api/handoffs/${id}/transfer`, { toOfficeId: 'x', note: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields)).toEqual(
      expect.arrayContaining(['toOfficeId', 'note']),
    );
    const outOfScope = await post(tokens.budi, `/api/handoffs/${id}/transfer`, {
      toOfficerId: app().officerIds.joko,
      note: 'x',
    });
    expect(outOfScope.status).toBe(400);
    expect(await outOfScope.json()).toMatchObject({ error: { fields: { toOfficerId: expect.any(String) } } });
    expect(
      (await post(tokens.joko, `/api/handoffs/${id}/transfer`, { toOfficerId: aniId, note: 'x' })).status,
    ).toBe(403);
    const res = await post(tokens.budi, `/api/handoffs/${id}/transfer`, {
      toOfficerId: aniId,
      note: 'Mohon dilanjutkan, soal akta.',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ handoff: { status: 'claimed', officerId: aniId } });
    const detail = (await (await api(app().base, aniToken, 'GET', `/api/handoffs/${id}`)).json()) as {
      notes: Array<{ text: string; transfer?: object }>;
    };
    expect(detail.notes).toMatchObject([
      { text: 'Mohon dilanjutkan, soal akta.', transfer: { toOfficerId: aniId } },
    ]);
    expect((await post(tokens.budi, `/api/handoffs/${id}/hand-back`)).status).toBe(403);
    const back = await post(aniToken, `/api/handoffs/${id}/hand-back`);
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ handoff: { status: 'closed' }, notified: true });
    expect(app().pushed.at(-1)?.event).toEqual({ kind: 'handed_back', officerName: 'Ani' });
  });

  it('should require a resolution to close and count each one on the dashboard', async () => {
    const { tokens } = app();
    const before = (await (await api(app().base, tokens.sari, 'GET', '/api/metrics')).json()) as {
      resolutions: Record<string, number>;
    };
    const id = await claimed();
    const missing = await post(tokens.budi, `/api/handoffs/${id}/close`, {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { fields: { resolution: expect.any(String) } } });
    expect((await post(tokens.budi, `/api/handoffs/${id}/close`, { resolution: 'referred' })).status).toBe(
      200,
    );
    const after = (await (await api(app().base, tokens.sari, 'GET', '/api/metrics')).json()) as {
      resolutions: Record<string, number>;
    };
    expect(after.resolutions.referred).toBe((before.resolutions.referred ?? 0) + 1);
    expect(Object.keys(after.resolutions)).toEqual([
      'answered',
      'application_filed',
      'referred',
      'no_response',
      'handed_back',
    ]);
  });
});

describe('the workspace console', () => {
  it('should show notes, transfer targets, hand back and the close choices on the conversation page', async () => {
    const id = await claimed();
    const c = new Client(app().base);
    await c.login('budi');
    await c.page(`/console/handoffs/${id}`);
    expect((await c.form(`/console/handoffs/${id}/notes`, { text: 'Catatan <b>internal</b>' })).status).toBe(
      303,
    );
    const { html } = await c.page(`/console/handoffs/${id}`);
    expect(html).toContain('Catatan internal (hanya petugas)');
    expect(html).toContain('Catatan &lt;b>internal&lt;/b>');
    expect(html).toContain(`value="officer:${aniId}"`);
    expect(html).not.toContain(`value="officer:${app().officerIds.joko}"`);
    expect(html).toContain('value="office:31.71.01.1001"');
    expect(html).not.toContain('value="office:31.71.01.1002"');
    expect(html).toContain('name="resolution"');
    expect(html).toContain('Permohonan diajukan');
    expect(html).toContain(`/console/handoffs/${id}/hand-back`);

    expect((await c.form(`/console/handoffs/${id}/notes`, { text: 'x' }, false)).status).toBe(403);
    const noTarget = await c.form(`/console/handoffs/${id}/transfer`, { target: '', note: 'x' });
    expect(noTarget.status).toBe(400);
    expect(await noTarget.text()).toContain('Pilih petugas atau kantor tujuan');
    const noResolution = await c.form(`/console/handoffs/${id}/close`, {});
    expect(noResolution.status).toBe(400);
    expect(await noResolution.text()).toContain('Pilih hasil percakapan');
    const moved = await c.form(`/console/handoffs/${id}/transfer`, {
      target: `officer:${aniId}`,
      note: 'Untuk Ani',
    });
    expect(moved.status).toBe(303);
    expect((await app().repos.handoffs.get(id))?.officerId).toBe(aniId);

    const anon = new Client(app().base);
    expect((await anon.form(`/console/handoffs/${id}/hand-back`, {}, false)).status).toBe(401);

    const a = new Client(app().base);
    await a.login('ani');
    const page = await a.page(`/console/handoffs/${id}`);
    expect(page.html).toContain('Dialihkan ke Ani: Untuk Ani');
    expect((await a.form(`/console/handoffs/${id}/close`, { resolution: 'answered' })).status).toBe(303);
    expect(await app().repos.handoffs.get(id)).toMatchObject({ status: 'closed', resolution: 'answered' });
  });

  it('should count resolutions in a table on the supervisor dashboard', async () => {
    const c = new Client(app().base);
    await c.login('sari');
    const { html } = await c.page('/console/dashboard');
    expect(html).toContain('id="resolutions"');
    expect(html).toMatch(/data-resolution="answered"><td>Pertanyaan terjawab<\/td><td>[1-9]/);
    expect(html).toContain('Dikembalikan ke bot');
  });
});
