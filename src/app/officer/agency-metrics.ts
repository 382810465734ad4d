import { agencyDaysTaken, type AgencyStep } from '../../domain/agency.js';
import type { WorkingDayOptions } from '../../domain/working-days.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import { agencyDirectory, type AgencyDirectoryDeps } from '../agency-directory.js';
import { agencyCalendars, type AgencyCalendarDeps } from './agency-calendar.js';
import type { OfficerActor } from './officer-actor.js';
import { officesInScope } from './scope.js';

/** At most this many forwarded applications are read per dashboard view; `truncated` says so. */
const MAX_READ = 2000;

/** What the agency table needs: the steps, the calendar they are counted on, the agencies' names. */
export interface AgencyMetricsDeps extends AgencyCalendarDeps, AgencyDirectoryDeps {
  applications: ApplicationRepository;
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

/** A step and the calendar of the office that forwarded it. */
interface CountedStep {
  step: AgencyStep;
  calendar: WorkingDayOptions;
}

/**
 * Which agencies make citizens wait, from the agency steps of the applications forwarded by the
 * officer's office subtree (the same steps the audit events `application.forwarded` and
 * `application.agency_answered` record). Sorted by lateness: share over SLA, then the longest
 * open wait. Working days are counted on the application SLA's calendar of the forwarding
 * office, the one its due date was counted on (agency-calendar.ts).
 */
export async function computeAgencyMetrics(
  deps: AgencyMetricsDeps,
  officer: OfficerActor,
  officeId: string,
): Promise<AgencyMetrics> {
  const officeIds = await officesInScope(deps.offices, { ...officer, officeId });
  const page = await deps.applications.list({ officeIds, forwarded: true }, { limit: MAX_READ, offset: 0 });
  const calendarOf = agencyCalendars(deps);
  const names = await agencyDirectory(deps);
  const now = deps.now();
  const byAgency = new Map<string, CountedStep[]>();
  for (const app of page.items) {
    const calendar = await calendarOf(app.officeId);
    for (const step of app.agencySteps ?? [])
      byAgency.set(step.agencyId, [...(byAgency.get(step.agencyId) ?? []), { step, calendar }]);
  }
  const rows = [...byAgency].map(([agencyId, steps]) =>
    row(names.get(agencyId)?.shortName ?? agencyId, agencyId, steps, now),
  );
  rows.sort(
    (a, b) =>
      b.overSlaShare - a.overSlaShare ||
      (b.longestOpenDays ?? -1) - (a.longestOpenDays ?? -1) ||
      a.name.localeCompare(b.name),
  );
  return { rows, truncated: page.total > page.items.length };
}

function row(name: string, agencyId: string, steps: readonly CountedStep[], now: Date): AgencyRow {
  const answered = steps.filter(({ step }) => step.answeredAt);
  const open = steps.filter(({ step }) => !step.answeredAt);
  const late = steps.filter(({ step }) => (step.answeredAt ?? now).getTime() > step.slaDueAt.getTime());
  const taken = answered
    .map(({ step, calendar }) => agencyDaysTaken(step, now, calendar))
    .sort((a, b) => a - b);
  const waits = open.map(({ step, calendar }) => agencyDaysTaken(step, now, calendar));
  return {
    agencyId,
    name,
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
