import { describe, expect, it } from '@jest/globals';
import { Client, useHttpApp } from './http-fixture.js';
import { fixtureFile, form, intakeSettings, KTP_HILANG } from './intake-support.js';

const app = useHttpApp('intake_escaping', { intake: await intakeSettings() });

/** Markup an applicant or a file name might carry: it must reach the page as text, never as tags. */
const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';

/** The page's text as a reader sees it: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Neither payload became an element or broke out of an attribute. */
function expectNoInjectedMarkup(html: string): void {
  expect(html).not.toContain('<script>alert(1)');
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/"\s*onerror=/i);
}

async function openForm(c: Client): Promise<string> {
  const { html } = await c.page('/console/intake/ktp');
  const nonce = /name="_nonce" value="([^"]+)"/.exec(html)?.[1];
  if (!nonce) throw new Error('no nonce in the form');
  return nonce;
}

describe('intake pages show what applicants type as text', () => {
  it('should show a name with markup as text on the receipt', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    const nonce = await openForm(c);
    const fields = { ...KTP_HILANG, nama: `${SCRIPT}${BREAKOUT}`, _nonce: nonce, _csrf: c.csrf };
    const files = {
      surat_kehilangan: [['laporan.jpg', fixtureFile('foto-ktp.jpg')]] as Array<[string, Buffer]>,
      foto_kk: [['kk.png', fixtureFile('foto-kk.png')]] as Array<[string, Buffer]>,
    };
    const res = await c.fetch('/console/intake/ktp', { method: 'POST', body: form(fields, files) });
    expect(res.status).toBe(303);
    const { html } = await c.page(res.headers.get('location') ?? '');
    expectNoInjectedMarkup(html);
    expect(visibleText(html)).toContain(`${SCRIPT}${BREAKOUT} · NIK`);
  });

  it('should show answers with markup as text when the form comes back with errors', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    const nonce = await openForm(c);
    const fields = {
      ...KTP_HILANG,
      nama: SCRIPT,
      no_kk: BREAKOUT,
      _telegram: BREAKOUT,
      _nonce: nonce,
      _csrf: c.csrf,
    };
    const res = await c.fetch('/console/intake/ktp', { method: 'POST', body: form(fields) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expectNoInjectedMarkup(html);
    // The answers are back in their inputs, whole, as attribute values.
    expect(html).toContain('value="&lt;script>alert(1)&lt;/script>"');
    expect(html.match(/value="&quot;>&lt;img src=x onerror=alert\(1\)>"/g)).toHaveLength(2);
  });

  it('should show a refused file whose name carries markup by its name, as text', async () => {
    const c = new Client(app().base);
    await c.login('budi');
    const nonce = await openForm(c);
    const fields = { ...KTP_HILANG, _nonce: nonce, _csrf: c.csrf };
    // Not an image at all: refused, with its name in the field's error.
    const files = {
      surat_kehilangan: [['laporan.jpg', fixtureFile('foto-ktp.jpg')]] as Array<[string, Buffer]>,
      foto_kk: [[`${SCRIPT}${BREAKOUT}.jpg`, fixtureFile('program-asli.jpg')]] as Array<[string, Buffer]>,
    };
    const res = await c.fetch('/console/intake/ktp', { method: 'POST', body: form(fields, files) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expectNoInjectedMarkup(html);
    const error = /data-step="foto_kk"[\s\S]*?<span class="error" role="alert">([^<]*)<\/span>/.exec(
      html,
    )?.[1];
    // FormData sends the quote in a file name percent-encoded, as browsers do.
    expect(visibleText(error ?? '')).toMatch(
      /<script>alert\(1\)<\/script>(?:"|%22)><img src=x onerror=alert\(1\)>\.jpg/,
    );
  });
});
