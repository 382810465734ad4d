import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MongoRepositories } from '../../../src/adapters/mongo/repositories.js';
import { computeAgencyMetrics } from '../../../src/app/officer/agency-metrics.js';
import type { AgencyStep } from '../../../src/domain/agency.js';
import { DEFAULT_HOURS } from '../../../src/domain/office.js';
import { newApplication, sequentialNumbers } from '../../adapters/mongo/fixtures.js';
import { openRepositoriesWithLeases, useTestDatabase } from '../../support/db.js';

const db = useTestDatabase('agency_metrics');
let repos: MongoRepositories;
const numbers = sequentialNumbers(8800);
const wib = (s: string) => new Date(`${s}+07:00`);
const admin = {
  id: 'a1',
  username: 'admin',
  displayName: 'Admin',
  role: 'admin' as const,
  officeId: '31.71',
};

/** Forwarded on a Monday, answered the next Monday: five working days on a plain calendar. */
const step: AgencyStep = {
  agencyId: 'dinas_pupr',
  forwardedAt: wib('2027-03-01T09:00:00'),
  forwardedBy: 'o1',
  slaDays: 5,
  slaDueAt: wib('2027-03-08T16:00:00'),
  note: 'Mohon pemeriksaan teknis',
  answeredAt: wib('2027-03-08T10:00:00'),
  answeredBy: 'o1',
  outcome: 'done',
};

beforeAll(async () => {
  ({ repos } = await openRepositoriesWithLeases(db.conn()));
  await repos.offices.upsertMany([
    { id: '31.71', name: 'Jakarta Pusat', level: 'kota', parentId: '31', hours: DEFAULT_HOURS },
    // The district closes on the Wednesday of the step: a local holiday the SLA counts.
    {
      id: '31.71.01',
      name: 'Gambir',
      level: 'kecamatan',
      parentId: '31.71',
      hours: DEFAULT_HOURS,
      holidays: [{ date: '2027-03-03', name: 'Hari jadi kecamatan' }],
    },
    { id: '31.71.01.1001', name: 'Gambir', level: 'kelurahan', parentId: '31.71.01', hours: DEFAULT_HOURS },
    { id: '31.71.02', name: 'Sawah Besar', level: 'kecamatan', parentId: '31.71', hours: DEFAULT_HOURS },
  ]);
});

describe('the dashboard agency table', () => {
  it("should count working days on the forwarding office's SLA calendar, its local holiday included", async () => {
    await repos.applications.create(
      newApplication({ officeId: '31.71.01.1001', status: 'IN_REVIEW', agencySteps: [step] }),
      numbers,
    );
    const deps = { ...repos, holidays: [] as string[], now: () => wib('2027-03-10T10:00:00') };
    const metrics = await computeAgencyMetrics(deps, admin, '31.71.01');
    expect(metrics.rows).toEqual([expect.objectContaining({ agencyId: 'dinas_pupr', medianDays: 4 })]);

    // The same step from an office without that holiday takes its five days; an admin's holiday
    // for every office (the shared list) counts for both.
    await repos.applications.create(
      newApplication({ officeId: '31.71.02', status: 'IN_REVIEW', agencySteps: [step] }),
      numbers,
    );
    const other = await computeAgencyMetrics(deps, admin, '31.71.02');
    expect(other.rows[0]?.medianDays).toBe(5);
    await repos.holidayStore.add({ date: '2027-03-05', name: 'Cuti bersama' });
    const both = await computeAgencyMetrics(deps, admin, '31.71');
    expect(both.rows).toEqual([expect.objectContaining({ forwarded: 2, medianDays: 3.5 })]);
  });
});
