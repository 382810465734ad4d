import { beforeAll, expect, it } from '@jest/globals';
import { issueSetupToken } from '../../src/app/officer/first-admin.js';
import { useHttpApp } from '../adapters/http/http-fixture.js';
import { describeBrowser, submitLogin, useChromium, watchErrors } from '../support/browser.js';

const app = useHttpApp('browser_setup');
const browser = useChromium();

beforeAll(async () => {
  // An empty console: no officer yet, as right after `npm ci && npm start`.
  await app().conn.collection('officers').deleteMany({});
});

describeBrowser('first-run setup in a browser', () => {
  it('should go from the setup link to the first login', async () => {
    const { base, repos } = app();
    const issued = await issueSetupToken({ ...repos, now: () => new Date() });
    if (issued.kind !== 'issued') throw new Error(issued.kind);
    const page = await browser().newPage();
    const errors = watchErrors(page);

    await page.goto(`${base}/console/login`);
    await expect(page.locator('#first-run').textContent()).resolves.toContain('Belum ada akun petugas');
    await page.screenshot({ path: '/tmp/i20-setup-login-hint.png', fullPage: true });

    await page.goto(`${base}/console/setup?token=${issued.token}`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=displayName]', 'Admin Kelurahan Gambir');
    await page.fill('input[name=password]', 'pendek-sekali');
    await page.fill('input[name=password2]', 'pendek-sekali');
    await page.selectOption('select[name=officeId]', '31.71.01.1001');
    await page.screenshot({ path: '/tmp/i20-setup-form.png', fullPage: true });
    // Long enough for the browser, too easy for the server: refused with the reason, values kept.
    await page.fill('input[name=password]', 'password1234');
    await page.fill('input[name=password2]', 'password1234');
    await page.click('button[type=submit]');
    await expect(page.locator('.error').first().textContent()).resolves.toContain('mudah ditebak');
    await page.screenshot({ path: '/tmp/i20-setup-weak.png', fullPage: true });
    expect(await page.inputValue('input[name=username]')).toBe('admin');

    await page.fill('input[name=password]', 'pohon-mangga-di-balai-desa');
    await page.fill('input[name=password2]', 'pohon-mangga-di-balai-desa');
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/queue`);
    await expect(page.content()).resolves.toContain('Admin Kelurahan Gambir');

    // Log out, then the first login with the new account.
    await page.click('form[action="/console/logout"] button');
    await page.waitForURL(`${base}/console/login`);
    await expect(page.locator('#first-run').count()).resolves.toBe(0);
    await submitLogin(page, base, 'admin', 'pohon-mangga-di-balai-desa');
    await page.screenshot({ path: '/tmp/i20-setup-first-login.png', fullPage: true });

    const dead = await page.goto(`${base}/console/setup?token=${issued.token}`);
    expect(dead?.status()).toBe(410);
    await page.screenshot({ path: '/tmp/i20-setup-gone.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
