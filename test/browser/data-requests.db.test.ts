import { expect, it } from '@jest/globals';
import { PASSWORD, useHttpApp } from '../adapters/http/http-fixture.js';
import { newApplication, sequentialNumbers } from '../adapters/mongo/fixtures.js';
import { describeBrowser, login, useChromium, watchErrors } from '../support/browser.js';

const app = useHttpApp('browser_data_requests');
const browser = useChromium();

describeBrowser("citizens' deletion requests in a browser", () => {
  it('should let a supervisor refuse one with a reason and approve another', async () => {
    const { base, repos, pushed } = app();
    const now = Date.now();
    const finished = await repos.applications.create(
      newApplication({
        status: 'COMPLETED',
        applicant: {
          name: 'Siti Rahmawati',
          nik: '3171014708900003',
          contact: { channel: 'telegram', chatId: '7770001' },
        },
      }),
      sequentialNumbers(810),
    );
    const { request: toRefuse } = await repos.deletionRequests.open({
      channel: 'whatsapp',
      chatId: '6281234567890',
      createdAt: new Date(now - 80 * 3_600_000),
      dueAt: new Date(now - 8 * 3_600_000),
    });
    const { request: toApprove } = await repos.deletionRequests.open({
      channel: 'telegram',
      chatId: '7770001',
      createdAt: new Date(now - 3_600_000),
      dueAt: new Date(now + 71 * 3_600_000),
    });
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page, { console: true });
    await login(page, base, 'sari', PASSWORD);
    await page.click('nav a[href="/console/data-requests"]');
    await page.waitForURL(`${base}/console/data-requests`);
    await expect(page.textContent('h1')).resolves.toBe('Permintaan hapus data');
    const late = page.locator(`tr[data-request="${toRefuse.id}"]`);
    await expect(late.textContent()).resolves.toContain('terlambat');

    // A refusal without a reason comes back with the error beside its form.
    await late.locator('form.refuse button').click();
    await expect(
      page.locator(`tr[data-request="${toRefuse.id}"] .error`).last().textContent(),
    ).resolves.toContain('Alasan wajib diisi');
    await page.screenshot({ path: '/tmp/i22-data-requests-pending.png', fullPage: true });
    await page.fill(
      `tr[data-request="${toRefuse.id}"] input[name=reason]`,
      'Pengaduan warga ini masih diperiksa.',
    );
    await page.click(`tr[data-request="${toRefuse.id}"] form.refuse button`);
    await page.waitForURL(`${base}/console/data-requests?done=refused`);
    await expect(page.textContent('.flash')).resolves.toContain('Permintaan ditolak');

    await page.click(`tr[data-request="${toApprove.id}"] form[action$="/approve"] button`);
    await page.waitForURL(`${base}/console/data-requests?done=approved`);
    await expect(page.textContent('.flash')).resolves.toContain('Permintaan disetujui');
    await expect(page.textContent(`tr[data-request="${toApprove.id}"]`)).resolves.toContain('Disetujui');
    await expect(page.textContent(`tr[data-request="${toRefuse.id}"]`)).resolves.toContain(
      'Pengaduan warga ini masih diperiksa.',
    );
    await page.screenshot({ path: '/tmp/i22-data-requests.png', fullPage: true });

    expect((await repos.applications.findById(finished.id))?.erasedAt).toBeDefined();
    expect(pushed.map((p) => p.event.kind)).toEqual(['deletion_decided', 'deletion_decided']);
    // The one 400 is the refusal sent without a reason, on purpose.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await page.close();
  }, 60_000);
});
