/**
 * The office tree (kelurahan -> kecamatan -> kota -> provinsi) and its opening hours. The tree
 * decides which applications an officer sees; the hours decide whether a handoff is answered
 * now or "besok pukul 08.00".
 */
import { addDays, jakartaDate, jakartaInstant, jakartaMinutes, parseClock, weekday } from './jakarta-time.js';

/** Levels of the tree, lowest first. */
export const OFFICE_LEVELS = ['kelurahan', 'kecamatan', 'kota', 'provinsi'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** Day keys of opening hours, as offices publish them. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening period on the Jakarta clock, "HH:MM", open inclusive and close exclusive. */
export interface TimeRange {
  open: string;
  close: string;
}

/** Opening periods per weekday; a missing or empty day is closed. Data, so each office can differ. */
export type OpeningHours = Partial<Record<Weekday, readonly TimeRange[]>>;

/** Monday to Friday 08:00-15:00 WIB, the common PTSP counter hours. */
export const DEFAULT_HOURS: OpeningHours = Object.freeze({
  mon: [{ open: '08:00', close: '15:00' }],
  tue: [{ open: '08:00', close: '15:00' }],
  wed: [{ open: '08:00', close: '15:00' }],
  thu: [{ open: '08:00', close: '15:00' }],
  fri: [{ open: '08:00', close: '15:00' }],
});

/** A closed day an admin adds: a local holiday (a town's anniversary) or one the national list lacks. */
export interface LocalHoliday {
  /** Jakarta calendar day, "YYYY-MM-DD". */
  date: string;
  name: string;
}

/** A PTSP counter. Its id is the Kemendagri area code (e.g. "31.71.01.1001" for a kelurahan). */
export interface Office {
  id: string;
  name: string;
  level: OfficeLevel;
  /** `null` for a province. */
  parentId: string | null;
  address?: string;
  /** The counter's public phone number, as the office writes it. */
  phone?: string;
  hours: OpeningHours;
  /** This office's own closed days; they also close every office below it. */
  holidays?: readonly LocalHoliday[];
  /** Catalog service ids this counter handles; absent means every service. */
  services?: readonly string[];
  /** Working days per service id where a local regulation sets an SLA other than the catalog's. */
  sla?: Readonly<Record<string, number>>;
}

/** Whether `office` handles `serviceId` (an office lists none: it handles all). */
export function offersService(office: Office, serviceId: string): boolean {
  return !office.services || office.services.includes(serviceId);
}

/** Closed days the hours do not show; pass the configured holidays (HOLIDAYS). */
export interface CalendarOptions {
  holidays?: readonly string[];
}

/** Finds an office by id; a Map's `get` or a repository cache fits. */
export type OfficeLookup = (id: string) => Office | undefined;

const MAX_SCAN_DAYS = 366;

function periods(hours: OpeningHours, date: string): Array<{ open: number; close: number }> {
  return (hours[WEEKDAYS[weekday(date)] ?? 'sun'] ?? [])
    .map((r) => ({ open: parseClock(r.open), close: parseClock(r.close) }))
    .sort((a, b) => a.open - b.open);
}

/** Whether the counter is open at `at`: a handoff then reaches an officer at once. */
export function isOpen(office: Office, at: Date, options: CalendarOptions = {}): boolean {
  const date = jakartaDate(at);
  if (options.holidays?.includes(date)) return false;
  const minutes = jakartaMinutes(at);
  return periods(office.hours, date).some((p) => minutes >= p.open && minutes < p.close);
}

/**
 * The first moment at or after `at` the counter is open (`at` itself when open now), or null
 * when its hours never open within a year.
 */
export function nextOpening(office: Office, at: Date, options: CalendarOptions = {}): Date | null {
  if (isOpen(office, at, options)) return at;
  const today = jakartaDate(at);
  for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
    const date = addDays(today, i);
    if (options.holidays?.includes(date)) continue;
    for (const p of periods(office.hours, date)) {
      const opening = jakartaInstant(date, p.open);
      if (opening.getTime() > at.getTime()) return opening;
    }
  }
  return null;
}

/** The offices above `officeId`, nearest first (kecamatan, kota, provinsi for a kelurahan). */
export function ancestors(officeId: string, lookup: OfficeLookup): Office[] {
  const found: Office[] = [];
  const seen = new Set([officeId]);
  let parentId = lookup(officeId)?.parentId ?? null;
  while (parentId !== null && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = lookup(parentId);
    if (!parent) break;
    found.push(parent);
    parentId = parent.parentId;
  }
  return found;
}

/**
 * Whether `officeId` is `ancestorId` or below it: an officer of a kecamatan sees its own
 * applications and those of its kelurahan, never a neighbour's.
 */
export function isWithin(officeId: string, ancestorId: string, lookup: OfficeLookup): boolean {
  return officeId === ancestorId || ancestors(officeId, lookup).some((o) => o.id === ancestorId);
}
