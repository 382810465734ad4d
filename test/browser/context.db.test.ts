import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createOfficer } from '../../src/app/officer/create-officer.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { start, type Running } from '../../src/main.js';
import { TOKEN } from '../adapters/telegram/helpers.js';
import { serverEnv } from '../support/db.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';

const CITIZEN = { id: 4321, is_bot: false, first_name: 'Rina', language_code: 'id' };
const CHAT = { id: 4321, type: 'private', first_name: 'Rina' };
const PASSWORD = 'kata-sandi-uji-123';
const CANNED =
  'Terima kasih sudah menunggu. Berkas PBG Anda akan kami periksa dulu, lalu kami kabari lewat percakapan ini paling lambat besok siang.';

const api = new FakeBotApi(TOKEN);
let running: Running;
const browser = useChromium();

beforeAll(async () => {
  const apiRoot = await api.listen();
  const config = loadConfig(
    serverEnv('browser_workspace', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      CANNED_REPLIES: `Baik, mohon ditunggu sebentar.|${CANNED}`,
    }),
  );
  running = await start(config, createLogger('silent'));
  await createOfficer(
    { ...running.loket.repos, now: () => new Date() },
    { username: 'budi', displayName: 'Budi', password: PASSWORD, role: 'officer', officeId: '31.71.01.1001' },
    { kind: 'system', id: 'test' },
  );
}, 60_000);
afterAll(async () => {
  await running.conn.dropDatabase().catch(() => undefined);
  await running.stop();
  await api.close();
});

const say = (text: string) =>
  api.push({
    message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: CHAT, from: CITIZEN, text },
  });

describeBrowser("the officer's workspace in a browser", () => {
  it('should show what the citizen asked the bot (PBG) in words, and a canned reply in full', async () => {
    say('apa saja syarat PBG?');
    await api.waitFor(() => api.sent.find((m) => String(m.text).includes('KTP-el pemilik')), 15000);
    say('saya mau bicara dengan petugas');
    await api.waitFor(() => api.sent.find((m) => /antrean/i.test(String(m.text))), 15000);

    const base = `http://127.0.0.1:${running.port}`;
    const page = await browser().newPage({ viewport: { width: 900, height: 1400 } });
    const errors = watchErrors(page);
    await login(page, base, 'budi', PASSWORD);
    await page.locator('tr[data-id] button').first().click();
    await page.waitForURL(/\/console\/handoffs\/[0-9a-f]{24}$/);

    const context = (await page.textContent('#handoff-context')) ?? '';
    expect(context).toContain('Terakhir bertanya tentang: PBG');
    expect(context).toContain('apa saja syarat PBG?');
    expect(context).toContain('KTP-el pemilik');
    const whole = (await page.textContent('main')) ?? (await page.textContent('body')) ?? '';
    expect(whole).not.toMatch(/alasan:|posisi:|layanan:|bahasa:|pesan terakhir/);
    await expect(page.textContent('.canned-reply >> nth=1')).resolves.toBe(CANNED);

    await page.selectOption('#requirement-service', 'pbg');
    await page.click('#insert-requirements');
    await expect(page.inputValue('#reply-text')).resolves.toContain('Gambar teknis dalam PDF');
    await page.click('.canned-reply >> nth=1');
    await expect(page.inputValue('#reply-text')).resolves.toBe(CANNED);
    await page.screenshot({ path: '/tmp/i19-context-conversation.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
