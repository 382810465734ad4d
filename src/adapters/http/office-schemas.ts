import { z } from 'zod';
import type { OfficeEdit } from '../../app/officer/manage-offices.js';
import { fieldErrors } from './http-errors.js';
import { WEEKDAYS, type Office, type TimeRange, type Weekday } from '../../domain/office.js';

/** Periods a day may have: morning, afternoon after the Friday-prayer break, and an evening shift. */
export const MAX_PERIODS = 3;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const clock = z.union([z.literal(''), z.string().regex(CLOCK, 'Tulis jam sebagai JJ:MM, misalnya 08:00.')]);

const period = z
  .object({ open: clock, close: clock })
  .refine((p) => (p.open === '') === (p.close === ''), {
    path: ['close'],
    message: 'Isi jam buka dan jam tutup, atau kosongkan keduanya.',
  })
  .refine((p) => !CLOCK.test(p.open) || !CLOCK.test(p.close) || p.close > p.open, {
    path: ['close'],
    message: 'Jam tutup harus setelah jam buka.',
  });

const day = z
  .object({ closed: z.boolean(), periods: z.array(period).max(MAX_PERIODS) })
  .refine((d) => d.closed || !overlapping(filled(d.periods)), {
    path: ['periods'],
    message: 'Jam layanan dalam satu hari tidak boleh tumpang tindih.',
  });

function filled(periods: readonly TimeRange[]): TimeRange[] {
  return periods.filter((p) => p.open !== '' && p.close !== '').sort((a, b) => a.open.localeCompare(b.open));
}

function overlapping(sorted: readonly TimeRange[]): boolean {
  return sorted.some((p, i) => i > 0 && p.open < sorted[i - 1]!.close);
}

/** The office edit form, structured: `hours.fri.periods.1.open` is both a field name and an error key. */
export const officeEditSchema = z
  .object({
    name: z
      .string('Nama kantor wajib diisi.')
      .trim()
      .min(2, 'Nama kantor minimal 2 karakter.')
      .max(120, 'Nama kantor paling panjang 120 karakter.'),
    address: z.string().trim().max(300, 'Alamat paling panjang 300 karakter.'),
    phone: z
      .string()
      .trim()
      .regex(/^(\+?\d[\d ()-]{5,22})?$/, 'Nomor telepon hanya angka, spasi, tanda hubung; boleh diawali +.'),
    hours: z.object(
      Object.fromEntries(WEEKDAYS.map((d) => [d, day])) as Record<(typeof WEEKDAYS)[number], typeof day>,
    ),
  })
  .transform((f): OfficeEdit => ({
    name: f.name,
    address: f.address,
    phone: f.phone,
    hours: Object.fromEntries(
      WEEKDAYS.flatMap((d) => {
        const periods = f.hours[d].closed ? [] : filled(f.hours[d].periods);
        return periods.length ? [[d, periods]] : [];
      }),
    ),
  }));

/** A form field as text; a missing or non-text value (an array, a repeated field) becomes undefined. */
function text(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
}

/** The office form's values as shown: from the stored office, or as sent back with errors. */
export interface OfficeFormValues {
  name: string | undefined;
  address: string;
  phone: string;
  hours: Record<Weekday, { closed: boolean; periods: TimeRange[] }>;
  /** The services part, when the catalog is known (servicesFormInput / servicesFormValues). */
  offered?: { services: string[]; sla: Record<string, string> };
}

/**
 * The stored office as form values: each day padded to three periods. A day without periods is
 * closed already, so its box stays unticked: filling in hours opens it.
 */
export function officeFormValues(office: Office): OfficeFormValues {
  const hours = Object.fromEntries(
    WEEKDAYS.map((d) => {
      const periods = [...(office.hours[d] ?? [])];
      const padded = Array.from({ length: MAX_PERIODS }, (_, i) => periods[i] ?? { open: '', close: '' });
      return [d, { closed: false, periods: padded }];
    }),
  ) as OfficeFormValues['hours'];
  return { name: office.name, address: office.address ?? '', phone: office.phone ?? '', hours };
}

/**
 * The posted flat form (`hours.mon.periods.0.open=08:00`, `hours.sat.closed=on`) as the object
 * the schema checks. A missing time is empty; a missing name stays missing so zod names it.
 */
export function officeFormInput(body: unknown): OfficeFormValues {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const hours = Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      {
        closed: text(b, `hours.${d}.closed`) !== undefined,
        periods: Array.from({ length: MAX_PERIODS }, (_, i) => ({
          open: text(b, `hours.${d}.periods.${i}.open`)?.trim() ?? '',
          close: text(b, `hours.${d}.periods.${i}.close`)?.trim() ?? '',
        })),
      },
    ]),
  ) as OfficeFormValues['hours'];
  return {
    name: text(b, 'name'),
    address: text(b, 'address') ?? '',
    phone: text(b, 'phone') ?? '',
    hours,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `d` is a real calendar day written "YYYY-MM-DD" (also the `:date` of the URLs). */
export function isCalendarDay(d: string): boolean {
  return DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
}

/** The add-a-holiday form, for every office or for one. */
export const holidaySchema = z.object({
  date: z
    .string('Tanggal wajib diisi.')
    .trim()
    .refine(isCalendarDay, 'Tulis tanggal sebagai TTTT-BB-HH, misalnya 2027-06-22.'),
  name: z
    .string('Nama hari libur wajib diisi.')
    .trim()
    .min(3, 'Nama hari libur minimal 3 karakter.')
    .max(100, 'Nama hari libur paling panjang 100 karakter.'),
});

/** A service the office page lists: its id, its name, and the catalog's SLA in working days. */
export interface ServiceRow {
  id: string;
  name: string;
  slaDays: number;
}

/** Blank keeps the catalog's SLA (undefined); else whole working days. */
const slaDays = z
  .string()
  .refine((v) => v === '' || /^\d{1,3}$/.test(v), 'Tulis SLA sebagai jumlah hari kerja, misalnya 5.')
  .transform((v) => (v === '' ? undefined : Number(v)))
  .refine((n) => n === undefined || (n >= 1 && n <= 365), 'SLA antara 1 dan 365 hari kerja.');

/**
 * The services part of the office form: the ticked services (all ticked means all, also those
 * the catalog adds later) and, per service, an SLA in working days where a local regulation
 * differs (blank keeps the catalog's). Error keys are the field names (`sla.pbg`).
 */
export function officeServicesSchema(ids: readonly string[]) {
  return z
    .object({
      services: z.array(z.string().refine((id) => ids.includes(id), 'Layanan tidak dikenal.')),
      sla: z.object(Object.fromEntries(ids.map((id) => [id, slaDays]))),
    })
    .transform((f) => ({
      services: ids.every((id) => f.services.includes(id)) ? ('all' as const) : [...new Set(f.services)],
      sla: Object.fromEntries(
        Object.entries(f.sla as Record<string, number | undefined>).filter(
          (e): e is [string, number] => e[1] !== undefined,
        ),
      ),
    }));
}

/** The services part of the posted form, as the schema above checks it. */
export function servicesFormInput(
  body: unknown,
  ids: readonly string[],
): { services: string[]; sla: Record<string, string> } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const raw = b.services;
  const services = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  return { services, sla: Object.fromEntries(ids.map((id) => [id, text(b, `sla.${id}`)?.trim() ?? ''])) };
}

/** The stored office's services part as form values. */
export function servicesFormValues(
  office: Office,
  ids: readonly string[],
): { services: string[]; sla: Record<string, string> } {
  return {
    services: ids.filter((id) => !office.services || office.services.includes(id)),
    sla: Object.fromEntries(
      ids.map((id) => [id, office.sla?.[id] === undefined ? '' : String(office.sla[id])]),
    ),
  };
}

/**
 * The whole posted office form, checked: the edit when every field is right, else the errors by
 * field name. `ids` are the catalog's services; the services part counts only when the form
 * showed it.
 */
export function parseOfficeForm(
  body: unknown,
  ids: readonly string[],
): { values: OfficeFormValues; edit?: OfficeEdit; errors: Record<string, string> } {
  const values = officeFormInput(body);
  const shown = ids.length > 0 && text(body as Record<string, unknown>, 'services.shown') !== undefined;
  if (shown) values.offered = servicesFormInput(body, ids);
  const main = officeEditSchema.safeParse(values);
  const offered = shown ? officeServicesSchema(ids).safeParse(values.offered) : undefined;
  const errors = {
    ...(main.success ? {} : fieldErrors(main.error)),
    // An unknown service is reported under the table (`services`), not a list index.
    ...(offered && !offered.success
      ? Object.fromEntries(
          Object.entries(fieldErrors(offered.error)).map(([k, v]) => [
            k.replace(/^services\.\d+$/, 'services'),
            v,
          ]),
        )
      : {}),
  };
  if (!main.success || (offered && !offered.success)) return { values, errors };
  return { values, edit: { ...main.data, ...(offered ? offered.data : {}) }, errors };
}
