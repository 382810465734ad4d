import { readFileSync } from 'node:fs';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';
import { consoleRenderer, langOf, type Render } from './console-render.js';
import { bodyError, statusOf } from './http-errors.js';
import type { IntakeHttpDeps } from './intake-context.js';
import { intakeFormRoute } from './intake-form-route.js';
import { intakeNotice, ti } from './intake-i18n.js';
import { intakeServicesRoute } from './intake-services-route.js';
import { intakeSlipRoute } from './intake-slip-route.js';
import { confineAgencyAccounts, currentOfficer, officerSecurity } from './security.js';

// The intake API router takes the deps type and the use case's deps from here, beside the pages.
export { intakeDeps, type IntakeHttpDeps } from './intake-context.js';

const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'intake.css': { type: 'text/css; charset=utf-8', body: asset('intake.css') },
  'intake.js': { type: 'text/javascript; charset=utf-8', body: asset('intake.js') },
};

function asset(name: string): string {
  return readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
}

/**
 * Assisted intake in the console, under `/console/intake`: pick a service, fill the form
 * generated from its flow (uploads as multipart), get a printable receipt. Each page has its
 * own route module; this router serves their assets, asks for a login and answers errors.
 * Mounted before the console router because a multipart body must be read before the CSRF
 * check can see its token.
 */
export function createIntakeRouter(deps: IntakeHttpDeps): Router {
  const sec = officerSecurity(deps);
  const router = express.Router();

  router.get('/assets/:file', (req, res) => {
    const file = ASSETS[req.params.file ?? ''];
    if (!file) return void res.status(404).end();
    res.type(file.type).set('Cache-Control', 'public, max-age=300').send(file.body);
  });

  router.use(...sec.session, sec.identify);
  router.use((req, res, next) => {
    const lang = req.query.lang;
    if (lang === 'id' || lang === 'en') req.session.lang = lang;
    if (currentOfficer(res)) return next();
    if (req.method === 'GET') return res.redirect('/console/login');
    res.status(401).type('text').send(intakeNotice('loginRequired'));
  });

  // Filing for a walk-in citizen is an office's work, never an agency account's.
  router.use(confineAgencyAccounts([]));
  const page = { deps, render: consoleRenderer(deps) };
  intakeServicesRoute(router, page);
  intakeSlipRoute(router, page);
  intakeFormRoute(router, page);
  router.use(intakeErrors(deps, page.render));
  return router;
}

/**
 * The intake pages' error answers: a refused action as a page in the frame, a bad or oversized
 * form as plain text (it may not have been read), anything else logged and a bare 500.
 */
function intakeErrors(deps: IntakeHttpDeps, render: Render): ErrorRequestHandler {
  const sec = officerSecurity(deps);
  return (err: unknown, req, res, _next) => {
    if (sec.isCsrfError(err)) return res.status(403).type('text').send(intakeNotice('badCsrf'));
    const body = bodyError(err);
    if (body?.code === 'too_large') return res.status(413).type('text').send(intakeNotice('tooLarge'));
    if (body) {
      return res.status(400).type('text').send(intakeNotice('badForm'));
    }
    if (err instanceof OfficerActionError) {
      return render(req, res, ti(langOf(req), 'title'), () => null, {
        status: statusOf(err.code),
        flash: { kind: 'error', text: err.message },
      });
    }
    deps.logger.error({ err }, 'intake request failed');
    res.status(500).type('text').send(intakeNotice('serverError'));
  };
}
