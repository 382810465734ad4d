import { expect, it } from '@jest/globals';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const app = useHttpApp('browser_workload');
const browser = useChromium();

describeBrowser('availability and satisfaction in a browser', () => {
  it('should let an officer set themselves available, and show a supervisor the IKM', async () => {
    const { base, repos, officerIds } = app();
    const page = await browser().newPage();
    const errors = watchErrors(page);

    await login(page, base, 'budi', PASSWORD);
    await expect(page.locator('#available-count').textContent()).resolves.toBe('0');
    await page.click('#availability button');
    await page.waitForURL(`${base}/console/queue`);
    await expect(page.locator('#available-count').textContent()).resolves.toBe('1');
    await expect(page.locator('#availability').textContent()).resolves.toContain('Anda: siap melayani');
    await page.screenshot({ path: '/tmp/i19-survey-queue.png', fullPage: true });

    for (const [i, score] of ([4, 3, 4] as const).entries()) {
      await repos.satisfaction.record({
        ticketId: `65f0000000000000000002${i}0`,
        officerId: officerIds.budi!,
        officeId: '31.71.01.1001',
        score,
        answeredAt: new Date(),
      });
    }
    const sup = await browser().newPage();
    await login(sup, base, 'sari', PASSWORD);
    await sup.goto(`${base}/console/dashboard`);
    const section = sup.locator('#satisfaction');
    await expect(section.textContent()).resolves.toContain('Kepuasan warga (IKM)');
    await expect(section.locator('td.ikm').first().textContent()).resolves.toBe('91,67');
    await section.scrollIntoViewIfNeeded();
    await sup.screenshot({ path: '/tmp/i19-survey-dashboard.png', fullPage: true });
    await section.screenshot({ path: '/tmp/i19-survey-ikm.png' });
    expect(errors).toEqual([]);
  });
});
