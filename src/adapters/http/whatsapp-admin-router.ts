import express, { type Router } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';
import type { WhatsAppSession } from '../../ports/whatsapp-session.js';
import { consoleRenderer } from './console-render.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { currentOfficer } from './security.js';
import { whatsAppActionsRoute } from './whatsapp-actions-route.js';
import { WHATSAPP_ADMINS_ONLY } from './whatsapp-i18n.js';
import { whatsAppSessionRoute } from './whatsapp-session-route.js';

/**
 * The WhatsApp session-health page under `/console/whatsapp`, for admins only: state, QR or
 * pairing code, the last disconnect with its raw code, reconnects and decryption failures, and
 * the admin actions (pairing code, connect again, unlink). It reads the session through its
 * port; the WhatsApp adapter is never imported here. The page and its actions have their own
 * route modules; this router lets only admins through to them.
 */
export function createWhatsAppAdminRouter(deps: OfficerHttpDeps, session: WhatsAppSession): Router {
  const router = express.Router();
  router.use('/whatsapp', (_req, res, next) => {
    if (currentOfficer(res)?.role === 'admin') return next();
    next(new OfficerActionError('forbidden', WHATSAPP_ADMINS_ONLY));
  });
  const page = {
    deps,
    session,
    render: consoleRenderer(deps),
    actions: { whatsapp: session, events: deps.events, now: deps.now },
  };
  whatsAppSessionRoute(router, page);
  whatsAppActionsRoute(router, page);
  return router;
}
