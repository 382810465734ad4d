import { DEFAULT_HOURS, isOpen, nextOpening, type OpeningHours } from '../domain/office.js';
import type { OfficeRepository } from '../ports/office-repository.js';
import { closedDates, officeChain, type CalendarDeps } from './calendar.js';

/** Where the queue's hours come from. */
export interface QueueHoursDeps extends CalendarDeps {
  offices?: OfficeRepository;
  /**
   * The office whose hours an unrouted conversation follows: the top office of the served
   * region (LOKET_AREAS's first code), whose admin sets them in the console.
   */
  queueOfficeId?: string;
}

/** What a waiting citizen is told: whether officers are at the counter, and if not, when. */
export interface CounterHours {
  officeOpenNow: boolean;
  /** ISO time of the next opening, when closed now. */
  nextOpening?: string;
}

/** Whether officers are at the counter at `at` under `hours`, and if not, when they are next. */
export function counterHours(
  at: Date,
  holidays: readonly string[],
  hours: OpeningHours = DEFAULT_HOURS,
): CounterHours {
  const counter = { id: 'queue', name: 'PTSP', level: 'kelurahan' as const, parentId: null, hours };
  const open = isOpen(counter, at, { holidays: [...holidays] });
  const next = open ? null : nextOpening(counter, at, { holidays: [...holidays] });
  return { officeOpenNow: open, ...(next ? { nextOpening: next.toISOString() } : {}) };
}

/**
 * The counter hours for a conversation: those of the office it is routed to, else of the queue's
 * office, as their admins set them (breaks and local holidays included); the common hours
 * (Mon-Fri 08:00-15:00 WIB) when neither is known.
 */
export async function queueCounterHours(
  deps: QueueHoursDeps,
  at: Date,
  officeId?: string,
): Promise<CounterHours> {
  const id = officeId ?? deps.queueOfficeId;
  const chain = await officeChain(deps.offices, id);
  const hours = chain[0]?.hours ?? DEFAULT_HOURS;
  return counterHours(at, await closedDates(deps, chain[0]?.id, chain), hours);
}
