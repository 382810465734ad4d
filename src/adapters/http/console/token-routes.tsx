import type { Request, Response, Router } from 'express';
import { listApiTokens, revokeApiToken } from '../../../app/officer/api-tokens.js';
import { langOf } from '../console-render.js';
import { idParam } from '../params.js';
import { officerOf } from '../security.js';
import { tt } from '../token-i18n.js';
import { ApiTokensView } from '../views/api-tokens-view.js';
import type { ConsoleContext } from './context.js';

/**
 * Shows an officer's API tokens. The owner sees their own at `/tokens`; an admin sees anyone's
 * in their office subtree at `/admin/officers/:id/tokens` (the use case refuses anyone else).
 */
export async function showApiTokens(
  ctx: Pick<ConsoleContext, 'deps' | 'render'>,
  req: Request,
  res: Response,
  officerId: string,
): Promise<void> {
  const { deps, render } = ctx;
  const lang = langOf(req);
  const me = officerOf(res);
  const tokens = await listApiTokens(deps, me, officerId);
  const owner = officerId === me.id ? me : await deps.officers.findById(officerId);
  const title =
    officerId === me.id ? tt(lang, 'title') : tt(lang, 'titleOf', { username: owner?.username ?? '' });
  const flash =
    req.query.done === 'revoked' ? { flash: { kind: 'ok' as const, text: tt(lang, 'revokedOne') } } : {};
  render(
    req,
    res,
    title,
    (csrf) => <ApiTokensView lang={lang} csrf={csrf} tokens={tokens} adminBack={officerId !== me.id} />,
    flash,
  );
}

/**
 * `/tokens`: every officer's own API tokens, and revoking one token (the owner's or, for an
 * admin, an account's in their subtree; CSRF-checked by the console, audited by the use case).
 */
export function registerTokenRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps } = ctx;
  router.get('/tokens', async (req, res) => {
    await showApiTokens(ctx, req, res, officerOf(res).id);
  });
  router.post('/tokens/:id/revoke', async (req, res) => {
    const id = idParam(req);
    const token = await deps.apiTokens.findById(id);
    await revokeApiToken(deps, officerOf(res), id);
    const me = officerOf(res);
    const back =
      token && token.officerId !== me.id
        ? `/console/admin/officers/${encodeURIComponent(token.officerId)}/tokens`
        : '/console/tokens';
    res.redirect(303, `${back}?done=revoked`);
  });
}
