import type { Flow } from '../catalog/flow-schema.js';
import type { Office } from '../domain/office.js';
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

/**
 * The office and those above it, nearest first, or none without an office store or id: what
 * routing, the SLA, local holidays and counter hours read.
 */
export async function officeChain(
  offices: Pick<OfficeRepository, 'chain'> | undefined,
  officeId: string | undefined,
): Promise<Office[]> {
  return offices && officeId ? offices.chain(officeId) : [];
}

/**
 * Every date `officeId` is closed for: the national list and HOLIDAYS, the admins' holidays for
 * all offices, and the local holidays of the office and of each office above it (its `chain`,
 * when the caller has read it). Without an office, the local ones are left out. SLA due dates
 * and counter hours both count these.
 */
export async function closedDates(
  deps: CalendarDeps,
  officeId?: string,
  chain?: readonly Office[],
): Promise<string[]> {
  const dates = [...deps.holidays];
  if (deps.holidayStore) dates.push(...(await deps.holidayStore.list()).map((h) => h.date));
  const offices = chain ?? (await officeChain(deps.offices, officeId));
  for (const office of offices) dates.push(...(office.holidays ?? []).map((h) => h.date));
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
  chain?: readonly Office[],
): Promise<Date> {
  const offices = chain ?? (await officeChain(deps.offices, officeId));
  const days = offices[0]?.sla?.[flow.id] ?? flow.sla_working_days;
  return addWorkingDays(at, days, { holidays: await closedDates(deps, officeId, offices) });
}
