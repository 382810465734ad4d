import type { LocalHoliday } from '../domain/office.js';

/**
 * Closed days admins add for every office of this Loket (a day the shipped national list lacks,
 * or a cuti bersama decided late). Office-only holidays live on the office itself.
 */
export interface HolidayRepository {
  /** By date. */
  list(): Promise<LocalHoliday[]>;
  /** False when that date is already listed (one holiday per day). */
  add(holiday: LocalHoliday): Promise<boolean>;
  /** The removed holiday, or undefined when none was on that date. */
  remove(date: string): Promise<LocalHoliday | undefined>;
}
