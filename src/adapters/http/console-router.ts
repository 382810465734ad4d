import express, { type RequestHandler, type Router } from 'express';
import { createAdminConsoleRouter } from './admin-router.js';
import { registerApplicationRoutes } from './console/application-routes.js';
import { registerAgencyConsoleRoutes } from './console/agency-routes.js';
import { registerAgencyInboxRoutes } from './console/agency-inbox-routes.js';
import { registerAssetRoutes } from './console/asset-routes.js';
import { registerCannedReplyRoutes } from './console/canned-reply-routes.js';
import { consoleErrorHandler } from './console/console-errors.js';
import type { ConsoleContext } from './console/context.js';
import { registerContextRoutes } from './console/context-routes.js';
import { registerHandoffFileRoutes } from './console/handoff-file-routes.js';
import { registerHandoffRoutes } from './console/handoff-routes.js';
import { registerHandoffFlowRoutes } from './console/handoff-flow-routes.js';
import { registerAvailabilityRoutes } from './console/availability-routes.js';
import { registerLiveRoutes } from './console/live-routes.js';
import { registerLoginRoutes, registerLogoutRoute } from './console/login-routes.js';
import { registerQueueRoutes } from './console/queue-routes.js';
import { registerSetupRoutes } from './console/setup-routes.js';
import { registerTokenRoutes } from './console/token-routes.js';
import { consoleRenderer } from './console-render.js';
import { createDashboardConsoleRouter } from './dashboard-router.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { confineAgencyAccounts, currentOfficer, officerSecurity } from './security.js';
import { createWhatsAppAdminRouter } from './whatsapp-admin-router.js';

/**
 * The officer console: server-rendered pages in Indonesian (English on request) that work on a
 * phone. Forms post with a CSRF token and redirect; only the live queue needs JavaScript. Each
 * page's routes live in `console/`; this only puts them in order around the login gate.
 */
export function createConsoleRouter(deps: OfficerHttpDeps): Router {
  const sec = officerSecurity(deps);
  const ctx: ConsoleContext = { deps, sec, render: consoleRenderer(deps) };
  const router = express.Router();

  registerAssetRoutes(router);
  router.use(express.urlencoded({ extended: false, limit: '100kb' }));
  router.use(...sec.session, sec.identify, rememberLang);
  registerLoginRoutes(router, ctx);
  registerSetupRoutes(router, ctx);

  router.use(loginGate);
  // Agency accounts have their own page (agency-inbox-routes.tsx); the other pages are the offices'.
  router.use(
    confineAgencyAccounts([/^POST \/logout$/, /^GET \/(queue|agency)$/, /^POST \/agency\/[^/]+\/answer$/]),
  );
  // Before the CSRF check below: a file upload's token is inside its multipart body.
  registerHandoffFileRoutes(router, ctx);
  // After the login gate: an anonymous form post hears "log in" (401), a logged-in one without
  // the form's token hears "reload" (403).
  router.use(sec.csrf);
  registerLogoutRoute(router, ctx);
  // Before the queue: an agency account's login lands on its own list.
  registerAgencyInboxRoutes(router, ctx);
  registerQueueRoutes(router, ctx);
  registerApplicationRoutes(router, ctx);
  registerAgencyConsoleRoutes(router, ctx);
  registerHandoffRoutes(router, ctx);
  registerHandoffFlowRoutes(router, ctx);
  registerAvailabilityRoutes(router, ctx);
  registerLiveRoutes(router, ctx);
  // The conversation page's draft documents; supervisors' canned replies (issue 19).
  registerContextRoutes(router, ctx);
  registerCannedReplyRoutes(router, ctx);
  // Each officer's own API tokens: see and revoke one (issue 22).
  registerTokenRoutes(router, ctx);

  // Supervisor dashboard, audit log and deliveries; admin pages (behind the login gate above).
  router.use(createDashboardConsoleRouter(deps));
  router.use(createAdminConsoleRouter(deps));
  // WhatsApp session health and pairing (admins only), when the WhatsApp channel is on.
  if (deps.whatsapp) router.use(createWhatsAppAdminRouter(deps, deps.whatsapp));

  router.use(consoleErrorHandler(ctx));
  return router;
}

/** `?lang=id|en` on any console URL switches the session's language. */
const rememberLang: RequestHandler = (req, _res, next) => {
  const lang = req.query.lang;
  if (lang === 'id' || lang === 'en') req.session.lang = lang;
  next();
};

/** Pages send a visitor without a session to the login page; forms and streams get 401. */
const loginGate: RequestHandler = (req, res, next) => {
  if (currentOfficer(res)) return next();
  // An event stream (EventSource) cannot follow a redirect to a page: it hears 401 and stops.
  if (req.method === 'GET' && !req.path.endsWith('/stream')) return res.redirect('/console/login');
  res.status(401).type('text').send('Silakan masuk terlebih dahulu (login required).');
};
