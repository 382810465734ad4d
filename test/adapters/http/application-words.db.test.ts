import { describe, expect, it } from '@jest/globals';
import { newApplication, sequentialNumbers } from '../mongo/fixtures.js';
import { Client, useHttpApp } from './http-fixture.js';
import { intakeSettings, NIK } from './intake-support.js';

const { catalog } = await intakeSettings();
const app = useHttpApp('http_application_words', { catalog });
const numbers = sequentialNumbers(870);

/** A "KTP hilang" application as the bot stores it: ids for the step, the choice and the kelurahan. */
async function ktpHilang() {
  const base = newApplication({ status: 'NEEDS_REVISION' });
  return app().repos.applications.create(
    {
      ...base,
      answers: {
        jenis: 'hilang',
        nama: 'Siti Rahmawati',
        nik: NIK,
        kelurahan: '31.71.01.1001',
        sudah_menikah: false,
        setuju: true,
      },
      revision: { stepId: 'surat_kehilangan', note: 'Foto surat buram' },
    },
    numbers,
  );
}

describe('the application pages in words', () => {
  it('should name the service and the office (its code small after it) in the list, in either language', async () => {
    const a = await ktpHilang();
    const c = new Client(app().base);
    await c.login('budi');
    const { html } = await c.page(`/console/applications?q=${a.trackingNumber}`);
    const row = html.slice(html.indexOf(a.trackingNumber));
    expect(row).toContain('<td>KTP-el (Kartu Tanda Penduduk)</td>');
    expect(row).toContain('Gambir <small class="code">31.71.01.1001</small>');
    expect(row).not.toContain('<td>ktp</td>');
    const en = await c.page(`/console/applications?q=${a.trackingNumber}&lang=en`);
    expect(en.html).toContain('Gambir <small class="code">31.71.01.1001</small>');
  });

  it('should show answers, documents and the revision note under step labels, yes/no as words, NIK masked', async () => {
    const a = await ktpHilang();
    const c = new Client(app().base);
    await c.login('budi');
    const { html } = await c.page(`/console/applications/${a.id}`);
    expect(html).toContain('KTP-el (Kartu Tanda Penduduk)');
    expect(html).toContain('Gambir <small class="code">31.71.01.1001</small>');
    expect(html).toContain('<dt>Jenis KTP</dt><dd>KTP hilang</dd>');
    expect(html).toContain('<dt>Sudah/pernah menikah</dt><dd>Tidak</dd>');
    expect(html).toContain('<dt>Setuju</dt><dd>Ya</dd>');
    expect(html).toMatch(/<dt>Kelurahan<\/dt><dd>Gambir<\/dd>/);
    expect(html).toContain('<dt>NIK</dt><dd>************0003</dd>');
    expect(html).not.toContain(NIK);
    expect(html).not.toMatch(/<dd>(true|false)<\/dd>/);
    expect(html).not.toContain('<dt>sudah_menikah</dt>');
    expect(html).toContain('(Surat keterangan kehilangan, application/pdf)');
    expect(html).toContain('Surat keterangan kehilangan: Foto surat buram');
    expect(html).not.toContain('surat_kehilangan: ');
    // The status history in words too.
    expect(html).toContain('- → Sudah diterima, menunggu diperiksa');
  });
});
