import { describe, expect, it } from '@jest/globals';
import { api, Client, useHttpApp, type HttpFixture } from './http-fixture.js';
import { fixtureFile, form, intakeSettings, KTP_HILANG, NIK } from './intake-support.js';

const intake = await intakeSettings();
const app = useHttpApp('intake_router', { intake });

const FILES = {
  surat_kehilangan: [['laporan-polisi.jpg', fixtureFile('foto-ktp.jpg')]] as Array<[string, Buffer]>,
  foto_kk: [['kk.png', fixtureFile('foto-kk.png')]] as Array<[string, Buffer]>,
};

async function logIn(f: HttpFixture, username = 'budi'): Promise<Client> {
  const c = new Client(f.base);
  expect((await c.login(username)).status).toBe(303);
  return c;
}

async function openForm(c: Client): Promise<{ html: string; nonce: string }> {
  const { res, html } = await c.page('/console/intake/ktp');
  expect(res.status).toBe(200);
  const nonce = /name="_nonce" value="([^"]+)"/.exec(html)?.[1];
  if (!nonce) throw new Error('no nonce in the form');
  return { html, nonce };
}

async function countApps(f: HttpFixture): Promise<number> {
  return (await f.repos.applications.list({}, { limit: 200, offset: 0 })).total;
}

describe('assisted intake console (/console/intake)', () => {
  it('should send a visitor without a session to the login page, and refuse a post with 401', async () => {
    const { base } = app();
    const get = await fetch(`${base}/console/intake/ktp`, { redirect: 'manual' });
    expect(get.status).toBe(302);
    expect(get.headers.get('location')).toBe('/console/login');
    const post = await fetch(`${base}/console/intake/ktp`, { method: 'POST', body: form(KTP_HILANG) });
    expect(post.status).toBe(401);
  });

  it('should list the services and generate the KTP form from its flow', async () => {
    const f = app();
    const c = await logIn(f);
    const list = await c.page('/console/intake');
    expect(list.html).toContain('href="/console/intake/ktp"');
    expect(list.html).toContain('KTP-el (Kartu Tanda Penduduk)');
    const { html } = await openForm(c);
    expect(html).toContain('enctype="multipart/form-data"');
    // Labels from locales, one field per step, conditions in words and as data.
    expect(html).toContain('Jenis KTP');
    expect(html).toMatch(/<option value="hilang">KTP hilang<\/option>/);
    expect(html).toContain('name="nik"');
    expect(html).toMatch(
      /data-step="surat_kehilangan"[^>]*data-when="\{&quot;jenis&quot;:\[&quot;hilang&quot;\]\}"/,
    );
    expect(html).toContain('Hanya bila Jenis KTP: KTP hilang');
    expect(html).toMatch(/type="file" name="foto_kk"[^>]*accept="image\/jpeg,image\/png,application\/pdf"/);
    expect(html).toContain('Gambir, Kec. Gambir, Jakarta Pusat (31.71.01.1001)');
  });

  it('should refuse a post without the CSRF token with 403 and create nothing', async () => {
    const f = app();
    const c = await logIn(f);
    const { nonce } = await openForm(c);
    const before = await countApps(f);
    const res = await c.fetch('/console/intake/ktp', {
      method: 'POST',
      body: form({ ...KTP_HILANG, _nonce: nonce }, FILES),
    });
    expect(res.status).toBe(403);
    expect(await countApps(f)).toBe(before);
  });

  it('should answer 400 with the field errors, keep the answers, and store nothing', async () => {
    const f = app();
    const c = await logIn(f);
    const { nonce } = await openForm(c);
    const before = await countApps(f);
    const res = await c.fetch('/console/intake/ktp', {
      method: 'POST',
      body: form(
        { ...KTP_HILANG, nik: '31710147089', no_kk: '12', _nonce: nonce, _csrf: c.csrf },
        { foto_kk: FILES.foto_kk },
      ),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('NIK harus 16 angka');
    expect(html).toContain('Nomornya harus 16 angka');
    // The missing police report is required because jenis = hilang.
    expect(html).toMatch(/data-step="surat_kehilangan"[\s\S]*?Unggah minimal 1 berkas/);
    expect(html).toContain('value="Siti Rahmawati"');
    expect(html).toContain(`name="_nonce" value="${nonce}"`);
    expect(await countApps(f)).toBe(before);
    expect(await f.repos.documents.listOrphansBefore(new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('should file the application, route it to the kelurahan, audit it and show the receipt; a double submit files one', async () => {
    const f = app();
    const c = await logIn(f);
    const { nonce } = await openForm(c);
    const before = await countApps(f);
    const fields = {
      ...KTP_HILANG,
      // Not asked for a lost KTP: ignored, as the chat would never have asked it.
      tanggal_lahir: '2015-01-01',
      _whatsapp: '0812-1111-2222',
      _nonce: nonce,
      _csrf: c.csrf,
    };
    const res = await c.fetch('/console/intake/ktp', { method: 'POST', body: form(fields, FILES) });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/console\/intake\/slip\/[0-9a-f]{24}$/);
    const id = location.split('/').pop() ?? '';

    const stored = await f.repos.applications.findById(id);
    expect(stored).toMatchObject({
      serviceId: 'ktp',
      status: 'SUBMITTED',
      officeId: '31.71.01.1001',
      applicant: {
        name: 'Siti Rahmawati',
        nik: NIK,
        phone: '+6281234567890',
        contact: { channel: 'whatsapp', chatId: '6281211112222' },
      },
      answers: { jenis: 'hilang', no_kk: '3171010101010001', kelurahan: '31.71.01.1001' },
    });
    expect(stored?.answers).not.toHaveProperty('tanggal_lahir');
    expect(stored?.statusHistory[0]?.by).toEqual({ kind: 'officer', id: f.officerIds.budi });
    expect(stored?.documents.map((d) => [d.stepId, d.contentType]).sort()).toEqual([
      ['foto_kk', 'image/png'],
      ['surat_kehilangan', 'image/jpeg'],
    ]);
    for (const d of stored?.documents ?? []) {
      expect((await f.repos.documents.get(d.id))?.meta.applicationId).toBe(id);
    }
    const events = await f.repos.events.listForApplication(id);
    expect(events.map((e) => [e.type, e.actor.kind, e.actor.id])).toEqual([
      ['application.submitted', 'officer', f.officerIds.budi],
    ]);

    const slip = await c.page(location);
    expect(slip.res.status).toBe(200);
    expect(slip.html).toContain(`<p class="slip-tracking" id="slip-tracking">${stored?.trackingNumber}</p>`);
    expect(slip.html).toContain('KTP-el (Kartu Tanda Penduduk)');
    expect(slip.html).toContain('Gambir');
    expect(slip.html).toContain(`status ${stored?.trackingNumber}`);
    expect(slip.html).not.toContain(NIK);

    // The same form sent again (double click, refresh): the same application, no new files kept.
    const again = await c.fetch('/console/intake/ktp', { method: 'POST', body: form(fields, FILES) });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${location}?replay=1`);
    expect(await countApps(f)).toBe(before + 1);
    expect(await f.repos.documents.listOrphansBefore(new Date(Date.now() + 60_000))).toEqual([]);

    // The revision picker of the application page names the steps by their labels.
    const detail = await c.page(`/console/applications/${id}`);
    expect(detail.html).toContain('<option value="no_kk">Nomor KK (no_kk)</option>');
    expect(detail.html.match(/<option value="foto_kk">/g)).toHaveLength(1);

    // An officer of another kota may not read the receipt.
    const joko = await logIn(f, 'joko');
    expect((await joko.fetch(location)).status).toBe(403);
  });
});

describe('POST /api/applications', () => {
  const body = (nonce: string, overrides: Record<string, unknown> = {}) => ({
    serviceId: 'ktp',
    nonce,
    answers: { ...KTP_HILANG },
    documents: {
      surat_kehilangan: [
        { filename: 'laporan.pdf', contentBase64: fixtureFile('surat.pdf').toString('base64') },
      ],
      foto_kk: [{ filename: 'kk.jpg', contentBase64: fixtureFile('foto-ktp.jpg').toString('base64') }],
    },
    ...overrides,
  });

  it('should answer 401 without a session or token', async () => {
    const { base } = app();
    const res = await api(base, undefined, 'POST', '/api/applications', body('nonce-401-aaaa'));
    expect(res.status).toBe(401);
  });

  it('should answer 403 to a session request without the CSRF header', async () => {
    const f = app();
    const c = await logIn(f);
    const res = await c.json('POST', '/api/applications', body('nonce-csrf-aaaa'), false);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
  });

  it('should answer 400 naming the bad fields', async () => {
    const { base, tokens } = app();
    const shape = await api(base, tokens.budi, 'POST', '/api/applications', { serviceId: 'ktp' });
    expect(shape.status).toBe(400);
    expect(
      ((await shape.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toHaveProperty('nonce');
    const rules = await api(
      base,
      tokens.budi,
      'POST',
      '/api/applications',
      body('nonce-400-aaaa', {
        answers: {
          ...KTP_HILANG,
          nik: '3171014708900000',
          jenis: 'baru',
          sudah_menikah: false,
          tanggal_lahir: '2015-02-01',
        },
        contact: { telegram: 'abc' },
      }),
    );
    expect(rules.status).toBe(400);
    const fields = ((await rules.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields.nik).toContain('0000');
    expect(fields.tanggal_lahir).toContain('17 tahun');
    expect(fields['contact.telegram']).toBeDefined();
  });

  it('should create the application (201) and return the same one for the same nonce (200)', async () => {
    const f = app();
    const first = await api(f.base, f.tokens.sari, 'POST', '/api/applications', {
      ...body('nonce-api-ok-1'),
      contact: { telegram: '777000111' },
    });
    expect(first.status).toBe(201);
    const created = (await first.json()) as {
      application: { id: string; trackingNumber: string; nikMasked: string; officeId: string };
      office: { id: string; name: string };
      created: boolean;
    };
    expect(created.created).toBe(true);
    expect(created.application.trackingNumber).toMatch(/^PTSP-\d{4}-[0-9A-Z]{5}$/);
    expect(created.application.nikMasked).toBe('************0003');
    expect(created.office).toEqual({ id: '31.71.01.1001', name: 'Gambir' });
    const app1 = await f.repos.applications.findById(created.application.id);
    expect(app1?.applicant.contact).toEqual({ channel: 'telegram', chatId: '777000111' });
    expect(app1?.documents.map((d) => d.contentType).sort()).toEqual(['application/pdf', 'image/jpeg']);

    const replay = await api(f.base, f.tokens.sari, 'POST', '/api/applications', body('nonce-api-ok-1'));
    expect(replay.status).toBe(200);
    const again = (await replay.json()) as { application: { id: string }; created: boolean };
    expect(again).toMatchObject({ created: false, application: { id: created.application.id } });
  });

  it('should refuse a document of a type the step does not accept', async () => {
    const { base, tokens } = app();
    const res = await api(
      base,
      tokens.budi,
      'POST',
      '/api/applications',
      body('nonce-type-aaaa', {
        answers: { ...KTP_HILANG, jenis: 'rusak' },
        documents: {
          ktp_rusak: [{ filename: 'ktp.pdf', contentBase64: fixtureFile('surat.pdf').toString('base64') }],
          foto_kk: [{ filename: 'kk.png', contentBase64: fixtureFile('foto-kk.png').toString('base64') }],
        },
      }),
    );
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields.ktp_rusak).toContain('application/pdf');
  });

  it('should describe the operation in the OpenAPI document', async () => {
    const { base, tokens } = app();
    const doc = (await (await api(base, tokens.budi, 'GET', '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.paths['/applications']?.post?.requestBody).toBeDefined();
  });
});
