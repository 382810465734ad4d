import type { Flow } from '../catalog/flow-schema.js';
import { addWorkingDays } from '../domain/working-days.js';
import type { HolidayRepository } from '../ports/holiday-repository.js';
import type { OfficeRepository } from '../ports/office-repository.js';

/** Where the closed days come from; the stores are optional so a bare setup keeps the base list. */
export interface CalendarDeps {
  /** The shipped national holidays and cuti bersama plus HOLIDAYS. */
  holidays: readonly string[];
  offices?: OfficeRepository;
  /** Admin-added holidays for every office. */
  holidayStore?: HolidayRepository;
}

/** Deeper than any office tree (provinsi, kota, kecamatan, kelurahan): a guard against a cycle. */
const MAX_DEPTH = 8;

/**
 * Every date `officeId` is closed for: the national list and HOLIDAYS, the admins' holidays for
 * all offices, and the local holidays of the office and of each office above it. Without an
 * office, the local ones are left out. SLA due dates and counter hours both count these.
 */
export async function closedDates(deps: CalendarDeps, officeId?: string): Promise<string[]> {
  const dates = [...deps.holidays];
  if (deps.holidayStore) dates.push(...(await deps.holidayStore.list()).map((h) => h.date));
  let id: string | null = officeId ?? null;
  for (let depth = 0; id !== null && deps.offices && depth < MAX_DEPTH; depth++) {
    const office = await deps.offices.get(id);
    if (!office) break;
    dates.push(...(office.holidays ?? []).map((h) => h.date));
    id = office.parentId;
  }
  return [...new Set(dates)].sort();
}

/**
 * When a new application of `flow` filed at `officeId` on `at` is due: the office's own SLA for
 * the service where a local regulation set one, else the flow's, in working days counted over
 * the office's closed days.
 */
export async function slaDueAt(
  deps: CalendarDeps,
  flow: Pick<Flow, 'id' | 'sla_working_days'>,
  officeId: string,
  at: Date,
): Promise<Date> {
  const office = officeId ? await deps.offices?.get(officeId) : undefined;
  const days = office?.sla?.[flow.id] ?? flow.sla_working_days;
  return addWorkingDays(at, days, { holidays: await closedDates(deps, officeId) });
}
