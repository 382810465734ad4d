import { describe, expect, it } from '@jest/globals';
import { Client, useHttpApp } from './http-fixture.js';

const app = useHttpApp('office_edit');
const PATH = '/console/offices/31.71.01.1001';

async function loggedIn(user: string): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login(user)).status).toBe(303);
  return c;
}

/** Monday to Thursday 08:00-15:00, Friday with the prayer break, Saturday a half day. */
function weekForm(): Record<string, string> {
  const fields: Record<string, string> = {
    name: 'Kelurahan Gambir',
    address: 'Jl. Tanah Abang I No. 2',
    phone: '021-3456789',
  };
  for (const d of ['mon', 'tue', 'wed', 'thu']) {
    fields[`hours.${d}.periods.0.open`] = '08:00';
    fields[`hours.${d}.periods.0.close`] = '15:00';
  }
  Object.assign(fields, {
    'hours.fri.periods.0.open': '08:00',
    'hours.fri.periods.0.close': '11:30',
    'hours.fri.periods.1.open': '13:00',
    'hours.fri.periods.1.close': '15:30',
    'hours.sat.periods.0.open': '08:00',
    'hours.sat.periods.0.close': '12:00',
    'hours.sun.closed': 'on',
  });
  return fields;
}

describe('the office page', () => {
  it('should save an admin edit with a Friday-prayer break and audit the changed fields', async () => {
    const c = await loggedIn('admin');
    const { res, html } = await c.page(PATH);
    expect(res.status).toBe(200);
    expect(html).toContain('name="hours.fri.periods.2.close"');
    const saved = await c.form(PATH, weekForm());
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${PATH}?done=saved`);
    const office = await app().repos.offices.get('31.71.01.1001');
    expect(office).toMatchObject({
      name: 'Kelurahan Gambir',
      phone: '021-3456789',
      hours: {
        fri: [
          { open: '08:00', close: '11:30' },
          { open: '13:00', close: '15:30' },
        ],
        sat: [{ open: '08:00', close: '12:00' }],
      },
    });
    expect(office?.hours.sun).toBeUndefined();
    const { items } = await app().repos.events.search({ type: 'office.updated' }, { limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ officeId: '31.71.01.1001', before: { name: 'Gambir', phone: null } });
    expect(Object.keys(items[0]!.after ?? {}).sort()).toEqual(['address', 'hours', 'name', 'phone']);
    // The same form again changes nothing, so it is not audited again.
    expect((await c.form(PATH, weekForm())).status).toBe(303);
    const again = await app().repos.events.search({ type: 'office.updated' }, { limit: 10, offset: 0 });
    expect(again.items).toHaveLength(1);
    expect((await c.page(`${PATH}?done=saved`)).html).toContain('Data kantor tersimpan');
  });

  it('should refuse bad hours with Indonesian errors beside the fields and store nothing', async () => {
    const c = await loggedIn('admin');
    await c.page(PATH);
    const before = await app().repos.offices.get('31.71.01.1001');
    const res = await c.form(PATH, {
      ...weekForm(),
      phone: 'telepon kami',
      'hours.mon.periods.0.open': '8 pagi',
      'hours.tue.periods.0.close': '07:00',
      'hours.wed.periods.1.open': '14:00',
      'hours.wed.periods.1.close': '16:00',
      'hours.thu.periods.0.close': '',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Nomor telepon hanya angka');
    expect(html).toContain('Tulis jam sebagai JJ:MM');
    expect(html).toContain('Jam tutup harus setelah jam buka');
    expect(html).toContain('tidak boleh tumpang tindih');
    expect(html).toContain('Isi jam buka dan jam tutup');
    // The form comes back as typed.
    expect(html).toContain('value="8 pagi"');
    expect(await app().repos.offices.get('31.71.01.1001')).toEqual(before);
  });

  it('should show a supervisor the office read-only and refuse their post', async () => {
    const c = await loggedIn('sari');
    const { res, html } = await c.page(PATH);
    expect(res.status).toBe(200);
    expect(html).toContain('Hanya admin yang dapat mengubah');
    expect(html).toMatch(/<input[^>]*name="name"[^>]*disabled/);
    expect(html).not.toContain('type="submit"');
    expect((await c.form(PATH, weekForm())).status).toBe(403);
  });

  it('should link a supervisor to their own office and the holidays from every page, and an admin to the office list', async () => {
    const sari = await loggedIn('sari');
    const { html } = await sari.page('/console/queue');
    expect(html).toContain('href="/console/offices/31.71.01"');
    expect(html).toContain('href="/console/holidays"');
    expect((await sari.page('/console/offices/31.71.01')).res.status).toBe(200);
    const admin = await loggedIn('admin');
    expect((await admin.page('/console/queue')).html).toContain('href="/console/admin/offices"');
    const budi = await loggedIn('budi');
    expect((await budi.page('/console/queue')).html).not.toContain('/console/holidays');
  });

  it('should refuse an officer and hide offices outside the subtree', async () => {
    const budi = await loggedIn('budi');
    expect((await budi.page(PATH)).res.status).toBe(403);
    const sari = await loggedIn('sari');
    expect((await sari.page('/console/offices/31.71')).res.status).toBe(404);
    expect((await sari.page('/console/offices/bukan-kode')).res.status).toBe(404);
  });
});
