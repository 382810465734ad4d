import type { Request, Response, Router } from 'express';
import { needsFirstAdmin } from '../../../app/officer/first-admin.js';
import { verifyLogin } from '../../../app/officer/verify-login.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { currentOfficer } from '../security.js';
import { LoginForm } from '../views/login.js';
import type { ConsoleContext } from './context.js';

/** The login page and form; mounted before the login gate, rate-limited and CSRF-checked. */
export function registerLoginRoutes(router: Router, ctx: ConsoleContext): void {
  const { render, sec } = ctx;
  router.get('/login', async (req, res) => {
    if (currentOfficer(res)) return res.redirect('/console/queue');
    // Keep a pre-login session so the form's CSRF token still matches on submit.
    req.session.visited = true;
    const lang = langOf(req);
    const firstRun = await needsFirstAdmin(ctx.deps);
    render(req, res, t(lang, 'login'), (csrf) => <LoginForm lang={lang} csrf={csrf} firstRun={firstRun} />);
  });
  router.post('/login', sec.loginLimiter, sec.csrf, async (req, res) => {
    const body = req.body as { username?: unknown; password?: unknown };
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const result = await verifyLogin(ctx.deps, username, password);
    const lang = langOf(req);
    if (!result.ok) {
      const text =
        result.reason === 'locked'
          ? `${t(lang, 'locked')} ${result.lockedUntil.toISOString().slice(11, 16)} UTC.`
          : t(lang, 'loginFailed');
      return render(
        req,
        res,
        t(lang, 'login'),
        (csrf) => <LoginForm lang={lang} csrf={csrf} username={username} />,
        {
          status: 401,
          flash: { kind: 'error', text },
        },
      );
    }
    await startSession(req, result.officer.id);
    res.redirect(303, '/console/queue');
  });
}

/** Logging out ends the session here and in the browser; behind the login gate and CSRF check. */
export function registerLogoutRoute(router: Router, ctx: ConsoleContext): void {
  router.post('/logout', (req, res: Response) => {
    req.session.destroy((err) => {
      // The browser forgets the session either way; a stored one the database could not delete
      // lapses at its expiry (it no longer has a cookie pointing at it).
      if (err) ctx.deps.logger.error({ err }, 'console logout: session not deleted from the store');
      res.clearCookie('loket.sid', { path: '/' }).redirect(303, '/console/login');
    });
  });
}

/** A new session for the officer who just logged in (or was just created at setup), keeping the language they chose. */
export async function startSession(req: Request, officerId: string): Promise<void> {
  const lang = langOf(req);
  // A new session id at login: a session fixed before login is worthless after it.
  await new Promise<void>((resolve, reject) =>
    req.session.regenerate((err) => (err ? reject(err as Error) : resolve())),
  );
  req.session.officerId = officerId;
  req.session.lang = lang;
  // Saved before the redirect: express-session would otherwise send the headers first, and a
  // quick browser could follow the redirect before the session exists in the store.
  await new Promise<void>((resolve, reject) =>
    req.session.save((err) => (err ? reject(err as Error) : resolve())),
  );
}
