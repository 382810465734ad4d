import { describe, expect, it } from '@jest/globals';
import { Client, useHttpApp } from './http-fixture.js';
import { intakeSettings } from './intake-support.js';

const { catalog } = await intakeSettings();
const app = useHttpApp('office_services', { catalog });
const PATH = '/console/offices/31.71.01.1002';

async function admin(): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login('admin')).status).toBe(303);
  await c.page(PATH);
  return c;
}

/** The office form as it stands, with every service ticked but `without`, and `sla` fields. */
function form(without: string[], sla: Record<string, string>): URLSearchParams {
  const body = new URLSearchParams({ name: 'Cideng', 'services.shown': '1' });
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) {
    body.append(`hours.${d}.periods.0.open`, '08:00');
    body.append(`hours.${d}.periods.0.close`, '15:00');
  }
  for (const id of catalog.flows.keys()) if (!without.includes(id)) body.append('services', id);
  for (const [id, days] of Object.entries(sla)) body.append(`sla.${id}`, days);
  return body;
}

async function post(c: Client, body: URLSearchParams): Promise<Response> {
  body.append('_csrf', c.csrf);
  return c.fetch(PATH, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('the services of an office', () => {
  it('should list every catalog service, ticked by default, with the catalog SLA', async () => {
    const c = await admin();
    const { html } = await c.page(PATH);
    for (const id of catalog.flows.keys())
      expect(html).toMatch(new RegExp(`name="services" value="${id}"[^>]*checked`));
    expect(html).toContain('name="sla.pbg"');
  });

  it('should save the services offered and a local SLA, audited, and keep "all" when all are ticked', async () => {
    const c = await admin();
    expect((await post(c, form(['pbg'], { ktp: '7' }))).status).toBe(303);
    const office = await app().repos.offices.get('31.71.01.1002');
    expect(office?.services).toEqual([...catalog.flows.keys()].filter((id) => id !== 'pbg'));
    expect(office?.sla).toEqual({ ktp: 7 });
    const { items } = await app().repos.events.search({ type: 'office.updated' }, { limit: 5, offset: 0 });
    expect(items[0]).toMatchObject({ before: { services: null, sla: null }, after: { sla: { ktp: 7 } } });
    await c.page(PATH);
    expect((await post(c, form([], {}))).status).toBe(303);
    const back = await app().repos.offices.get('31.71.01.1002');
    expect(back?.services).toBeUndefined();
    expect(back?.sla).toBeUndefined();
  });

  it('should refuse a bad SLA or an unknown service beside the field and store nothing', async () => {
    const c = await admin();
    const before = await app().repos.offices.get('31.71.01.1002');
    const body = form([], { ktp: 'lima', kk: '0' });
    body.append('services', 'sihir');
    const res = await post(c, body);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Tulis SLA sebagai jumlah hari kerja');
    expect(html).toContain('SLA antara 1 dan 365 hari kerja');
    expect(html).toContain('Layanan tidak dikenal');
    expect(await app().repos.offices.get('31.71.01.1002')).toEqual(before);
  });
});
