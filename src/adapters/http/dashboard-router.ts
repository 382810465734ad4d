import express, { type RequestHandler, type Router } from 'express';
import { CITIZEN_ACTOR_PREFIX } from '../../app/citizen-actor.js';
import { OfficerActionError } from '../../app/officer/errors.js';
import { listUndelivered } from '../../app/officer/list-undelivered.js';
import { computeMetrics, type DashboardMetrics } from '../../app/officer/metrics.js';
import { computeSatisfaction, type SatisfactionMetrics } from '../../app/officer/satisfaction-metrics.js';
import { searchAudit, type AuditEntry } from '../../app/officer/search-audit.js';
import type { OfficerRole } from '../../ports/officer-repository.js';
import { consoleRenderer } from './console-render.js';
import { parseInput } from './http-errors.js';
import { maskChat } from './json-views.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { currentOfficer, officerOf, requireRole } from './security.js';
import { auditPage } from './routes/supervisor/audit-page.js';
import { dashboardPage } from './routes/supervisor/dashboard-page.js';
import { dataRequestsPage } from './routes/supervisor/data-requests-page.js';
import { deadLettersPage } from './routes/supervisor/dead-letters-page.js';
import { deliveriesPage } from './routes/supervisor/deliveries-page.js';
import { auditQuery, metricsWindow } from './routes/supervisor/queries.js';
import { auditQuerySchema, deliveriesQuerySchema, metricsQuerySchema } from './supervisor-schemas.js';

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

/**
 * An audit row as JSON: a citizen is a pseudonym (`warga:<digest>`); an id written before
 * pseudonyms names the chat and is masked (a WhatsApp chat id is a phone number).
 */
export function auditJson(e: AuditEntry): Record<string, unknown> {
  return {
    id: e.id,
    type: e.type,
    at: e.at.toISOString(),
    actor: {
      kind: e.actor.kind,
      id:
        e.actor.kind === 'citizen' && !e.actor.id.startsWith(CITIZEN_ACTOR_PREFIX)
          ? maskChat(e.actor.id)
          : e.actor.id,
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
 * log search, the undelivered notifications and the messages parked as dead letters, one route
 * module each. Mounted inside the console
 * router, after its login gate, so sessions, CSRF and error pages are the console's own.
 */
export function createDashboardConsoleRouter(deps: OfficerHttpDeps): Router {
  const render = consoleRenderer(deps);
  const router = express.Router();
  router.use(
    ['/dashboard', '/audit', '/deliveries', '/dead-letters', '/data-requests'],
    requireRolePage('supervisor', 'admin'),
  );
  for (const page of [dashboardPage, auditPage, deliveriesPage, deadLettersPage, dataRequestsPage])
    router.use(page(deps, render));
  return router;
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
    const window = { from: w.from, to: w.to, officeId: w.officeId };
    const [metrics, satisfaction]: [DashboardMetrics, SatisfactionMetrics] = await Promise.all([
      computeMetrics(deps, officer, window),
      computeSatisfaction(deps, officer, window),
    ]);
    res.json({ ...metrics, satisfaction });
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
