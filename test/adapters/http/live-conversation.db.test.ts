import { beforeAll, describe, expect, it } from '@jest/globals';
import { NotDeliveredError } from '../../../src/app/officer/push-conversation-event.js';
import { createOfficer } from '../../../src/app/officer/create-officer.js';
import type { ChatAddress } from '../../../src/domain/application.js';
import type { HandoffTicket, TranscriptLine } from '../../../src/ports/handoff-repository.js';
import { Client, PASSWORD, useHttpApp } from './http-fixture.js';

/** The push fails, as the channel would say, while `failing` is set. */
const channel = { failing: false, typing: [] as ChatAddress[] };
const app = useHttpApp('http_live', {
  push: () =>
    channel.failing
      ? Promise.reject(new NotDeliveredError('unreachable', 'Forbidden: bot was blocked by the user'))
      : Promise.resolve(),
  typing: (address) => {
    channel.typing.push(address);
    return Promise.resolve();
  },
});

/** A second officer of budi's office: sees budi's conversations, may not act in them. */
beforeAll(async () => {
  await createOfficer(
    { ...app().repos, now: () => new Date() },
    { username: 'ani', displayName: 'ANI', password: PASSWORD, role: 'officer', officeId: '31.71.01.1001' },
    { kind: 'system', id: 'test' },
  );
});

interface Sse {
  id?: string;
  event: string;
  data: { index?: number; html?: string };
}

/** Follows an event stream until `enough` holds of what arrived, then hangs up. */
async function follow(
  c: Client,
  path: string,
  enough: (events: Sse[]) => boolean,
  headers: Record<string, string> = {},
): Promise<Sse[]> {
  const controller = new AbortController();
  const res = await c.fetch(path, { signal: controller.signal, headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  const events = (): Sse[] =>
    text
      .split('\n\n')
      .slice(0, -1)
      .map((block) =>
        Object.fromEntries(
          block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
        ),
      )
      .filter((f) => f.event)
      .map((f) => ({
        ...(f.id ? { id: f.id } : {}),
        event: f.event!,
        data: JSON.parse(f.data ?? '{}') as Sse['data'],
      }));
  const until = Date.now() + 5000;
  while (!enough(events())) {
    if (Date.now() > until) throw new Error(`stream ${path}: not enough after 5 s:\n${text}`);
    text += new TextDecoder().decode((await reader.read()).value);
  }
  controller.abort();
  return events();
}

const says = (text: string, from: TranscriptLine['from'] = 'citizen'): TranscriptLine => ({
  from,
  text,
  at: new Date(),
});

let chats = 0;
async function claimedBy(user: string): Promise<{ ticket: HandoffTicket; c: Client }> {
  const { ticket } = await app().repos.handoffs.open({
    channel: 'telegram',
    chatId: `live${++chats}`,
    reason: 'asked',
    priority: false,
    officeId: '31.71.01.1001',
    createdAt: new Date(),
    transcript: [says('halo'), says('saya mau tanya')],
  });
  const c = new Client(app().base);
  await c.login(user);
  expect((await c.form(`/console/handoffs/${ticket.id}/claim`, {})).status).toBe(303);
  return { ticket, c };
}

const lines = (events: Sse[]) => events.filter((e) => e.event === 'line');

describe('live conversation stream', () => {
  it('should send new lines with their index as event id, and after a reconnect only the lines after Last-Event-ID', async () => {
    const { ticket, c } = await claimedBy('budi');
    const path = `/console/handoffs/${ticket.id}/stream`;
    const first = await follow(c, `${path}?after=-1`, (e) => lines(e).length >= 2);
    expect(lines(first).map((e) => [e.id, e.data.index])).toEqual([
      ['0', 0],
      ['1', 1],
    ]);
    expect(first[0]!.data.html).toMatch(/^<li class="from-citizen" id="line-0">/);

    // The page's own transcript ends at line 1: the stream adds what comes after.
    await app().repos.handoffs.appendMessage(ticket.id, says('<b>berkas</b> saya'));
    const live = await follow(c, `${path}?after=1`, (e) => lines(e).length >= 1);
    expect(lines(live).map((e) => e.id)).toEqual(['2']);
    expect(lines(live)[0]!.data.html).toContain('&lt;b>berkas&lt;/b> saya');

    // Dropped; two more lines meanwhile; the browser reconnects with the last id it got.
    await app().repos.handoffs.appendMessage(ticket.id, says('halo?'));
    await app().repos.handoffs.appendMessage(ticket.id, says('[berkas: kk.pdf]'));
    const resumed = await follow(c, `${path}?after=-1`, (e) => lines(e).length >= 2, {
      'Last-Event-ID': '2',
    });
    expect(lines(resumed).map((e) => e.id)).toEqual(['3', '4']);
    expect(resumed.filter((e) => e.event === 'line' && Number(e.id) <= 2)).toEqual([]);
  });

  it('should push the delivery of a reply as it changes: failed with the reason, then sent after a retry', async () => {
    const { ticket, c } = await claimedBy('budi');
    const path = `/console/handoffs/${ticket.id}/stream?after=1`;
    channel.failing = true;
    expect((await c.form(`/console/handoffs/${ticket.id}/reply`, { text: 'Baik Bu' })).status).toBe(303);
    const failed = await follow(c, path, (e) => lines(e).length >= 1);
    expect(lines(failed)[0]!.data.html).toContain('data-state="failed"');
    expect(lines(failed)[0]!.data.html).toContain('bot diblokir');
    expect(lines(failed)[0]!.data.html).toContain(`/console/handoffs/${ticket.id}/lines/2/retry`);

    // The watching page (Last-Event-ID 2) hears the state change as a `delivery` event, no new line.
    channel.failing = false;
    const watcher = new Client(app().base);
    await watcher.login('ani');
    const seen = follow(
      watcher,
      path,
      (e) => e.some((x) => x.event === 'delivery' && x.data.html!.includes('data-state="sent"')),
      { 'Last-Event-ID': '2' },
    );
    expect((await c.form(`/console/handoffs/${ticket.id}/lines/2/retry`, {})).status).toBe(303);
    const events = await seen;
    expect(lines(events)).toEqual([]);
    expect(events.every((e) => e.data.index === 2 && e.id === undefined)).toBe(true);
    const after = await app().repos.handoffs.get(ticket.id);
    expect(after!.transcript[2]!.delivery?.state).toBe('sent');
  });

  it('should end with `closed` once the conversation is closed', async () => {
    const { ticket, c } = await claimedBy('budi');
    expect((await c.form(`/console/handoffs/${ticket.id}/close`, { resolution: 'answered' })).status).toBe(
      303,
    );
    const events = await follow(c, `/console/handoffs/${ticket.id}/stream?after=1`, (e) =>
      e.some((x) => x.event === 'closed'),
    );
    expect(events.map((e) => e.event)).toEqual(['closed']);
  });

  it('should refuse a visitor without a session (401), an officer of another office and a complaint for an officer (403), and a bad start (400)', async () => {
    const { ticket } = await claimedBy('budi');
    const path = `/console/handoffs/${ticket.id}/stream`;
    const anonymous = await new Client(app().base).fetch(path);
    expect(anonymous.status).toBe(401);
    const joko = new Client(app().base);
    await joko.login('joko');
    expect((await joko.fetch(path)).status).toBe(403);
    const { ticket: complaint } = await app().repos.handoffs.open({
      channel: 'telegram',
      chatId: 'live-pungli',
      reason: 'complaint',
      priority: true,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    const budi = new Client(app().base);
    await budi.login('budi');
    expect((await budi.fetch(`/console/handoffs/${complaint.id}/stream`)).status).toBe(403);
    expect((await budi.fetch(`${path}?after=dua`)).status).toBe(400);
    expect((await budi.fetch(path, { headers: { 'Last-Event-ID': '-7' } })).status).toBe(400);
  });
});

describe('retry and typing routes', () => {
  it('should let only the holder send a failed reply again, with CSRF, and refuse a bad line', async () => {
    const { ticket, c } = await claimedBy('budi');
    channel.failing = true;
    await c.form(`/console/handoffs/${ticket.id}/reply`, { text: 'Mohon ditunggu' });
    channel.failing = false;
    const retry = `/console/handoffs/${ticket.id}/lines/2/retry`;
    expect((await new Client(app().base).form(retry, {}, false)).status).toBe(401);
    expect((await c.form(retry, {}, false)).status).toBe(403);
    const ani = new Client(app().base);
    await ani.login('ani');
    expect((await ani.form(retry, {})).status).toBe(403);
    expect((await c.form(`/console/handoffs/${ticket.id}/lines/dua/retry`, {})).status).toBe(400);
    expect((await c.form(`/console/handoffs/${ticket.id}/lines/0/retry`, {})).status).toBe(404);
    expect((await app().repos.handoffs.get(ticket.id))!.transcript[2]!.delivery?.state).toBe('failed');
    const ok = await c.form(retry, {});
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/console/handoffs/${ticket.id}`);
    expect((await c.form(retry, {})).status).toBe(409);
    const audit = await app().repos.events.search(
      { type: 'handoff.reply_retried' },
      { limit: 50, offset: 0 },
    );
    expect(audit.items.some((e) => e.data?.handoffId === ticket.id)).toBe(true);
  });

  it('should show typing to the citizen for the holder only, with CSRF', async () => {
    const { ticket, c } = await claimedBy('budi');
    const typing = `/console/handoffs/${ticket.id}/typing`;
    const before = channel.typing.length;
    expect((await new Client(app().base).form(typing, {}, false)).status).toBe(401);
    expect((await c.form(typing, {}, false)).status).toBe(403);
    const ani = new Client(app().base);
    await ani.login('ani');
    expect((await ani.form(typing, {})).status).toBe(403);
    expect(channel.typing.length).toBe(before);
    const res = await c.fetch(typing, { method: 'POST', headers: { 'x-csrf-token': c.csrf } });
    expect(res.status).toBe(204);
    expect(channel.typing.slice(before)).toEqual([{ channel: 'telegram', chatId: ticket.chatId }]);
  });

  it('should render the page with delivery states and the live script', async () => {
    const { ticket, c } = await claimedBy('budi');
    channel.failing = true;
    await c.form(`/console/handoffs/${ticket.id}/reply`, { text: 'Satu' });
    channel.failing = false;
    await c.form(`/console/handoffs/${ticket.id}/reply`, { text: 'Dua' });
    const { html } = await c.page(`/console/handoffs/${ticket.id}?lang=en`);
    expect(html).toContain(`data-stream="/console/handoffs/${ticket.id}/stream?after=3&amp;notes=0"`);
    expect(html).toContain('<script src="/console/assets/live.js" defer>');
    expect(html).toMatch(/id="line-2">.*data-state="failed">Not delivered: the citizen cannot be reached/s);
    expect(html).toMatch(/id="line-3">.*data-state="sent">Sent/s);
    expect((await c.fetch('/console/assets/live.js')).status).toBe(200);
  });
});
