import { expect, it } from '@jest/globals';
import { seedAgencies } from '../../src/app/seed-agencies.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { stubKelurahan } from '../catalog/support/stub-kelurahan.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const catalog = await loadCatalog({ kelurahan: stubKelurahan });
const app = useHttpApp('browser_agencies', { catalog });
const browser = useChromium();

describeBrowser('agency steps in a browser', () => {
  it('should forward a PBG to the Dinas Cipta Karya, record its answer, and show the agency on the dashboard', async () => {
    const { base, repos } = app();
    const pbg = await repos.applications.create(
      newApplication({ serviceId: 'pbg', status: 'IN_REVIEW' }),
      sequentialNumbers(300),
    );
    // A second one waits past its agency's SLA: it makes Disdukcapil the latest agency.
    const past = new Date(Date.now() - 20 * 86_400_000);
    await repos.applications.create(
      newApplication({
        serviceId: 'akta_kelahiran',
        status: 'IN_REVIEW',
        agencySteps: [
          {
            agencyId: 'disdukcapil',
            forwardedAt: past,
            forwardedBy: 'seed',
            slaDays: 3,
            slaDueAt: new Date(past.getTime() + 3 * 86_400_000),
            note: 'Mohon tanda tangan akta',
          },
        ],
      }),
      sequentialNumbers(310),
    );
    const page = await browser().newPage();
    const errors = watchErrors(page, { console: true });

    await login(page, base, 'budi', PASSWORD);
    await page.goto(`${base}/console/applications/${pbg.id}`);
    await page.selectOption('#forward-form select[name=agencyId]', 'dinas_pupr');
    await page.fill('#forward-form textarea[name=note]', 'Mohon pemeriksaan teknis gambar bangunan');
    await page.click('#forward-form button[type=submit]');
    await page.waitForSelector('#agency-wait');
    await expect(page.textContent('#agency-wait')).resolves.toMatch(
      /Menunggu Dinas Cipta Karya, hari ke-\d dari 5 hari kerja/,
    );

    await page.selectOption('#agency-answer-form select[name=outcome]', 'done');
    await page.fill('#agency-answer-form textarea[name=note]', 'Memenuhi persyaratan teknis');
    await page.click('#agency-answer-form button[type=submit]');
    await page.waitForSelector('#forward-form');
    await expect(page.textContent('#agency-steps table')).resolves.toContain(
      'Selesai / disetujui · Memenuhi persyaratan teknis',
    );

    await page.click('form[action="/console/logout"] button');
    await login(page, base, 'sari', PASSWORD);
    await page.goto(`${base}/console/dashboard`);
    const rows = await page.locator('#agencies tbody tr td:first-child').allTextContents();
    expect(rows).toEqual(['Disdukcapil', 'Dinas Cipta Karya']);
    await expect(page.locator('#agencies svg').count()).resolves.toBe(1);
    await page.locator('#agencies').scrollIntoViewIfNeeded();
    await page.locator('#agencies').screenshot({ path: '/tmp/i25-agencies.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should let an admin keep the agencies and make an agency account that sees only its own list', async () => {
    const { base, repos } = app();
    await seedAgencies(repos, catalog.agencies);
    const page = await browser().newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = watchErrors(page, { console: true });

    await login(page, base, 'admin', PASSWORD);
    await page.click('header a[href="/console/admin/agencies"]');
    await page.fill('#new-agency input[name=id]', 'bpn');
    await page.fill('#new-agency input[name=name]', 'Kantor Pertanahan (BPN) Jakarta Pusat');
    await page.fill('#new-agency input[name=shortName]', 'BPN Jakarta Pusat');
    await page.fill('#new-agency input[name=contact]', '021-555-0199');
    await page.click('#new-agency button[type=submit]');
    await page.waitForSelector('#agency-bpn');
    await page.click('#agency-dinas_sosial button[type=submit]');
    await page.waitForSelector('#agency-dinas_sosial');
    await expect(page.textContent('#agency-dinas_sosial')).resolves.toContain('nonaktif');
    await page.screenshot({ path: '/tmp/i25-agencies-admin.png', fullPage: true });

    await page.goto(`${base}/console/admin/officers`);
    // An agency's long full name in the select must not push the form's fields out of its card.
    const overflow = await page.$eval('#new-officer', (form) => {
      const right = form.getBoundingClientRect().right;
      return [...form.querySelectorAll('input, select')]
        .filter((e) => e.getBoundingClientRect().right > right)
        .map((e) => e.getAttribute('name'));
    });
    expect(overflow).toEqual([]);
    await page.fill('#new-officer input[name=username]', 'pertanahan');
    await page.fill('#new-officer input[name=displayName]', 'Loket BPN');
    await page.fill('#new-officer input[name=password]', PASSWORD);
    await page.selectOption('#new-officer select[name=role]', 'agency');
    await page.selectOption('#new-officer select[name=agencyId]', 'bpn');
    await page.fill('#new-officer input[name=officeId]', '31.71');
    await page.click('#new-officer button[type=submit]');
    await page.waitForSelector('.flash.ok');

    const past = new Date(Date.now() - 9 * 86_400_000);
    await repos.applications.create(
      newApplication({
        serviceId: 'pbg',
        status: 'IN_REVIEW',
        agencySteps: [
          {
            agencyId: 'bpn',
            forwardedAt: past,
            forwardedBy: 'seed',
            slaDays: 5,
            slaDueAt: new Date(past.getTime() + 5 * 86_400_000),
            note: 'Mohon cek status sertifikat tanah',
          },
        ],
      }),
      sequentialNumbers(320),
    );
    await page.click('form[action="/console/logout"] button');
    // An agency account's login lands on its own list, not the queue.
    await page.goto(`${base}/console/login`);
    await page.fill('input[name=username]', 'pertanahan');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/agency`);
    const links = await page.locator('header a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/console/agency', '/console/agency?lang=en']);
    await expect(page.textContent('#agency-inbox')).resolves.toContain('Mohon cek status sertifikat tanah');
    await page.screenshot({ path: '/tmp/i25-agency-account.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
