import type { Request } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';

/** An id from the URL; anything that cannot be an id is simply not found. */
export function idParam(req: Request, name = 'id'): string {
  const v = req.params[name];
  if (typeof v !== 'string' || !/^[0-9a-f]{24}$/i.test(v))
    throw new OfficerActionError('not_found', 'Data tidak ditemukan (not found).');
  return v;
}

/** A query string as plain strings, empty values dropped (what a GET form sends). */
export function plainQuery(req: Request): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.query).filter(([k, v]) => typeof v === 'string' && v !== '' && k !== 'lang'),
  ) as Record<string, string>;
}

/** Start of a Jakarta calendar day (WIB, UTC+7) plus `plusDays`: officers mean their own day. */
export function wibDay(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + plusDays * 86_400_000);
}
