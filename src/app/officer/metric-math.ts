import type { ApplicationStatus } from '../../domain/application.js';
import { jakartaDate, jakartaMinutes, weekday } from '../../domain/jakarta-time.js';
import type { AuditEvent } from '../../ports/event-log.js';

/**
 * The pure arithmetic behind the supervisor dashboard, kept apart from any I/O so it can be
 * tested with fixed dates. Every calendar rule uses the Jakarta clock (WIB, UTC+7), because
 * staffing and opening hours are decided on the office's wall clock, not the server's.
 */

/** The middle value (mean of the two middle ones for an even count); `null` for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100); `null` for no values. The 90th says "most waited less than". */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Statuses in which the office's work is done (pickup waits on the citizen, not on the office). */
export const DONE_STATUSES: readonly ApplicationStatus[] = [
  'READY_FOR_PICKUP',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
];

/** Overdue: the office still owes work on it and its SLA due moment has passed. */
export function isOverdueAt(app: { status: ApplicationStatus; slaDueAt: Date }, now: Date): boolean {
  return !DONE_STATUSES.includes(app.status) && now.getTime() > app.slaDueAt.getTime();
}

/** Whole days (24 h) past the SLA, 0 when not late yet: "3 hari terlambat". */
export function daysLate(slaDueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - slaDueAt.getTime()) / 86_400_000));
}

/** Weekdays in the order the dashboard shows them: Monday first, as Indonesian offices count. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * Counts instants into a 7 x 24 grid on the Jakarta clock: `grid[d][h]`, `d` 0 = Sunday .. 6 =
 * Saturday (JavaScript's numbering), `h` the WIB hour 0..23. 23:30 UTC on a Sunday is 06:30 WIB
 * on Monday, and lands in Monday's 06 cell.
 */
export function hourWeekdayBuckets(instants: readonly Date[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const at of instants) {
    const d = weekday(jakartaDate(at));
    const h = Math.floor(jakartaMinutes(at) / 60);
    grid[d]![h]!++;
  }
  return grid;
}

/** One bar of "applications per office per day". */
export interface OfficeDayCount {
  officeId: string;
  /** Jakarta calendar day, YYYY-MM-DD. */
  date: string;
  count: number;
}

/** Counts `application.submitted` events per office and Jakarta day, sorted by day then office. */
export function countPerOfficeDay(events: readonly AuditEvent[]): OfficeDayCount[] {
  const counts = new Map<string, OfficeDayCount>();
  for (const e of events) {
    if (e.type !== 'application.submitted') continue;
    const officeId = e.officeId ?? '-';
    const date = jakartaDate(e.at);
    const key = `${date}|${officeId}`;
    const row = counts.get(key) ?? { officeId, date, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) =>
    a.date === b.date ? a.officeId.localeCompare(b.officeId) : a.date.localeCompare(b.date),
  );
}

/** Weight of one completed application and one handled conversation in an officer's points. */
export const POINTS = { completed: 1, conversation: 1 } as const;

/** What one officer did in the window. */
export interface OfficerTally {
  officerId: string;
  /** Applications the officer moved to COMPLETED. */
  completed: number;
  /** Conversations the officer took from the queue (claimed), each counted once. */
  conversations: number;
  points: number;
}

/**
 * Points per officer: one per application they completed and one per conversation they
 * claimed (a conversation released and claimed again by the same officer counts once).
 * Sorted by points, most first. Only officer actors count.
 */
export function officerTallies(events: readonly AuditEvent[]): OfficerTally[] {
  const completed = new Map<string, number>();
  const conversations = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.actor.kind !== 'officer') continue;
    if (e.type === 'application.status_changed' && e.after?.status === 'COMPLETED') {
      completed.set(e.actor.id, (completed.get(e.actor.id) ?? 0) + 1);
    } else if (e.type === 'handoff.claimed') {
      const id = typeof e.data?.handoffId === 'string' ? e.data.handoffId : e.id;
      const set = conversations.get(e.actor.id) ?? new Set<string>();
      set.add(id);
      conversations.set(e.actor.id, set);
    }
  }
  const ids = new Set([...completed.keys(), ...conversations.keys()]);
  return [...ids]
    .map((officerId) => {
      const c = completed.get(officerId) ?? 0;
      const h = conversations.get(officerId)?.size ?? 0;
      return {
        officerId,
        completed: c,
        conversations: h,
        points: c * POINTS.completed + h * POINTS.conversation,
      };
    })
    .sort((a, b) => b.points - a.points || a.officerId.localeCompare(b.officerId));
}

/** The moment the office finished one application, and what its SLA allowed. */
export interface FinishedApplication {
  submittedAt: Date;
  finishedAt: Date;
  slaDueAt: Date;
}

/** Processing time against the SLA, in hours (calendar hours; the SLA itself counts working days). */
export interface ProcessingStats {
  finished: number;
  medianHours: number | null;
  /** The median time the SLA allowed the same applications (submission to due moment). */
  medianSlaHours: number | null;
  withinSla: number;
  late: number;
}

const HOUR_MS = 3_600_000;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Median processing time against the median SLA allowance, and how many finished on time. */
export function processingStats(items: readonly FinishedApplication[]): ProcessingStats {
  const took = items.map((i) => (i.finishedAt.getTime() - i.submittedAt.getTime()) / HOUR_MS);
  const allowed = items.map((i) => (i.slaDueAt.getTime() - i.submittedAt.getTime()) / HOUR_MS);
  const within = items.filter((i) => i.finishedAt.getTime() <= i.slaDueAt.getTime()).length;
  return {
    finished: items.length,
    medianHours: round1(median(took)),
    medianSlaHours: round1(median(allowed)),
    withinSla: within,
    late: items.length - within,
  };
}

/**
 * The status change that finished an application, if `e` is one: into READY_FOR_PICKUP or
 * REJECTED, or into COMPLETED straight from a working status (READY_FOR_PICKUP -> COMPLETED
 * only hands the document over; the work was done before).
 */
export function isFinishingEvent(e: AuditEvent): boolean {
  if (e.type !== 'application.status_changed') return false;
  const to = e.after?.status;
  const from = e.before?.status;
  if (to === 'READY_FOR_PICKUP' || to === 'REJECTED') return true;
  return to === 'COMPLETED' && from !== 'READY_FOR_PICKUP';
}

/** Waiting times of claimed conversations, in minutes. */
export interface WaitStats {
  claimed: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  maxMinutes: number | null;
}

/** How long citizens waited before an officer claimed them (`waitedMs` of `handoff.claimed`). */
export function waitStats(events: readonly AuditEvent[]): WaitStats {
  const minutes = events
    .filter((e) => e.type === 'handoff.claimed' && typeof e.data?.waitedMs === 'number')
    .map((e) => (e.data?.waitedMs as number) / 60_000);
  return {
    claimed: minutes.length,
    medianMinutes: round1(median(minutes)),
    p90Minutes: round1(percentile(minutes, 90)),
    maxMinutes: round1(minutes.length ? Math.max(...minutes) : null),
  };
}
