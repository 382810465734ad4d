import { expect, it } from '@jest/globals';
import { createMongoLeases } from '../../src/adapters/mongo/mongo-lease.js';
import { createOutbound } from '../../src/app/outbound/outbound.js';
import type { ChannelSender } from '../../src/ports/channel-sender.js';
import type { Reply } from '../../src/dialogue/types.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { describeBrowser, login, submitLogin, useChromium, watchErrors } from '../support/browser.js';

/** Runs in the page before its own scripts: notes each notification and each beep in `window.alerts`. */
const RECORD_ALERTS = `
  window.alerts = [];
  const Real = window.Notification;
  class Recorded extends Real {
    constructor(title, options) {
      super(title, options);
      window.alerts.push('notification:' + title + ':' + ((options && options.body) || ''));
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
  window.Notification = Recorded;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.alerts.push('sound');
    return createOscillator.call(this);
  };
`;

const app = useHttpApp('browser_console');
const browser = useChromium();

describeBrowser('officer console in a browser', () => {
  it('should log in, claim a queued conversation, reply, and change a status that reaches the citizen', async () => {
    const { base, repos, pushed } = app();
    const { ticket } = await repos.handoffs.open({
      channel: 'telegram',
      chatId: '9001',
      citizenName: 'Ibu Sri',
      reason: 'asked',
      priority: false,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    const application = await repos.applications.create(
      newApplication({ status: 'IN_REVIEW' }),
      sequentialNumbers(900),
    );
    const page = await browser().newPage();
    const errors = watchErrors(page, { console: true });

    await page.goto(`${base}/console/queue`);
    expect(page.url()).toBe(`${base}/console/login`);
    await submitLogin(page, base, 'budi', PASSWORD);

    const row = page.locator(`tr[data-id="${ticket.id}"]`);
    await expect(row.textContent()).resolves.toContain('Ibu Sri');
    await row.locator('button').click();
    await page.waitForURL(`${base}/console/handoffs/${ticket.id}`);
    await page.click('.canned-reply >> nth=0');
    await expect(page.inputValue('#reply-text')).resolves.toBe('Baik, mohon ditunggu sebentar.');
    await page.click('#reply-form button[type=submit]');
    await page.waitForSelector('.transcript li.from-officer');
    expect(pushed.filter((p) => p.address.chatId === '9001').map((p) => p.event)).toEqual([
      { kind: 'officer_joined', officerName: 'BUDI' },
      { kind: 'officer_message', text: 'Baik, mohon ditunggu sebentar.', officerName: 'BUDI' },
    ]);

    await page.goto(`${base}/console/applications/${application.id}`);
    await page.selectOption('select[name=to]', 'APPROVED');
    await page.fill('textarea[name=note]', 'Berkas lengkap');
    await page.click('form[action$="/status"] button[type=submit]');
    await page.waitForURL(/saved=1/);
    await expect(page.textContent('.status')).resolves.toBe('Disetujui, sedang disiapkan');

    const sent: Array<{ chatId: string; replies: Reply[] }> = [];
    const telegram: ChannelSender = {
      channel: 'telegram',
      send: (chatId, replies) => {
        sent.push({ chatId, replies });
        return Promise.resolve({ ok: true });
      },
    };
    await createOutbound({
      outbox: repos.outbox,
      leases: createMongoLeases(app().conn),
      senders: new Map([['telegram', telegram]]),
      workerId: 'browser-test',
      now: () => new Date(),
    }).pass();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chatId).toBe('5550001');
    expect((sent[0]?.replies[0] as { text: string }).text).toContain(application.trackingNumber);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('should show a newly waiting citizen in the live queue without a reload', async () => {
    const { base, repos } = app();
    const page = await browser().newPage();
    await login(page, base, 'sari', PASSWORD);
    const { ticket } = await repos.handoffs.open({
      channel: 'whatsapp',
      chatId: '628111',
      citizenName: 'Pak Live',
      reason: 'complaint',
      priority: true,
      officeId: '31.71.01.1002',
      createdAt: new Date(),
    });
    await page.waitForSelector(`tr[data-id="${ticket.id}"]`, { timeout: 10_000 });
    await expect(page.title()).resolves.toMatch(/^\(\d+\)/);
    await page.close();
  }, 60_000);
  it('should ring and raise a browser notification when a citizen starts waiting', async () => {
    const { base, repos } = app();
    const context = await browser().newContext();
    await context.grantPermissions(['notifications'], { origin: base });
    // Records what the page does; the real Notification and AudioContext still run underneath.
    await context.addInitScript({ content: RECORD_ALERTS });
    const page = await context.newPage();
    await login(page, base, 'budi', PASSWORD);
    await page.click('#enable-alerts');
    await expect(page.evaluate<string[]>('window.alerts')).resolves.toEqual([]);
    const { ticket } = await repos.handoffs.open({
      channel: 'telegram',
      chatId: '9117',
      citizenName: 'Pak Alert',
      reason: 'asked',
      priority: false,
      officeId: '31.71.01.1001',
      createdAt: new Date(),
    });
    await page.waitForSelector(`tr[data-id="${ticket.id}"]`, { timeout: 10_000 });
    await page.waitForFunction('window.alerts.length >= 2');
    const alerts = await page.evaluate<string[]>('window.alerts');
    expect(alerts[0]).toBe('sound');
    expect(alerts[1]).toMatch(/^notification:Loket:.*menunggu/i);
    await context.close();
  }, 60_000);

  it('should switch to English and stay usable on a phone-sized screen', async () => {
    const { base, repos } = app();
    const application = await repos.applications.create(newApplication(), sequentialNumbers(950));
    const context = await browser().newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await login(page, base, 'budi', PASSWORD);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('id');
    await page.click('a.lang');
    await page.waitForURL(/lang=en/);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await page.goto(`${base}/console/applications`);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await expect(page.textContent('nav')).resolves.toContain('Applications');
    // Nothing wider than the screen: no sideways scrolling on a 360 px phone.
    for (const path of [
      '/console/queue',
      '/console/applications',
      `/console/applications/${application.id}`,
    ]) {
      await page.goto(`${base}${path}`);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect([path, width]).toEqual([path, 360]);
    }
    await context.close();
  }, 60_000);
});
