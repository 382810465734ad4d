import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const app = useHttpApp('browser_supervisor');
const browser = useChromium();

/** A page that records script errors and CSP violations (Chromium reports those as console errors). */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage();
  return { page, errors: watchErrors(page, { console: true }) };
}

describeBrowser('supervisor and admin pages in a browser', () => {
  it('should show a supervisor the dashboard charts', async () => {
    const { base, repos } = app();
    const now = new Date();
    const late = await repos.applications.create(
      newApplication({
        status: 'IN_REVIEW',
        createdAt: new Date(now.getTime() - 5 * 86_400_000),
        slaDueAt: new Date(now.getTime() - 86_400_000),
      }),
      sequentialNumbers(950),
    );
    await repos.events.append({
      type: 'application.submitted',
      applicationId: late.id,
      trackingNumber: late.trackingNumber,
      officeId: late.officeId,
      actor: { kind: 'citizen', id: 'telegram:5550001' },
      at: late.createdAt,
    });
    const { page, errors } = await watchedPage();
    await login(page, base, 'sari', PASSWORD);
    await page.click('nav a[href="/console/dashboard"]');
    await page.waitForURL(`${base}/console/dashboard`);
    await expect(page.locator('svg.chart').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator('svg.heatmap rect.heat').count()).resolves.toBe(7 * 24);
    await expect(page.locator('svg.heatmap rect.heat-5').count()).resolves.toBe(1);
    // The stylesheet colours the SVG: proof the CSP let console.css style it.
    const fill = await page
      .locator('svg.heatmap rect.heat-5')
      .evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(el)
            .fill,
      );
    expect(fill).toBe('rgb(11, 92, 74)');
    const box = await page.locator('#per-day svg').boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    await expect(page.textContent('#overdue')).resolves.toContain(late.trackingNumber);
    await page.click('a.lang');
    await expect(page.textContent('h1')).resolves.toBe('Dashboard');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('should let an admin create an officer who can then log in', async () => {
    const { base } = app();
    const admin = await watchedPage();
    await login(admin.page, base, 'admin', PASSWORD);
    await admin.page.click('nav a[href="/console/admin/officers"]');
    await admin.page.waitForURL(`${base}/console/admin/officers`);
    const form = admin.page.locator('#new-officer');
    await form.locator('input[name=username]').fill('rina');
    await form.locator('input[name=displayName]').fill('Rina Petugas');
    await form.locator('input[name=password]').fill('kata-sandi-rina-1');
    await form.locator('select[name=role]').selectOption('officer');
    await form.locator('input[name=officeId]').fill('31.71.01.1002');
    await form.locator('button[type=submit]').click();
    await admin.page.waitForURL(/done=created/);
    await expect(admin.page.textContent('tr[data-username="rina"]')).resolves.toContain('Rina Petugas');
    expect(admin.errors).toEqual([]);
    await admin.page.close();

    const rina = await watchedPage();
    await login(rina.page, base, 'rina', 'kata-sandi-rina-1');
    await expect(rina.page.textContent('header .who')).resolves.toContain('Rina Petugas');
    // An officer has no supervisor links, and the dashboard refuses them.
    await expect(rina.page.locator('nav a[href="/console/dashboard"]').count()).resolves.toBe(0);
    const res = await rina.page.goto(`${base}/console/dashboard`);
    expect(res?.status()).toBe(403);
    await rina.page.close();
  }, 60_000);
});
