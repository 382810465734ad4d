import type { Application } from '../../domain/application.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { AuditEvent, EventLog } from '../../ports/event-log.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import { OfficerActionError } from './errors.js';
import {
  countPerOfficeDay,
  daysLate,
  hourWeekdayBuckets,
  isFinishingEvent,
  officerTallies,
  processingStats,
  waitStats,
  type FinishedApplication,
  type OfficeDayCount,
  type ProcessingStats,
  type WaitStats,
} from './metric-math.js';
import { countOutcomes, OUTCOME_EVENT_TYPES } from './handoff-outcomes.js';
import type { HandoffOutcome } from '../../ports/handoff-repository.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice, officesInScope } from './scope.js';

/** What the dashboard reads. */
export interface MetricsDeps {
  applications: ApplicationRepository;
  events: EventLog;
  handoffs: HandoffRepository;
  offices: OfficeRepository;
  officers: OfficerRepository;
  now: () => Date;
}

/** The window and office a supervisor asks about. */
export interface MetricsQuery {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** An office within the supervisor's subtree; their own office when absent. */
  officeId?: string;
}

/** Longest window, so one request reads a bounded number of events. */
export const MAX_WINDOW_DAYS = 92;
/** Most events read per request; past it the answer says `truncated`. */
export const MAX_EVENTS = 20_000;
/** Overdue applications listed by name (the total is always exact). */
const OVERDUE_LISTED = 50;
/** Applications looked up at once for processing times. */
const LOOKUP_BATCH = 20;

/** The event types the dashboard counts. */
const METRIC_TYPES = [
  'application.submitted',
  'application.status_changed',
  'handoff.opened',
  'handoff.claimed',
  ...OUTCOME_EVENT_TYPES,
];

/** The dashboard, as the console draws it and `GET /api/metrics` returns it. */
export interface DashboardMetrics {
  window: { from: string; to: string; officeId: string; timeZone: 'Asia/Jakarta' };
  /** More events than MAX_EVENTS in the window: the counts cover the newest ones only. */
  truncated: boolean;
  officers: Array<{
    officerId: string;
    username: string;
    displayName: string;
    completed: number;
    conversations: number;
    points: number;
  }>;
  applicationsPerDay: Array<OfficeDayCount & { officeName: string }>;
  processing: ProcessingStats;
  overdue: {
    total: number;
    items: Array<{
      id: string;
      trackingNumber: string;
      serviceId: string;
      officeId: string;
      status: string;
      slaDueAt: string;
      daysLate: number;
    }>;
  };
  handoffs: WaitStats & { waitingNow: number; longestWaitingMinutes: number | null };
  /** `byWeekdayHour[d][h]`: d 0 = Sunday .. 6 = Saturday, h the WIB hour; new applications + conversations. */
  load: { total: number; byWeekdayHour: number[][] };
  /** Conversations ended in the window, by the resolution the officer chose (or handed back). */
  resolutions: Record<HandoffOutcome, number>;
}

/**
 * The supervisor dashboard's numbers for one window and office subtree. It reads the event log
 * (the same rows as the audit log and status history) plus the current applications and queue.
 * FerretDB 1.24 supports only a small aggregation subset, so instead of `$group` pipelines this
 * reads the window's events in one bounded find (MAX_WINDOW_DAYS, MAX_EVENTS) and
 * aggregates them here: portable to MongoDB, Atlas and FerretDB alike.
 */
export async function computeMetrics(
  deps: MetricsDeps,
  officer: OfficerActor,
  q: MetricsQuery,
): Promise<DashboardMetrics> {
  const scope = checkQuery(officer, q);
  const now = deps.now();
  const inScope = (officeId: string | undefined) => officeId === undefined || isWithinOffice(officeId, scope);
  const { events, truncated } = await readWindow(deps.events, q.from, q.to < now ? q.to : now);
  // Events of unrouted conversations carry no office: they count for every supervisor, as the
  // queue shows them to every counter.
  const scoped = events.filter((e) => inScope(e.officeId));

  const officeNames = new Map((await deps.offices.all()).map((o) => [o.id, o.name]));
  const officers = new Map((await deps.officers.list()).map((o) => [o.id, o]));
  const tallies = officerTallies(scoped).filter((t) => {
    const o = officers.get(t.officerId);
    return o ? isWithinOffice(o.officeId, scope) : false;
  });

  const finished = await finishedApplications(deps, scoped);

  const officeIds = await officesInScope(deps.offices, { ...officer, officeId: scope });
  const overdue = await deps.applications.list(
    { officeIds, overdueAt: now },
    { limit: OVERDUE_LISTED, offset: 0 },
  );
  const waiting = (await deps.handoffs.listWaiting()).filter((t) => inScope(t.officeId));
  const longest = waiting.reduce<number | null>((m, t) => {
    const minutes = (now.getTime() - t.createdAt.getTime()) / 60_000;
    return m === null || minutes > m ? minutes : m;
  }, null);
  const demand = scoped.filter((e) => e.type === 'application.submitted' || e.type === 'handoff.opened');

  return {
    window: { from: q.from.toISOString(), to: q.to.toISOString(), officeId: scope, timeZone: 'Asia/Jakarta' },
    truncated,
    officers: tallies.map((t) => ({
      ...t,
      username: officers.get(t.officerId)?.username ?? t.officerId,
      displayName: officers.get(t.officerId)?.displayName ?? t.officerId,
    })),
    applicationsPerDay: countPerOfficeDay(scoped).map((r) => ({
      ...r,
      officeName: officeNames.get(r.officeId) ?? r.officeId,
    })),
    processing: processingStats(finished),
    overdue: { total: overdue.total, items: overdue.items.map((a) => overdueItem(a, now)) },
    handoffs: {
      ...waitStats(scoped),
      waitingNow: waiting.length,
      longestWaitingMinutes: longest === null ? null : Math.round(longest),
    },
    load: { total: demand.length, byWeekdayHour: hourWeekdayBuckets(demand.map((e) => e.at)) },
    resolutions: countOutcomes(scoped),
  };
}

/** The office the dashboard is for, once the officer may see it and the window is sane. */
function checkQuery(officer: OfficerActor, q: MetricsQuery): string {
  if (officer.role === 'officer') {
    throw new OfficerActionError('forbidden', 'Dasbor hanya untuk supervisor dan admin (supervisors only).');
  }
  const scope = q.officeId ?? officer.officeId;
  if (!isWithinOffice(scope, officer.officeId)) {
    throw new OfficerActionError('forbidden', 'Kantor ini di luar wilayah Anda (outside your office).', {
      officeId: 'Pilih kantor di wilayah Anda.',
    });
  }
  const days = (q.to.getTime() - q.from.getTime()) / 86_400_000;
  if (!(days > 0) || days > MAX_WINDOW_DAYS) {
    throw new OfficerActionError('invalid', 'Rentang tanggal tidak valid (invalid date range).', {
      to: `Tanggal akhir harus setelah tanggal awal, paling lama ${MAX_WINDOW_DAYS} hari.`,
    });
  }
  return scope;
}

/** Each application finished in the window, with when it was submitted, finished and due. */
async function finishedApplications(
  deps: MetricsDeps,
  scoped: readonly AuditEvent[],
): Promise<FinishedApplication[]> {
  const finishing = new Map<string, AuditEvent>();
  for (const e of scoped) {
    // Newest first: the last write keeps the earliest finishing change of each application.
    if (isFinishingEvent(e) && e.applicationId) finishing.set(e.applicationId, e);
  }
  const finished: FinishedApplication[] = [];
  const ids = [...finishing.keys()];
  for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
    const apps = await Promise.all(
      ids.slice(i, i + LOOKUP_BATCH).map((id) => deps.applications.findById(id)),
    );
    for (const app of apps) {
      if (!app) continue;
      finished.push({
        submittedAt: app.createdAt,
        finishedAt: finishing.get(app.id)!.at,
        slaDueAt: app.slaDueAt,
      });
    }
  }
  return finished;
}

function overdueItem(a: Application, now: Date): DashboardMetrics['overdue']['items'][number] {
  return {
    id: a.id,
    trackingNumber: a.trackingNumber,
    serviceId: a.serviceId,
    officeId: a.officeId,
    status: a.status,
    slaDueAt: a.slaDueAt.toISOString(),
    daysLate: daysLate(a.slaDueAt, now),
  };
}

/** The window's metric events, newest first, up to MAX_EVENTS (one more is read to tell if it was cut). */
async function readWindow(
  events: EventLog,
  from: Date,
  to: Date,
): Promise<{ events: AuditEvent[]; truncated: boolean }> {
  const rows = await events.listWindow({ type: METRIC_TYPES, from, to }, MAX_EVENTS + 1);
  return { events: rows.slice(0, MAX_EVENTS), truncated: rows.length > MAX_EVENTS };
}
