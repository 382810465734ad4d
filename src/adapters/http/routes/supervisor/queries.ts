import type { Request } from 'express';
import type { z } from 'zod';
import type { OfficerActor } from '../../../../app/officer/officer-actor.js';
import type { AuditQuery } from '../../../../app/officer/search-audit.js';
import { addDays, jakartaDate } from '../../../../domain/jakarta-time.js';
import { type RenderOptions } from '../../console-render.js';
import { plainQuery, wibDay } from '../../params.js';
import { fieldErrors } from '../../http-errors.js';
import type { auditQuerySchema, metricsQuerySchema } from '../../supervisor-schemas.js';
import type { DashboardWindow } from '../../views/supervisor/dashboard-window.js';

/** Days the dashboard shows when no range is given. */
const DEFAULT_DAYS = 30;

/** The metrics window as Jakarta days (inclusive) and the instants they span; page and API alike. */
export function metricsWindow(
  q: z.infer<typeof metricsQuerySchema>,
  officer: OfficerActor,
  now: Date,
): { days: DashboardWindow; from: Date; to: Date; officeId: string } {
  const to = q.to ?? (q.from ? addDays(q.from, DEFAULT_DAYS - 1) : jakartaDate(now));
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const officeId = q.officeId ?? officer.officeId;
  return { days: { from, to, officeId }, from: wibDay(from), to: wibDay(to, 1), officeId };
}

/** The audit filters as the use case takes them: officers mean whole Jakarta days. */
export function auditQuery(q: z.infer<typeof auditQuerySchema>): AuditQuery {
  return {
    ...(q.officer ? { officer: q.officer } : {}),
    ...(q.type ? { type: q.type } : {}),
    ...(q.tracking ? { trackingNumber: q.tracking } : {}),
    ...(q.from ? { from: wibDay(q.from) } : {}),
    ...(q.to ? { to: wibDay(q.to, 1) } : {}),
    limit: q.limit,
    offset: q.offset,
  };
}

/** A page's filters: as sent (to fill the form again), as parsed, and how to render when wrong. */
export interface PageQuery<T> {
  raw: Record<string, string>;
  q: T;
  /** A wrong filter still shows the page, with the defaults, a 400 and the fields named. */
  opts: RenderOptions;
}

/** Reads a console page's filters; a wrong one never hides the page, it says what is wrong. */
export function pageQuery<S extends z.ZodType>(schema: S, req: Request): PageQuery<z.infer<S>> {
  const raw = plainQuery(req);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { raw, q: parsed.data, opts: {} };
  const text = Object.entries(fieldErrors(parsed.error))
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return { raw, q: schema.parse({}), opts: { status: 400, flash: { kind: 'error', text } } };
}
