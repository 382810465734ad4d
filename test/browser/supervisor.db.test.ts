import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
// CI installs chromium and sets CI=true: there a missing browser is a failure, never a silent skip.
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is absent: .ci/run must install chromium`);
if (!present) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);
const maybe = present ? describe : describe.skip;

const app = useHttpApp('browser_supervisor');
let browser: Browser | undefined;

beforeAll(async () => {
  if (!present) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A page that records script errors and CSP violations (Chromium reports those as console errors). */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  return { page, errors };
}

async function login(page: Page, base: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/console/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/console/queue`);
}

maybe('supervisor and admin pages in a browser', () => {
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
    await login(page, base, 'sari');
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
    await login(admin.page, base, 'admin');
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
