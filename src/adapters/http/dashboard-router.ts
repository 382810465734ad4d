import express, { type RequestHandler, type Router } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';
import { listUndelivered } from '../../app/officer/list-undelivered.js';
import { computeMetrics, type DashboardMetrics } from '../../app/officer/metrics.js';
import type { OfficerActor } from '../../app/officer/officer-actor.js';
import { OFFICER_ACTION_TYPES, searchAudit, type AuditEntry } from '../../app/officer/search-audit.js';
import { isWithinOffice } from '../../app/officer/scope.js';
import { addDays, jakartaDate } from '../../domain/jakarta-time.js';
import type { OfficerRole } from '../../ports/officer-repository.js';
import { consoleRenderer, langOf, plainQuery, wibDay } from './console-render.js';
import { auditBody, dashboardBody, deliveriesBody } from './dashboard-pages.js';
import { fieldErrors, parseInput } from './http-errors.js';
import { maskChat } from './json-views.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { currentOfficer, officerOf, requireRole } from './security.js';
import { ts } from './supervisor-i18n.js';
import { auditQuerySchema, deliveriesQuerySchema, metricsQuerySchema } from './supervisor-schemas.js';
import type { z } from 'zod';

/** Days the dashboard shows when no range is given. */
const DEFAULT_DAYS = 30;

/** For console pages: a wrong role is a 403 page rendered by the console's error handler. */
export function requireRolePage(...roles: OfficerRole[]): RequestHandler {
  return (_req, res, next) => {
    const officer = currentOfficer(res);
    if (officer && roles.includes(officer.role)) return next();
    next(
      new OfficerActionError(
        'forbidden',
        'Anda tidak berwenang membuka halaman ini (not allowed for your role).',
      ),
    );
  };
}

/** The metrics window as Jakarta days (inclusive) and the instants they span. */
function metricsWindow(
  q: z.infer<typeof metricsQuerySchema>,
  officer: OfficerActor,
  now: Date,
): { days: { from: string; to: string; officeId: string }; from: Date; to: Date; officeId: string } {
  const to = q.to ?? (q.from ? addDays(q.from, DEFAULT_DAYS - 1) : jakartaDate(now));
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const officeId = q.officeId ?? officer.officeId;
  return { days: { from, to, officeId }, from: wibDay(from), to: wibDay(to, 1), officeId };
}

function auditQuery(q: z.infer<typeof auditQuerySchema>) {
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

/** An audit row as JSON: citizen chat ids masked (a WhatsApp chat id is a phone number). */
export function auditJson(e: AuditEntry): Record<string, unknown> {
  return {
    id: e.id,
    type: e.type,
    at: e.at.toISOString(),
    actor: {
      kind: e.actor.kind,
      id: e.actor.kind === 'citizen' ? maskChat(e.actor.id) : e.actor.id,
      ...(e.actorName ? { name: e.actorName } : {}),
    },
    ...(e.applicationId ? { applicationId: e.applicationId } : {}),
    ...(e.trackingNumber ? { trackingNumber: e.trackingNumber } : {}),
    ...(e.officeId ? { officeId: e.officeId } : {}),
    ...(e.before ? { before: e.before } : {}),
    ...(e.after ? { after: e.after } : {}),
    ...(e.data ? { data: e.data } : {}),
  };
}

/**
 * Console pages for supervisors and admins: the dashboard (charts as server-side SVG), the audit
 * log search and the undelivered notifications. Mounted inside the console router, after its
 * login gate, so sessions, CSRF and error pages are the console's own.
 */
export function createDashboardConsoleRouter(deps: OfficerHttpDeps): Router {
  const render = consoleRenderer(deps);
  const router = express.Router();
  router.use(['/dashboard', '/audit', '/deliveries'], requireRolePage('supervisor', 'admin'));

  router.get('/dashboard', async (req, res) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const parsed = metricsQuerySchema.safeParse(plainQuery(req));
    const w = metricsWindow(parsed.success ? parsed.data : {}, officer, deps.now());
    if (!isWithinOffice(w.officeId, officer.officeId)) {
      throw new OfficerActionError('forbidden', 'Kantor ini di luar wilayah Anda (outside your office).');
    }
    const metrics = await computeMetrics(deps, officer, { from: w.from, to: w.to, officeId: w.officeId });
    const flash = parsed.success ? undefined : errorFlash(fieldErrors(parsed.error));
    render(req, res, ts(lang, 'dashboard'), () => dashboardBody(lang, w.days, metrics), {
      ...(flash ? { status: 400, flash } : {}),
    });
  });

  router.get('/audit', async (req, res) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const raw = plainQuery(req);
    const parsed = auditQuerySchema.safeParse(raw);
    const q = parsed.success ? parsed.data : auditQuerySchema.parse({});
    const result = await searchAudit(deps, officer, auditQuery(q));
    const officers = (await deps.officers.list()).filter((o) => isWithinOffice(o.officeId, officer.officeId));
    const flash = parsed.success ? undefined : errorFlash(fieldErrors(parsed.error));
    render(
      req,
      res,
      ts(lang, 'audit'),
      () =>
        auditBody(lang, raw, result, OFFICER_ACTION_TYPES, officers, { offset: q.offset, limit: q.limit }),
      flash ? { status: 400, flash } : {},
    );
  });

  router.get('/deliveries', async (req, res) => {
    const lang = langOf(req);
    const raw = plainQuery(req);
    const parsed = deliveriesQuerySchema.safeParse(raw);
    const q = parsed.success ? parsed.data : deliveriesQuerySchema.parse({});
    const result = await listUndelivered(deps, officerOf(res), q);
    const flash = parsed.success ? undefined : errorFlash(fieldErrors(parsed.error));
    render(
      req,
      res,
      ts(lang, 'deliveries'),
      () => deliveriesBody(lang, raw, result, { offset: q.offset, limit: q.limit }),
      flash ? { status: 400, flash } : {},
    );
  });
  return router;
}

function errorFlash(fields: Record<string, string>): { kind: 'error'; text: string } {
  return {
    kind: 'error',
    text: Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
  };
}

/**
 * The same numbers as JSON under `/api` (supervisors and admins): `GET /metrics`, `GET /audit`,
 * `GET /deliveries`. Mounted inside the API router, after its authentication.
 */
export function createDashboardApiRouter(deps: OfficerHttpDeps): Router {
  const router = express.Router();
  const supervisors = requireRole('supervisor', 'admin');

  router.get('/metrics', supervisors, async (req, res) => {
    const officer = officerOf(res);
    const w = metricsWindow(parseInput(metricsQuerySchema, req.query), officer, deps.now());
    const metrics: DashboardMetrics = await computeMetrics(deps, officer, {
      from: w.from,
      to: w.to,
      officeId: w.officeId,
    });
    res.json(metrics);
  });

  router.get('/audit', supervisors, async (req, res) => {
    const q = parseInput(auditQuerySchema, req.query);
    const result = await searchAudit(deps, officerOf(res), auditQuery(q));
    res.json({ items: result.items.map(auditJson), total: result.total });
  });

  router.get('/deliveries', supervisors, async (req, res) => {
    const q = parseInput(deliveriesQuerySchema, req.query);
    const result = await listUndelivered(deps, officerOf(res), q);
    res.json({
      items: result.items.map(({ item, application }) => ({
        id: item.id,
        status: item.status,
        channel: item.channel,
        chat: maskChat(item.chatId),
        attempts: item.attempts,
        ...(item.lastError ? { lastError: item.lastError } : {}),
        createdAt: item.createdAt.toISOString(),
        ...(application
          ? {
              application: {
                id: application.id,
                trackingNumber: application.trackingNumber,
                officeId: application.officeId,
                applicantName: application.applicant.name,
              },
            }
          : {}),
      })),
      total: result.total,
    });
  });
  return router;
}
