import { describe, expect, it } from '@jest/globals';
import type { HandoffTicket } from '../../../src/ports/handoff-repository.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import { Client, PASSWORD, useHttpApp } from './http-fixture.js';

/** The channel takes every message unless `failing`. */
const channel = { failing: false };
const app = useHttpApp('http_live_forms', {
  push: () => (channel.failing ? Promise.reject(new Error('channel down')) : Promise.resolve()),
});

let chats = 0;
async function claimed(): Promise<{ ticket: HandoffTicket; c: Client }> {
  const { ticket } = await app().repos.handoffs.open({
    channel: 'telegram',
    chatId: `forms${++chats}`,
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date(),
    transcript: [{ from: 'citizen', text: 'halo', at: new Date() }],
  });
  const c = new Client(app().base);
  await c.login('budi');
  expect((await c.form(`/console/handoffs/${ticket.id}/claim`, {})).status).toBe(303);
  await c.page(`/console/handoffs/${ticket.id}`);
  return { ticket, c };
}

const json = async (res: Response) => {
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return (await res.json()) as Record<string, unknown>;
};

describe('conversation forms posted by live.js', () => {
  it('should answer a reply and a note with JSON, the page staying, and do what a plain form does', async () => {
    const { ticket, c } = await claimed();
    const reply = await c.liveForm(`/console/handoffs/${ticket.id}/reply`, { text: 'Baik Bu' });
    expect(reply.status).toBe(200);
    expect(await json(reply)).toEqual({ ok: true });
    const note = await c.liveForm(`/console/handoffs/${ticket.id}/notes`, { text: 'KK sudah dicek' });
    expect(await json(note)).toEqual({ ok: true });
    const after = await app().repos.handoffs.get(ticket.id);
    expect(after!.transcript.at(-1)).toMatchObject({ from: 'officer', text: 'Baik Bu' });
    expect(after!.notes?.map((n) => n.text)).toEqual(['KK sudah dicek']);
  });

  it('should say in the answer when the channel did not take a reply', async () => {
    const { ticket, c } = await claimed();
    channel.failing = true;
    try {
      const res = await c.liveForm(`/console/handoffs/${ticket.id}/reply?lang=en`, { text: 'Halo' });
      expect(await json(res)).toEqual({ ok: true, message: expect.stringMatching(/not delivered|tidak/i) });
    } finally {
      channel.failing = false;
    }
  });

  it('should send the page on to the queue after a close, a hand-back or a release', async () => {
    for (const [action, fields] of [
      ['close', { resolution: 'answered' }],
      ['hand-back', {}],
      ['release', {}],
    ] as const) {
      const { ticket, c } = await claimed();
      const res = await c.liveForm(`/console/handoffs/${ticket.id}/${action}`, fields);
      expect({ action, body: await json(res) }).toEqual({
        action,
        body: { ok: true, next: '/console/queue' },
      });
    }
  });

  it('should refuse bad input, another holder and a missing CSRF token as JSON, changing nothing', async () => {
    const { ticket, c } = await claimed();
    const empty = await c.liveForm(`/console/handoffs/${ticket.id}/close`, { resolution: '' });
    expect(empty.status).toBe(400);
    expect(await json(empty)).toMatchObject({ error: { code: 'invalid', fields: expect.any(Object) } });
    const noToken = await c.liveForm(`/console/handoffs/${ticket.id}/reply`, { text: 'x' }, false);
    expect(noToken.status).toBe(403);
    expect(await json(noToken)).toMatchObject({ error: { code: 'csrf' } });
    const joko = new Client(app().base);
    await joko.login('joko');
    const other = await joko.liveForm(`/console/handoffs/${ticket.id}/reply`, { text: 'x' });
    expect(other.status).toBe(403);
    expect(await json(other)).toMatchObject({ error: { code: 'forbidden' } });
    const after = await app().repos.handoffs.get(ticket.id);
    expect(after!.status).toBe('claimed');
    expect(after!.transcript).toHaveLength(1);
  });

  it('should still redirect a plain form (no script)', async () => {
    const { ticket, c } = await claimed();
    const res = await c.form(`/console/handoffs/${ticket.id}/notes`, { text: 'catatan' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/console/handoffs/${ticket.id}#notes`);
  });
});

/** Reads an event stream until `until` matches its text (5 s at most), then hangs up. */
async function streamUntil(c: Client, path: string, until: RegExp): Promise<string> {
  const controller = new AbortController();
  const res = await c.fetch(path, { signal: controller.signal });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  const deadline = Date.now() + 5000;
  while (!until.test(text)) {
    if (Date.now() > deadline) throw new Error(`stream ${path}: no ${String(until)} after 5 s:\n${text}`);
    text += new TextDecoder().decode((await reader.read()).value);
  }
  controller.abort();
  return text;
}

describe('notes on the conversation stream', () => {
  it('should send each note the page lacks, a transfer saying to whom, escaped', async () => {
    const { ticket, c } = await claimed();
    await c.liveForm(`/console/handoffs/${ticket.id}/notes`, { text: 'pertama' });
    const path = `/console/handoffs/${ticket.id}/stream?after=0&notes=1`;
    const watching = streamUntil(c, path, /event: note[\s\S]*event: note/);
    await c.liveForm(`/console/handoffs/${ticket.id}/notes`, { text: '<i>kedua</i>' });
    await c.liveForm(`/console/handoffs/${ticket.id}/transfer`, {
      target: 'office:31.71.01.1001',
      note: 'mohon lanjutkan',
    });
    const text = await watching;
    const notes = text.split('\n\n').filter((b) => b.startsWith('event: note'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('"index":1');
    expect(notes[0]).toContain('&lt;i>kedua&lt;/i>');
    expect(notes[0]).not.toContain('pertama');
    expect(notes[1]).toContain('"index":2');
    expect(notes[1]).toMatch(/Gambir: mohon lanjutkan/);
  });
});

describe('the conversations an officer holds', () => {
  it('should list them under the queue, and bring one transferred to an officer onto their open queue page', async () => {
    const { ticket, c } = await claimed();
    const { html } = await c.page('/console/queue');
    expect(html).toMatch(new RegExp(`id="mine".*href="/console/handoffs/${ticket.id}"`, 's'));
    // The channel as people name it, not its code.
    expect(html).toMatch(/id="mine".*<td>Telegram<\/td>/s);

    const wati = await createOfficer(
      { ...app().repos, now: () => new Date() },
      {
        username: 'wati',
        displayName: 'WATI',
        password: PASSWORD,
        role: 'officer',
        officeId: '31.71.01.1001',
      },
      { kind: 'system', id: 'test' },
    );
    const w = new Client(app().base);
    await w.login('wati');
    const watching = streamUntil(w, '/console/queue/stream', new RegExp(`event: mine\ndata: .*${ticket.id}`));
    const moved = await c.liveForm(`/console/handoffs/${ticket.id}/transfer`, {
      target: `officer:${wati.id}`,
      note: 'mohon dilanjutkan',
    });
    expect(await json(moved)).toEqual({ ok: true, next: '/console/queue' });
    await watching;
    const { html: hers } = await w.page('/console/queue');
    expect(hers).toMatch(new RegExp(`id="mine".*href="/console/handoffs/${ticket.id}"`, 's'));
    const { html: his } = await c.page('/console/queue');
    expect(his).not.toContain(`href="/console/handoffs/${ticket.id}"`);
  });
});
