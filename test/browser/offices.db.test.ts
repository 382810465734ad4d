import { expect, it } from '@jest/globals';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { intakeSettings } from '../adapters/http/intake-support.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const { catalog } = await intakeSettings();
const app = useHttpApp('browser_offices', { catalog });
const browser = useChromium();

describeBrowser('an office in a browser', () => {
  it('should let an admin give Friday a prayer break, open Saturday mornings, and see it saved', async () => {
    const { base, repos } = app();
    const page = await browser().newPage();
    const errors = watchErrors(page, { console: true });
    await login(page, base, 'admin', PASSWORD);
    await page.goto(`${base}/console/admin/offices`);
    await page.click('a[href="/console/offices/31.71.01.1001"]');
    await page.waitForURL(`${base}/console/offices/31.71.01.1001`);
    await page.fill('input[name=phone]', '021 345 6789');
    await page.fill('input[name="hours.fri.periods.0.close"]', '11:30');
    await page.fill('input[name="hours.fri.periods.1.open"]', '13:00');
    await page.fill('input[name="hours.fri.periods.1.close"]', '15:30');
    await page.fill('input[name="hours.sat.periods.0.open"]', '08:00');
    await page.fill('input[name="hours.sat.periods.0.close"]', '12:00');
    await page.uncheck('input[name=services][value=pbg]');
    await page.click('#office-edit button[type=submit]');
    await page.waitForURL(`${base}/console/offices/31.71.01.1001?done=saved`);
    await expect(page.locator('.flash').first().textContent()).resolves.toContain('Data kantor tersimpan');
    // The page shows what is stored: the break, the Saturday and PBG no longer ticked.
    await expect(page.inputValue('input[name="hours.fri.periods.1.open"]')).resolves.toBe('13:00');
    await expect(page.inputValue('input[name="hours.sat.periods.0.close"]')).resolves.toBe('12:00');
    await expect(page.isChecked('input[name=services][value=pbg]')).resolves.toBe(false);
    const office = await repos.offices.get('31.71.01.1001');
    expect(office?.hours.fri).toEqual([
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '15:30' },
    ]);
    expect(office?.phone).toBe('021 345 6789');
    if (process.env.OFFICE_SCREENSHOT)
      await page.screenshot({ path: process.env.OFFICE_SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    // A wrong time comes back beside its field (the 400 page is the only console error).
    await page.fill('input[name="hours.mon.periods.0.open"]', '8 pagi');
    await page.click('#office-edit button[type=submit]');
    await expect(page.locator('#day-mon .error').textContent()).resolves.toContain('JJ:MM');
    expect(errors).toEqual([expect.stringContaining('400')]);
    await page.close();
  });
});
