import type { Request, Response, Router } from 'express';
import { checkSetupToken, createFirstAdmin, type FirstAdminDeps } from '../../../app/officer/first-admin.js';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { SetupForm, SetupGone, type SetupValues } from '../views/setup.js';
import type { ConsoleContext } from './context.js';
import { startSession } from './login-routes.js';

/** A form or query field as text; anything else (arrays, objects) counts as empty. */
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * `GET/POST /setup?token=`: the first-run page that creates the first admin with the one-time
 * link printed in the log. Mounted before the login gate; the POST is rate-limited like the login
 * and CSRF-checked. A wrong, expired or used link gets one answer (410) that says none of them.
 */
export function registerSetupRoutes(router: Router, ctx: ConsoleContext): void {
  const { render, sec, deps } = ctx;
  const setupDeps: FirstAdminDeps = deps;

  const offices = async (): Promise<Array<[string, string]>> =>
    (await deps.offices.all())
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((o) => [o.id, `${o.id} ${o.name} (${o.level})`]);

  const gone = (req: Request, res: Response) => {
    const lang = langOf(req);
    render(req, res, t(lang, 'setupTitle'), () => <SetupGone lang={lang} />, { status: 410 });
  };

  const form = async (
    req: Request,
    res: Response,
    token: string,
    opts: { values?: SetupValues; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const lang = langOf(req);
    const list = await offices();
    render(
      req,
      res,
      t(lang, 'setupTitle'),
      (csrf) => (
        <SetupForm
          lang={lang}
          csrf={csrf}
          token={token}
          offices={list}
          values={opts.values}
          errors={opts.errors}
        />
      ),
      opts.status ? { status: opts.status } : {},
    );
  };

  router.get('/setup', async (req, res) => {
    const token = text(req.query.token);
    res.set('Referrer-Policy', 'no-referrer');
    if (!(await checkSetupToken(setupDeps, token))) return gone(req, res);
    // A pre-login session so the form's CSRF token still matches on submit.
    req.session.visited = true;
    await form(req, res, token);
  });

  router.post('/setup', sec.loginLimiter, sec.csrf, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const token = text(body.token);
    const input = {
      username: text(body.username).trim(),
      displayName: text(body.displayName),
      password: text(body.password),
      officeId: text(body.officeId),
    };
    const values = { username: input.username, displayName: input.displayName, officeId: input.officeId };
    res.set('Referrer-Policy', 'no-referrer');
    if (input.password !== text(body.password2) && (await checkSetupToken(setupDeps, token)))
      return form(req, res, token, {
        values,
        errors: { password2: t(langOf(req), 'passwordMismatch') },
        status: 400,
      });
    try {
      const admin = await createFirstAdmin(setupDeps, token, input);
      deps.logger.info({ officer: admin.username }, 'first admin created through the setup page');
      await startSession(req, admin.id);
      res.redirect(303, '/console/queue');
    } catch (err) {
      if (!(err instanceof OfficerActionError)) throw err;
      if (err.code !== 'invalid') return gone(req, res);
      await form(req, res, token, { values, errors: err.fields ?? {}, status: 400 });
    }
  });
}
