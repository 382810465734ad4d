import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { start, type Running } from '../../src/main.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { serverEnv } from '../support/db.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const TOKEN = '123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789';
const CITIZEN = { id: 778, is_bot: false, first_name: 'Siti', language_code: 'id' };
const CHAT = { id: 778, type: 'private', first_name: 'Siti' };
const PASSWORD = 'kata-sandi-uji-123';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

const api = new FakeBotApi(TOKEN);
let running: Running;
const browser = useChromium();
let messageId = 0;

/** Asks `check` every 100 ms until it answers something (30 s at most). */
async function poll<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

function message(extra: Record<string, unknown>) {
  return {
    message_id: ++messageId,
    date: Math.floor(Date.now() / 1000),
    chat: CHAT,
    from: CITIZEN,
    ...extra,
  };
}

beforeAll(async () => {
  const apiRoot = await api.listen();
  running = await start(
    loadConfig(serverEnv('browser_files', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot })),
    createLogger('silent'),
  );
}, 120_000);

afterAll(async () => {
  await running.conn.dropDatabase().catch(() => undefined);
  await running.stop();
  await api.close();
});

describeBrowser('files in a conversation, in a browser', () => {
  it("should show the citizen's Telegram photo as an image, and send the officer's PDF back to Telegram", async () => {
    const { repos } = running.loket;
    api.push({ message: message({ text: 'petugas' }) });
    const ticket = await poll(() => repos.handoffs.findOpenByChat('telegram', '778'));
    const photo = fixture('foto-kk.png');
    api.addFile('kk-photo', photo);
    api.push({
      message: message({
        photo: [
          { file_id: 'kk-photo', file_unique_id: 'kk-photo-u', width: 1, height: 1, file_size: photo.length },
        ],
      }),
    });
    await poll(async () => (await repos.handoffs.get(ticket.id))?.transcript.find((l) => l.attachment));
    const officer = await createOfficer(
      { ...repos, now: () => new Date() },
      {
        username: 'rina',
        displayName: 'Rina',
        password: PASSWORD,
        role: 'officer',
        officeId: ticket.officeId ?? '31.71.01.1001',
      },
      { kind: 'system', id: 'test' },
    );
    await repos.handoffs.claim(ticket.id, officer.id, new Date());

    const base = `http://127.0.0.1:${running.port}`;
    const page = await browser().newPage();
    const errors = watchErrors(page);
    await login(page, base, 'rina', PASSWORD);
    await page.goto(`${base}/console/handoffs/${ticket.id}`);
    const img = page.locator('.transcript li.from-citizen .transcript-file img');
    await img.waitFor();
    // The element can be there before its bytes are: wait until the photo has loaded and decoded.
    await page.waitForFunction(
      () => {
        const el = document.querySelector<HTMLImageElement>(
          '.transcript li.from-citizen .transcript-file img',
        );
        return el !== null && el.complete && el.naturalWidth > 0;
      },
      undefined,
      { timeout: 10_000 },
    );
    await page.screenshot({ path: '/tmp/i19-files-conversation.png', fullPage: true });

    await page.setInputFiles('#send-file-form input[name=file]', {
      name: 'formulir.pdf',
      mimeType: 'application/pdf',
      buffer: fixture('surat.pdf'),
    });
    await page.fill('#send-file-form input[name=caption]', 'Silakan isi formulir ini');
    await page.click('#send-file-form button[type=submit]');
    await page.waitForSelector('.transcript li.from-officer .transcript-file a');
    const sent = await api.waitFor(() => api.filesSent()[0], 15_000);
    expect(sent).toMatchObject({ method: 'sendDocument', chatId: '778', file: { filename: 'formulir.pdf' } });
    expect(sent.file.bytes.equals(fixture('surat.pdf'))).toBe(true);
    expect(api.sent.some((m) => String(m.text).includes('Silakan isi formulir ini'))).toBe(true);
    await page.screenshot({ path: '/tmp/i19-files-sent.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
