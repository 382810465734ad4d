import { DEFAULT_HOLIDAY_DATES } from '../../domain/holidays.js';
import type { WorkingDayOptions } from '../../domain/working-days.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import { closedDates } from '../calendar.js';

/** Where the closed days come from: the same stores the application SLA counts over. */
export interface AgencyCalendarDeps {
  offices: OfficeRepository;
  holidayStore?: HolidayRepository;
  /** The shipped national holidays plus HOLIDAYS; the shipped list when absent. */
  holidays?: readonly string[];
}

/**
 * The working-day calendar of each office, read once per office: the one calendar agency steps
 * are counted on everywhere (the forward's due date, the inbox, the dashboard), which is the
 * application SLA's (`closedDates`: national days, HOLIDAYS, admins' days, and the office's
 * own and those above it). A count over another calendar would disagree with the due date.
 */
export function agencyCalendars(deps: AgencyCalendarDeps): (officeId: string) => Promise<WorkingDayOptions> {
  const byOffice = new Map<string, Promise<WorkingDayOptions>>();
  return (officeId) => {
    let calendar = byOffice.get(officeId);
    if (!calendar) {
      calendar = closedDates(
        {
          holidays: deps.holidays ?? DEFAULT_HOLIDAY_DATES,
          offices: deps.offices,
          ...(deps.holidayStore ? { holidayStore: deps.holidayStore } : {}),
        },
        officeId,
      ).then((holidays) => ({ holidays }));
      byOffice.set(officeId, calendar);
    }
    return calendar;
  };
}
