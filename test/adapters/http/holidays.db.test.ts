import { describe, expect, it } from '@jest/globals';
import { closedDates, slaDueAt } from '../../../src/app/calendar.js';
import { Client, useHttpApp } from './http-fixture.js';

const app = useHttpApp('holidays');

async function loggedIn(user: string): Promise<Client> {
  const c = new Client(app().base);
  expect((await c.login(user)).status).toBe(303);
  return c;
}

const wib = (s: string) => new Date(`${s}:00+07:00`);

describe('holidays in the console', () => {
  it('should let an admin add and remove a holiday for every office, audited', async () => {
    const c = await loggedIn('admin');
    const { html } = await c.page('/console/holidays');
    expect(html).toContain('Tahun Baru 2027 Masehi');
    expect(html).toContain('Idul Fitri 1448 H (perkiraan)');
    const added = await c.form('/console/holidays', { date: '2027-08-18', name: 'Cuti bersama tambahan' });
    expect(added.status).toBe(303);
    expect(await app().repos.holidayStore.list()).toEqual([
      { date: '2027-08-18', name: 'Cuti bersama tambahan' },
    ]);
    // The same day twice is refused beside the date field.
    await c.page('/console/holidays');
    const twice = await c.form('/console/holidays', { date: '2027-08-18', name: 'Lagi' });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('sudah menjadi hari libur');
    expect(await closedDates({ holidays: [], holidayStore: app().repos.holidayStore })).toEqual([
      '2027-08-18',
    ]);
    await c.page('/console/holidays');
    expect((await c.form('/console/holidays/2027-08-18/delete', {})).status).toBe(303);
    expect(await app().repos.holidayStore.list()).toEqual([]);
    const { items } = await app().repos.events.search(
      { type: ['holiday.added', 'holiday.removed'] },
      { limit: 10, offset: 0 },
    );
    expect(items.map((e) => e.type).sort()).toEqual(['holiday.added', 'holiday.removed']);
    // The admin's audit log lists them.
    const audit = await c.page('/console/audit?type=holiday.added');
    expect(audit.html).toContain('2027-08-18');
  });

  it('should refuse a bad date with an Indonesian error and store nothing', async () => {
    const c = await loggedIn('admin');
    await c.page('/console/holidays');
    const res = await c.form('/console/holidays', { date: '2027-02-30', name: 'x' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Tulis tanggal sebagai TTTT-BB-HH');
    expect(html).toContain('Nama hari libur minimal 3 karakter');
    expect(await app().repos.holidayStore.list()).toEqual([]);
  });

  it('should show a supervisor the list without the forms', async () => {
    const c = await loggedIn('sari');
    const { res, html } = await c.page('/console/holidays');
    expect(res.status).toBe(200);
    expect(html).not.toContain('name="date"');
    expect((await c.form('/console/holidays', { date: '2027-08-18', name: 'Libur' })).status).toBe(403);
  });

  it('should close an office and the offices below it on a local holiday, in the SLA too', async () => {
    const c = await loggedIn('admin');
    await c.page('/console/offices/31.71.01');
    const res = await c.form('/console/offices/31.71.01/holidays', {
      date: '2027-07-05',
      name: 'Hari jadi kecamatan',
    });
    expect(res.status).toBe(303);
    const { items } = await app().repos.events.search({ type: 'office.updated' }, { limit: 10, offset: 0 });
    expect(items[0]).toMatchObject({
      officeId: '31.71.01',
      before: { holidays: [] },
      after: { holidays: [{ date: '2027-07-05', name: 'Hari jadi kecamatan' }] },
    });
    const deps = {
      holidays: ['2027-07-06'],
      offices: app().repos.offices,
      holidayStore: app().repos.holidayStore,
    };
    expect(await closedDates(deps, '31.71.01.1001')).toEqual(['2027-07-05', '2027-07-06']);
    expect(await closedDates(deps, '31.71')).toEqual(['2027-07-06']);
    // Two working days from Friday 2 July: Friday is the first; Monday 5 (local) and Tuesday 6 are
    // closed below the kecamatan, so the second is Wednesday 7; above it, Monday 5.
    const flow = { id: 'ktp', sla_working_days: 2 };
    expect(await slaDueAt(deps, flow, '31.71.01.1001', wib('2027-07-02T10:00'))).toEqual(
      wib('2027-07-07T15:00'),
    );
    expect(await slaDueAt(deps, flow, '31.71', wib('2027-07-02T10:00'))).toEqual(wib('2027-07-05T15:00'));
    // A date already there is refused; removing takes it off.
    await c.page('/console/offices/31.71.01');
    expect(
      (await c.form('/console/offices/31.71.01/holidays', { date: '2027-07-05', name: 'Dua kali' })).status,
    ).toBe(400);
    expect((await c.form('/console/offices/31.71.01/holidays/2027-07-05/delete', {})).status).toBe(303);
    expect((await app().repos.offices.get('31.71.01'))?.holidays).toBeUndefined();
  });
});
