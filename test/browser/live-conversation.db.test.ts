import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { start, type Running } from '../../src/main.js';
import { PASSWORD } from '../adapters/http/http-fixture.js';
import { TOKEN } from '../adapters/telegram/helpers.js';
import { serverEnv } from '../support/db.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';

const CITIZEN = { id: 777, is_bot: false, first_name: 'Siti', language_code: 'id' };
const CHAT = { id: 777, type: 'private', first_name: 'Siti' };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

/**
 * The whole server with Telegram on the fake Bot API, two officers of one office in two browser
 * contexts on the same conversation: what the citizen writes shows on both pages without a
 * reload, the officer's typing reaches the citizen, and a reply's delivery (failed, then sent
 * after "send again") changes on both pages as it happens.
 */
describeBrowser('live conversation in a browser', () => {
  const api = new FakeBotApi(TOKEN);
  let running: Running;
  const browser = useChromium();
  let message = 1;
  /** A message from citizen `id` (a chat of its own): text, or whatever `extra` holds. */
  const sayAs = (id: number, extra: Record<string, unknown>) =>
    api.push({
      message: {
        message_id: message++,
        date: Math.floor(Date.now() / 1000),
        chat: { ...CHAT, id },
        from: { ...CITIZEN, id },
        ...extra,
      },
    });
  const say = (text: string) => sayAs(CHAT.id, { text });

  beforeAll(async () => {
    const apiRoot = await api.listen();
    const env = serverEnv('live_browser', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      QUEUE_POLL_MS: '250',
    });
    running = await start(loadConfig(env), createLogger('silent'));
    for (const [username, role] of [
      ['budi', 'officer'],
      ['rina', 'officer'],
      ['sari', 'supervisor'],
    ] as const) {
      await createOfficer(
        { ...running.loket.repos, now: () => new Date() },
        {
          username,
          displayName: username.toUpperCase(),
          password: PASSWORD,
          role,
          officeId: role === 'officer' ? '31.71.01.1001' : '31.71.01',
        },
        { kind: 'system', id: 'test' },
      );
    }
  }, 120_000);
  afterAll(async () => {
    await running?.conn.dropDatabase().catch(() => undefined);
    await running?.stop();
    await api.close();
  });

  /** The citizen's handoff ticket, once their request for an officer has opened it. */
  async function waitForTicket(chatId = CHAT.id) {
    for (const until = Date.now() + 15_000; Date.now() < until;) {
      const ticket = await running.loket.repos.handoffs.findOpenByChat('telegram', String(chatId));
      if (ticket) return ticket;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no ticket opened');
  }

  async function officerPage(username: string, errors: string[]): Promise<Page> {
    const page = await (await browser().newContext()).newPage();
    watchErrors(page, { label: username, into: errors });
    await login(page, `http://127.0.0.1:${running.port}`, username, PASSWORD);
    return page;
  }

  it('should show the citizen live on both pages, send typing, and show a reply failing then sent after a retry', async () => {
    say('halo');
    await api.waitFor(() => api.sent.length > 0, 15_000);
    say('mau ngomong sama petugas');
    const { repos } = running.loket;
    const ticket = await waitForTicket();
    const url = `http://127.0.0.1:${running.port}/console/handoffs/${ticket.id}`;
    const errors: string[] = [];
    const budi = await officerPage('budi', errors);
    await budi.locator(`tr[data-id="${ticket.id}"] button`).click();
    await budi.waitForURL(url);
    const rina = await officerPage('rina', errors);
    await rina.goto(url);

    // The citizen writes: on both pages within 2 seconds, no reload.
    const sent = Date.now();
    say('Pak, KTP saya hilang <b>tolong</b>');
    const line = '#transcript li.from-citizen:has-text("KTP saya hilang <b>tolong</b>")';
    await Promise.all([
      budi.waitForSelector(line, { timeout: 2000 }),
      rina.waitForSelector(line, { timeout: 2000 }),
    ]);
    expect(Date.now() - sent).toBeLessThan(2000);

    // Budi types: the citizen sees "typing" once, however fast he types (at most every 4 s).
    const before = api.calls.length;
    await budi.locator('#reply-text').pressSequentially('Baik Bu, kami bantu', { delay: 20 });
    await api.waitFor(() => api.calls.slice(before).some((c) => c.method === 'sendChatAction'));
    const actions = api.calls.slice(before).filter((c) => c.method === 'sendChatAction');
    expect(actions.map((c) => [c.params.chat_id, c.params.action])).toEqual([['777', 'typing']]);

    // The citizen blocked the bot meanwhile: the reply fails, on both pages, with the reason.
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await budi.click('#reply-form button[type=submit]');
    const reply = '#transcript li.from-officer:has-text("Baik Bu, kami bantu")';
    await budi.waitForSelector(`${reply} [data-state=failed]`);
    await rina.waitForSelector(`${reply} [data-state=failed]`, { timeout: 5000 });
    await expect(rina.textContent(`${reply} .delivery`)).resolves.toContain('tidak dapat dihubungi');
    await budi.screenshot({ path: '/tmp/i19-live-failed.png', fullPage: true });

    // Unblocked; "send again" from Budi's page: sent, on both pages, neither reloaded.
    await budi.evaluate('window.stayed = true');
    await rina.evaluate('window.stayed = true');
    await budi.click(`${reply} form.retry button`);
    await budi.waitForSelector(`${reply} [data-state=sent]`, { timeout: 5000 });
    await rina.waitForSelector(`${reply} [data-state=sent]`, { timeout: 5000 });
    await expect(budi.evaluate('window.stayed')).resolves.toBe(true);
    await expect(rina.evaluate('window.stayed')).resolves.toBe(true);
    expect(String(api.sent[api.sent.length - 1]?.text)).toContain('Baik Bu, kami bantu');
    // The lines from before the handoff are the context panel's, not the transcript's.
    await expect(budi.locator('#transcript li').count()).resolves.toBe(
      (await repos.handoffs.get(ticket.id))!.transcript.filter((l) => !l.beforeHandoff).length,
    );
    await rina.screenshot({ path: '/tmp/i19-live-sent.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('should hold a whole conversation, a photo in, a reply, a note, a file out, from claim to close, without one reload, and the citizen rating it on the dashboard', async () => {
    const id = 779;
    sayAs(id, { text: 'halo' });
    await api.waitFor(() => api.sent.some((m) => String(m.chat_id) === String(id)), 15_000);
    sayAs(id, { text: 'saya mau bicara dengan petugas' });
    const ticket = await waitForTicket(id);
    const base = `http://127.0.0.1:${running.port}`;
    const errors: string[] = [];
    const budi = await officerPage('budi', errors);
    await budi.locator(`tr[data-id="${ticket.id}"] button`).click();
    await budi.waitForURL(`${base}/console/handoffs/${ticket.id}`);
    const rina = await officerPage('rina', errors);
    await rina.goto(`${base}/console/handoffs/${ticket.id}`);
    // From here on, any load of either page is a reload.
    let loads = 0;
    budi.on('load', () => loads++);
    rina.on('load', () => loads++);

    const photo = fixture('foto-kk.png');
    api.addFile('live-kk', photo);
    sayAs(id, {
      photo: [
        { file_id: 'live-kk', file_unique_id: 'live-kk-u', width: 1, height: 1, file_size: photo.length },
      ],
    });
    const image = '#transcript li.from-citizen .transcript-file img';
    await Promise.all([budi.waitForSelector(image), rina.waitForSelector(image)]);

    await budi.fill('#reply-text', 'Foto KK sudah kami terima');
    await budi.click('#reply-form button[type=submit]');
    const reply = '#transcript li.from-officer:has-text("Foto KK sudah kami terima")';
    await budi.waitForSelector(`${reply} [data-state=sent]`);
    await rina.waitForSelector(`${reply} [data-state=sent]`);
    await expect(budi.inputValue('#reply-text')).resolves.toBe('');

    await budi.fill('#note-form textarea', 'KK asli, alamat sesuai');
    await budi.click('#note-form button[type=submit]');
    const note = '#notes-list li.note:has-text("KK asli, alamat sesuai")';
    await Promise.all([budi.waitForSelector(note), rina.waitForSelector(note)]);
    await expect(budi.locator('#notes-list li.note').count()).resolves.toBe(1);

    await budi.setInputFiles('#send-file-form input[name=file]', {
      name: 'formulir.pdf',
      mimeType: 'application/pdf',
      buffer: fixture('surat.pdf'),
    });
    await budi.click('#send-file-form button[type=submit]');
    await rina.waitForSelector('#transcript li.from-officer .transcript-file a');
    const file = await api.waitFor(() => api.filesSent().find((f) => f.chatId === String(id)), 15_000);
    expect(file.file.filename).toBe('formulir.pdf');

    // Budi's queue, in another tab, lists the conversation he holds.
    const queue = await budi.context().newPage();
    await queue.goto(`${base}/console/queue`);
    await queue.waitForSelector(`#mine a[href="/console/handoffs/${ticket.id}"]`);
    await queue.screenshot({ path: '/tmp/i19-queue-mine.png', fullPage: true });
    await queue.close();

    // Closing without a resolution is refused beside the form; with one, the page goes to the queue.
    await budi.evaluate(() => document.querySelector('#close-form select')?.removeAttribute('required'));
    await budi.click('#close-form button');
    await budi.waitForSelector('#close-form .form-status[data-kind=error]');
    expect(loads).toBe(0);
    await budi.screenshot({ path: '/tmp/i19-whole-conversation.png', fullPage: true });
    await budi.selectOption('#close-form select', 'answered');
    await budi.click('#close-form button');
    await budi.waitForURL(`${base}/console/queue`);
    await expect(running.loket.repos.handoffs.get(ticket.id)).resolves.toMatchObject({
      status: 'closed',
      resolution: 'answered',
    });

    // The citizen rates the conversation (SKM 4 of 4); the supervisor's dashboard shows BUDI's IKM.
    await api.waitFor(() =>
      api.sent.some((m) => String(m.chat_id) === String(id) && String(m.text).includes('angka 1–4')),
    );
    const before = api.sent.length;
    sayAs(id, { text: '4' });
    await api.waitFor(() =>
      api.sent.slice(before).some((m) => String(m.text).includes('saran atau komentar')),
    );
    const sari = await officerPage('sari', errors);
    await sari.goto(`${base}/console/dashboard`);
    await expect(sari.textContent('#satisfaction')).resolves.toMatch(/BUDI.*100,00.*A.*1/s);
    await sari.locator('#satisfaction').screenshot({ path: '/tmp/i19-ikm.png' });
    expect(errors).toEqual([]);
  }, 120_000);
});
