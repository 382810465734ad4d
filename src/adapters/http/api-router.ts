import express, { type Router } from 'express';
import { apiErrorHandler, sendError } from './http-errors.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { buildOpenApi } from './openapi.js';
import { createAdminApiRouter } from './admin-router.js';
import { createDashboardApiRouter } from './dashboard-router.js';
import { confineAgencyAccounts, officerSecurity, requireOfficer } from './security.js';
import { agencyRoutes } from './api/agency-routes.js';
import { applicationRoutes } from './api/application-routes.js';
import { handoffRoutes } from './api/handoff-routes.js';
import { handoffFlowRoutes } from './api/handoff-flow-routes.js';
import { availabilityApiRoutes } from './api/availability-routes.js';
import { officerRoutes } from './api/officer-routes.js';

/** What an agency account may call; every other API route answers it 403. */
const AGENCY_API: readonly RegExp[] = [
  /^GET \/(openapi\.json|csrf-token|me|agencies|agency\/applications)$/,
  /^POST \/applications\/[^/]+\/agency-answer$/,
];

/**
 * The JSON API under `/api`: applications, status changes, documents, the handoff queue and
 * officer accounts, over the same use cases as the console. Session requests need a CSRF token
 * (`x-csrf-token`) for state changes; bearer-token requests do not.
 */
export function createApiRouter(deps: OfficerHttpDeps): Router {
  const sec = officerSecurity(deps);
  const router = express.Router();
  router.use(express.json({ limit: '100kb' }));
  router.use(...sec.session, sec.identify, requireOfficer, sec.csrf);
  router.use(confineAgencyAccounts(AGENCY_API));

  router.get('/openapi.json', (_req, res) => {
    res.json(buildOpenApi());
  });
  router.get('/csrf-token', (req, res) => {
    res.json({ token: sec.csrfToken(req, res) });
  });
  officerRoutes(router, deps);
  agencyRoutes(router, deps);
  applicationRoutes(router, deps);
  handoffRoutes(router, deps);
  handoffFlowRoutes(router, deps);
  availabilityApiRoutes(router, deps);

  // Supervisor metrics/audit/deliveries and admin account routes (dashboard-router.ts, admin-router.ts).
  router.use(createDashboardApiRouter(deps));
  router.use(createAdminApiRouter(deps));

  router.use((_req, res) => sendError(res, 404, 'not_found', 'Alamat API tidak ditemukan (not found).'));
  router.use(apiErrorHandler(sec.isCsrfError, (err) => deps.logger.error({ err }, 'API request failed')));
  return router;
}
