import type { Response, Router } from 'express';
import {
  requestWhatsAppPairingCode,
  restartWhatsApp,
  unpairWhatsApp,
} from '../../app/officer/whatsapp-admin.js';
import { langOf } from './console-render.js';
import { officerOf } from './security.js';
import type { WhatsAppPageDeps } from './whatsapp-context.js';
import { tWhatsApp } from './whatsapp-i18n.js';
import { showSession } from './whatsapp-session-route.js';

/** The session refused the request in words an admin can act on (a bad number, nothing to unlink). */
function isSessionRefusal(err: unknown): err is Error {
  return err instanceof Error && err.name === 'WhatsAppSessionError';
}

function adminName(res: Response): string {
  return officerOf(res).username;
}

/**
 * The session page's actions: ask for a pairing code (answered by the page showing it), connect
 * again, and unlink after the admin ticks "I am sure". Each is audited by its use case.
 */
export function whatsAppActionsRoute(router: Router, page: WhatsAppPageDeps): void {
  const { deps, actions } = page;

  router.post('/whatsapp/pairing-code', async (req, res) => {
    const phone = (req.body as { phone?: unknown }).phone;
    try {
      await requestWhatsAppPairingCode(actions, officerOf(res), typeof phone === 'string' ? phone : '');
      deps.logger.info({ admin: adminName(res) }, 'whatsapp pairing code requested from the console');
      await showSession(page, req, res);
    } catch (err) {
      if (!isSessionRefusal(err)) deps.logger.error({ err }, 'whatsapp pairing code failed');
      const text = isSessionRefusal(err) ? err.message : tWhatsApp(langOf(req), 'codeFailed');
      await showSession(page, req, res, { kind: 'error', text }, 400);
    }
  });

  router.post('/whatsapp/restart', async (_req, res) => {
    deps.logger.info({ admin: adminName(res) }, 'whatsapp restart requested from the console');
    await restartWhatsApp(actions, officerOf(res));
    res.redirect(303, '/console/whatsapp?done=restart');
  });

  router.post('/whatsapp/unpair', async (req, res) => {
    if ((req.body as { confirm?: unknown }).confirm !== 'yes')
      return showSession(page, req, res, { kind: 'error', text: tWhatsApp(langOf(req), 'mustConfirm') }, 400);
    try {
      await unpairWhatsApp(actions, officerOf(res));
    } catch (err) {
      if (isSessionRefusal(err))
        return showSession(page, req, res, { kind: 'error', text: err.message }, 409);
      throw err;
    }
    deps.logger.warn({ admin: adminName(res) }, 'whatsapp number unlinked from the console');
    res.redirect(303, '/console/whatsapp?done=unpair');
  });
}
