import { fileURLToPath } from 'node:url';
import { expect, it } from '@jest/globals';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { intakeSettings, NIK } from '../adapters/http/intake-support.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const app = useHttpApp('browser_intake', { intake: await intakeSettings() });
const browser = useChromium();

describeBrowser('assisted intake in a browser', () => {
  it('should file a KTP application for a walk-in citizen with an upload and show the receipt', async () => {
    const { base, repos } = app();
    const page = await browser().newPage();
    const errors = watchErrors(page, { console: true });

    await login(page, base, 'budi', PASSWORD);

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
