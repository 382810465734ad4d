import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { intakeSettings, NIK } from '../adapters/http/intake-support.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
// CI installs chromium and sets CI=true: there a missing browser is a failure, never a silent skip.
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is absent: .ci/run must install chromium`);
if (!present) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);
const maybe = present ? describe : describe.skip;

const app = useHttpApp('browser_intake', { intake: await intakeSettings() });
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

maybe('assisted intake in a browser', () => {
  it('should file a KTP application for a walk-in citizen with an upload and show the receipt', async () => {
    const { base, repos } = app();
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));

    await page.goto(`${base}/console/login`);
    await page.fill('input[name=username]', 'budi');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/queue`);

    await page.click('nav a[href="/console/intake"]');
    await page.click('a[href="/console/intake/ktp"]');
    await page.waitForURL(`${base}/console/intake/ktp`);

    // Only the steps the flow would ask are shown as the answers come in.
    await page.selectOption('select[name=jenis]', 'baru');
    await expect(page.isVisible('[data-step=sudah_menikah]')).resolves.toBe(true);
    await expect(page.isVisible('[data-step=surat_kehilangan]')).resolves.toBe(false);
    await page.check('input[name=sudah_menikah][value=yes]');
    await expect(page.isVisible('[data-step=tanggal_lahir]')).resolves.toBe(false);

    await page.fill('input[name=nama]', 'Bapak Sutrisno');
    await page.fill('input[name=nik]', NIK);
    await page.fill('input[name=telepon]', '081377778888');
    await page.fill('input[name=kelurahan]', 'Cideng, Kec. Gambir, Jakarta Pusat (31.71.01.1002)');
    await page.fill('input[name=no_kk]', '3171010101900002');
    await page.setInputFiles(
      'input[name=foto_kk]',
      fileURLToPath(new URL('../fixtures/files/foto-kk.png', import.meta.url)),
    );
    await page.fill('input[name=_whatsapp]', '0813 7777 8888');
    await page.click('#intake-submit');
    await page.waitForURL(/\/console\/intake\/slip\/[0-9a-f]{24}$/);

    const tracking = (await page.textContent('#slip-tracking'))?.trim() ?? '';
    expect(tracking).toMatch(/^PTSP-\d{4}-[0-9A-Z]{5}$/);
    const slip = (await page.textContent('#slip')) ?? '';
    expect(slip).toContain('KTP-el');
    expect(slip).toContain('Cideng');
    expect(slip).toContain(`status ${tracking}`);
    expect(slip).not.toContain(NIK);
    // Printed, the receipt stands alone: no menu bar, no buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.isVisible('header')).resolves.toBe(false);
    await expect(page.isVisible('#print-slip')).resolves.toBe(false);
    await expect(page.isVisible('#slip-tracking')).resolves.toBe(true);

    const stored = await repos.applications.findByTrackingNumber(tracking);
    expect(stored).toMatchObject({
      officeId: '31.71.01.1002',
      answers: { jenis: 'baru', sudah_menikah: true },
      applicant: { name: 'Bapak Sutrisno', contact: { channel: 'whatsapp', chatId: '6281377778888' } },
    });
    expect(stored?.documents.map((d) => [d.stepId, d.contentType])).toEqual([['foto_kk', 'image/png']]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
