import type { Catalog } from '../../catalog/catalog.js';
import { agencyDaysTaken, type AgencyStep } from '../../domain/agency.js';
import { DEFAULT_HOLIDAY_DATES } from '../../domain/holidays.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import { closedDates } from '../calendar.js';
import type { OfficerActor } from './officer-actor.js';
import { officesInScope } from './scope.js';

/** At most this many forwarded applications are read per dashboard view; `truncated` says so. */
const MAX_READ = 2000;

/** What the agency table needs. */
export interface AgencyMetricsDeps {
  applications: ApplicationRepository;
  offices: OfficeRepository;
  holidayStore?: HolidayRepository;
  holidays?: readonly string[];
  catalog?: Pick<Catalog, 'agencies'>;
  now: () => Date;
}

/** One agency's row: how much it was given and how late it answers. */
export interface AgencyRow {
  agencyId: string;
  name: string;
  forwarded: number;
  /** Median working days from forward to answer, of the answered steps; null when none answered. */
  medianDays: number | null;
  /** Steps answered after their SLA or still open past it, of all steps (0..1). */
  overSlaShare: number;
  openNow: number;
  /** The longest wait of a step still open, in working days; null when none is open. */
  longestOpenDays: number | null;
}

/** The agency table of the dashboard, latest first, and whether the read was cut short. */
export interface AgencyMetrics {
  rows: AgencyRow[];
  truncated: boolean;
}

/**
 * Which agencies make citizens wait, from the agency steps of the applications forwarded by the
 * officer's office subtree (the same steps the audit events `application.forwarded` and
 * `application.agency_answered` record). Sorted by lateness: share over SLA, then the longest
 * open wait. Working days are counted over the shared closed days (not each office's own).
 */
export async function computeAgencyMetrics(
  deps: AgencyMetricsDeps,
  officer: OfficerActor,
  officeId: string,
): Promise<AgencyMetrics> {
  const officeIds = await officesInScope(deps.offices, { ...officer, officeId });
  const page = await deps.applications.list({ officeIds, forwarded: true }, { limit: MAX_READ, offset: 0 });
  const holidays = await closedDates({
    holidays: deps.holidays ?? DEFAULT_HOLIDAY_DATES,
    ...(deps.holidayStore ? { holidayStore: deps.holidayStore } : {}),
  });
  const now = deps.now();
  const byAgency = new Map<string, AgencyStep[]>();
  for (const app of page.items) {
    for (const s of app.agencySteps ?? []) byAgency.set(s.agencyId, [...(byAgency.get(s.agencyId) ?? []), s]);
  }
  const rows = [...byAgency].map(([agencyId, steps]) => row(deps, agencyId, steps, now, holidays));
  rows.sort(
    (a, b) =>
      b.overSlaShare - a.overSlaShare ||
      (b.longestOpenDays ?? -1) - (a.longestOpenDays ?? -1) ||
      a.name.localeCompare(b.name),
  );
  return { rows, truncated: page.total > page.items.length };
}

function row(
  deps: AgencyMetricsDeps,
  agencyId: string,
  steps: readonly AgencyStep[],
  now: Date,
  holidays: readonly string[],
): AgencyRow {
  const calendar = { holidays };
  const answered = steps.filter((s) => s.answeredAt);
  const open = steps.filter((s) => !s.answeredAt);
  const late = steps.filter((s) => (s.answeredAt ?? now).getTime() > s.slaDueAt.getTime());
  const taken = answered.map((s) => agencyDaysTaken(s, now, calendar)).sort((a, b) => a - b);
  const waits = open.map((s) => agencyDaysTaken(s, now, calendar));
  return {
    agencyId,
    name: deps.catalog?.agencies?.get(agencyId)?.shortName ?? agencyId,
    forwarded: steps.length,
    medianDays: median(taken),
    overSlaShare: steps.length ? late.length / steps.length : 0,
    openNow: open.length,
    longestOpenDays: waits.length ? Math.max(...waits) : null,
  };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
