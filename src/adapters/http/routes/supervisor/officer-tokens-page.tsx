import express, { type Router } from 'express';
import { issueTokenFor, revokeTokensFor } from '../../../../app/officer/manage-officers.js';
import { showApiTokens } from '../../console/token-routes.js';
import { langOf, type Render } from '../../console-render.js';
import { idParam } from '../../params.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { ts } from '../../supervisor-i18n.js';
import { TokenView } from '../../views/supervisor/token-view.js';

/**
 * An officer's API tokens under `/admin/officers/:id/tokens`: the list (revoke one there),
 * issuing shows the new token on its own page, once; revoking all cuts every token and says how many.
 */
export function officerTokensPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();

  router.get('/admin/officers/:id/tokens', async (req, res) => {
    await showApiTokens({ deps, render }, req, res, idParam(req));
  });

  router.post('/admin/officers/:id/tokens', async (req, res) => {
    const lang = langOf(req);
    const id = idParam(req);
    const token = await issueTokenFor(deps, officerOf(res), id);
    const officer = await deps.officers.findById(id);
    render(req, res, ts(lang, 'tokens'), () => (
      <TokenView lang={lang} username={officer?.username ?? id} token={token} />
    ));
  });

  router.post('/admin/officers/:id/tokens/revoke', async (req, res) => {
    const n = await revokeTokensFor(deps, officerOf(res), idParam(req));
    res.redirect(303, `/console/admin/officers?done=revoked&n=${n}`);
  });
  return router;
}
