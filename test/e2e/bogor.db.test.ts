import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { start, type Running } from '../../src/main.js';
import { TOKEN } from '../adapters/telegram/helpers.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';

/** Kemendagri codes from idn-area-data: Kabupaten Bogor and Kelurahan Cibinong, Kec. Cibinong. */
const BOGOR = '32.01';
const CIBINONG = '32.01.01.1006';
const ADMIN_PASSWORD = 'pohon-mangga-di-balai-desa';
const OFFICER_PASSWORD = 'kata-sandi-petugas-cibinong';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

/**
 * Issue 20 end to end, for a Kabupaten Bogor deployment (`LOKET_AREAS=32.01`) on the whole
 * server with Telegram on the fake Bot API: the first admin through the setup link in the log,
 * an office's hours edited, a citizen of Cibinong applying for a KTP that lands at Kelurahan
 * Cibinong's queue, an officer there seeing it, and a citizen naming a Jakarta kelurahan told
 * which area this Loket serves. The tests run in order and build on each other.
 */
describeBrowser('a Kabupaten Bogor deployment, end to end', () => {
  const api = new FakeBotApi(TOKEN);
  const lines: string[] = [];
  const browser = useChromium();
  const errors: string[] = [];
  let running: Running;
  let base = '';
  let admin: Page;
  let tracking = '';
  let update = 1;

  /**
   * Citizen `chat` writes `text` (or sends a photo); resolves with everything the bot answered
   * once an answer matches `expected`.
   */
  async function say(chat: number, input: string | { photo: Buffer }, expected: RegExp): Promise<string> {
    const before = api.sent.length;
    const from = { id: chat, is_bot: false, first_name: `Warga ${chat}`, language_code: 'id' };
    const body =
      typeof input === 'string'
        ? { text: input }
        : (api.addFile(`photo-${update}`, input.photo),
          {
            photo: [
              {
                file_id: `photo-${update}`,
                file_unique_id: `photo-${update}-u`,
                width: 1,
                height: 1,
                file_size: input.photo.length,
              },
            ],
          });
    api.push({
      message: {
        message_id: update++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: 'private', first_name: from.first_name },
        from,
        ...body,
      },
    });
    const replies = () =>
      api.sent
        .slice(before)
        .filter((m) => String(m.chat_id) === String(chat))
        .map((m) => String(m.text))
        .join('\n');
    try {
      return await api.waitFor(() => expected.test(replies()) && replies(), 15_000);
    } catch {
      throw new Error(`after ${JSON.stringify(input)} expected ${expected}, the bot said:\n${replies()}`);
    }
  }

  beforeAll(async () => {
    const apiRoot = await api.listen();
    const env = serverEnv('e2e_bogor', {
      LOKET_AREAS: BOGOR,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
    });
    running = await start(
      loadConfig(env),
      createLogger('info', { write: (line: string) => void lines.push(line) }),
    );
    base = `http://127.0.0.1:${running.port}`;
  }, 120_000);
  afterAll(async () => {
    await running?.conn.dropDatabase().catch(() => undefined);
    await running?.stop();
    await api.close();
  });

  it('should create the first admin through the setup link the log prints', async () => {
    const link = lines
      .map((l) => /(http:\/\/\S+\/console\/setup\?token=[A-Za-z0-9_-]{43})/.exec(l)?.[1])
      .find((l) => l !== undefined);
    expect(link).toBeDefined();
    admin = await browser().newPage();
    watchErrors(admin, { console: true, label: 'admin', into: errors });
    await admin.goto(link!);
    await admin.fill('input[name=username]', 'admin');
    await admin.fill('input[name=displayName]', 'Admin Kabupaten Bogor');
    await admin.fill('input[name=password]', ADMIN_PASSWORD);
    await admin.fill('input[name=password2]', ADMIN_PASSWORD);
    // The offices are Kabupaten Bogor's own: its kecamatan and desa/kelurahan, none in Jakarta.
    const offered = await admin
      .locator('select[name=officeId] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain(BOGOR);
    expect(offered).toContain(CIBINONG);
    expect(offered.some((id) => id.startsWith('31.'))).toBe(false);
    await admin.selectOption('select[name=officeId]', BOGOR);
    await admin.screenshot({ path: '/tmp/i20-e2e-setup.png', fullPage: true });
    await admin.click('button[type=submit]');
    await admin.waitForURL(`${base}/console/queue`);
    await expect(admin.textContent('header .who')).resolves.toContain('Admin Kabupaten Bogor');
  }, 60_000);

  it("should let the admin give Kelurahan Cibinong's Friday a prayer break and see it saved", async () => {
    // From the menu, as an admin finds it: accounts, then the office list below them.
    await admin.click('nav a[href="/console/admin/officers"]');
    await admin.click('main a[href="/console/admin/offices"] >> nth=-1');
    await admin.waitForURL(`${base}/console/admin/offices`);
    await admin.fill('form.filters input[name=q]', 'Cibinong');
    await admin.click('form.filters button');
    await admin.click(`a[href="/console/offices/${CIBINONG}"]`);
    await admin.waitForURL(`${base}/console/offices/${CIBINONG}`);
    await admin.fill('input[name="hours.fri.periods.0.close"]', '11:30');
    await admin.fill('input[name="hours.fri.periods.1.open"]', '13:00');
    await admin.fill('input[name="hours.fri.periods.1.close"]', '15:00');
    await admin.click('#office-edit button[type=submit]');
    await admin.waitForURL(`${base}/console/offices/${CIBINONG}?done=saved`);
    await expect(admin.locator('.flash').first().textContent()).resolves.toContain('Data kantor tersimpan');
    await expect(admin.inputValue('input[name="hours.fri.periods.0.close"]')).resolves.toBe('11:30');
    await expect(admin.inputValue('input[name="hours.fri.periods.1.open"]')).resolves.toBe('13:00');
    await admin.screenshot({ path: '/tmp/i20-e2e-office.png', fullPage: true });
    await expect(running.loket.repos.offices.get(CIBINONG)).resolves.toMatchObject({
      name: 'Kelurahan Cibinong',
      hours: {
        fri: [
          { open: '08:00', close: '11:30' },
          { open: '13:00', close: '15:00' },
        ],
      },
    });
  }, 60_000);

  it('should take a KTP application from a citizen of Cibinong into Kelurahan Cibinong', async () => {
    const chat = 5101;
    await say(chat, 'halo', /KTP-el/);
    await say(chat, 'mau bikin ktp', /UU 27\/2022.*setuju/s);
    await say(chat, 'ya', /KTP apa/);
    await say(chat, 'baru', /nama lengkap/);
    await say(chat, 'Siti Nurhaliza', /NIK/);
    // Registered in Kec. Cibinong (32.01.01), a woman (day 05 + 40) born 5 January 1995.
    await say(chat, '3201014501950003', /Nomor HP/);
    // The question gives no example from another province: any deployment reads it.
    expect(await say(chat, '0812 3456 7890', /kelurahan/i)).not.toMatch(/Tanjung Barat/);
    // Kabupaten Bogor has two: Kelurahan Cibinong (Kec. Cibinong) and Desa Cibinong (Kec. Gunungsindur).
    const which = await say(chat, 'Cibinong', /Gunungsindur/);
    const option = /(\d+)\W+(?:Kelurahan )?Cibinong, Kec\. Cibinong/.exec(which)?.[1];
    expect(option).toBeDefined();
    await say(chat, option!, /Kartu Keluarga/);
    await say(chat, '3201010101900002', /menikah/);
    await say(chat, 'tidak', /tanggal lahir/);
    await say(chat, '5 januari 1995', /foto Kartu Keluarga/);
    const summary = await say(chat, { photo: fixture('foto-kk.png') }, /Kirim permohonan/);
    expect(summary).toContain('Siti Nurhaliza');
    expect(summary).toContain('Cibinong');
    const done = await say(chat, '1', /Nomor pelacakan/);
    tracking = /PTSP-\d{4}-[A-Z0-9]+/.exec(done)?.[0] ?? '';
    expect(tracking).not.toBe('');
    // Every office in the seeded tree offers every service until an admin narrows it, so the
    // KTP stays at the citizen's own kelurahan: no "routed to" line.
    expect(done).not.toMatch(/diteruskan|dialihkan/);
    const application = await running.loket.repos.applications.findByTrackingNumber(tracking);
    expect(application).toMatchObject({ serviceId: 'ktp', officeId: CIBINONG });
  }, 60_000);

  it('should show the application to an officer of Kelurahan Cibinong, in the list and in detail', async () => {
    await admin.click('nav a[href="/console/admin/officers"]');
    const form = admin.locator('#new-officer');
    // The example code is the admin's own office, and the hint leads to the list to look one up.
    await expect(form.locator('input[name=officeId]').getAttribute('placeholder')).resolves.toBe(BOGOR);
    await form.locator('a[href="/console/admin/offices"]').click();
    await admin.fill('form.filters input[name=q]', 'Cibinong');
    await admin.click('form.filters button');
    const code = await admin
      .locator('#offices tr', { hasText: 'Kelurahan Cibinong' })
      .locator('td')
      .first()
      .textContent();
    expect(code).toBe(CIBINONG);
    await admin.screenshot({ path: '/tmp/i20-e2e-offices.png', fullPage: true });
    await admin.click('nav a[href="/console/admin/officers"]');
    await form.locator('input[name=username]').fill('dewi');
    await form.locator('input[name=displayName]').fill('Dewi Petugas Cibinong');
    await form.locator('input[name=password]').fill(OFFICER_PASSWORD);
    await form.locator('select[name=role]').selectOption('officer');
    await form.locator('input[name=officeId]').fill(code!);
    await form.locator('button[type=submit]').click();
    await admin.waitForURL(/done=created/);

    const officer = await (await browser().newContext()).newPage();
    watchErrors(officer, { console: true, label: 'dewi', into: errors });
    await login(officer, base, 'dewi', OFFICER_PASSWORD);
    await officer.goto(`${base}/console/applications`);
    const row = officer.locator('tr', { hasText: tracking });
    await expect(row.textContent()).resolves.toContain('Siti Nurhaliza');
    await officer.screenshot({ path: '/tmp/i20-e2e-applications.png', fullPage: true });
    await row.locator('a').first().click();
    await officer.waitForURL(/\/console\/applications\/[^/?]+$/);
    const detail = await officer.textContent('main');
    expect(detail).toContain(tracking);
    expect(detail).toContain('Siti Nurhaliza');
    await officer.screenshot({ path: '/tmp/i20-e2e-application.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('should tell a citizen naming a Jakarta kelurahan that this Loket serves Kabupaten Bogor, and keep asking', async () => {
    const chat = 5102;
    await say(chat, 'halo', /KTP-el/);
    await say(chat, 'mau bikin ktp', /UU 27\/2022.*setuju/s);
    await say(chat, 'ya', /KTP apa/);
    await say(chat, 'baru', /nama lengkap/);
    await say(chat, 'Budi Santoso', /NIK/);
    await say(chat, '3201010101900001', /Nomor HP/);
    await say(chat, '0812 1111 2222', /kelurahan/i);
    const answer = await say(chat, 'Gambir', /Loket ini melayani/);
    expect(answer).toContain('Kabupaten Bogor');
    expect(answer).toMatch(/Gambir/);
    expect(answer).toMatch(/Jakarta Pusat/);
    // Still at the kelurahan question: a Bogor village is taken next.
    await say(chat, 'Cibinong', /Gunungsindur/);
  }, 60_000);
});
