import { DEFAULT_HOURS, isOpen, nextOpening, type Office } from '../domain/office.js';

/** The officers' queue keeps the common counter hours (Mon-Fri 08:00-15:00 WIB). */
const COUNTER: Office = {
  id: 'queue',
  name: 'PTSP',
  level: 'kelurahan',
  parentId: null,
  hours: DEFAULT_HOURS,
};

/** Whether officers are at the counter at `at`, and if not, when they are next (ISO time). */
export function counterHours(
  at: Date,
  holidays: readonly string[],
): { officeOpenNow: boolean; nextOpening?: string } {
  const open = isOpen(COUNTER, at, { holidays: [...holidays] });
  const next = open ? null : nextOpening(COUNTER, at, { holidays: [...holidays] });
  return { officeOpenNow: open, ...(next ? { nextOpening: next.toISOString() } : {}) };
}
