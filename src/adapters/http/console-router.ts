import { readFileSync } from 'node:fs';
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import { changeApplicationStatus } from '../../app/officer/change-status.js';
import { claimHandoff } from '../../app/officer/claim-handoff.js';
import { closeHandoff } from '../../app/officer/close-handoff.js';
import { OfficerActionError } from '../../app/officer/errors.js';
import { getApplication } from '../../app/officer/get-application.js';
import { ticketFor } from '../../app/officer/handoff-deps.js';
import { listApplications } from '../../app/officer/list-applications.js';
import { listQueue } from '../../app/officer/list-queue.js';
import { releaseHandoff } from '../../app/officer/release-handoff.js';
import { replyHandoff } from '../../app/officer/reply-handoff.js';
import { verifyLogin } from '../../app/officer/verify-login.js';
import { formContext } from '../../app/officer/intake-form.js';
import { stepLabel } from '../../dialogue/flow-steps.js';
import { applicationQuerySchema, statusChangeSchema } from './api-schemas.js';
import { consoleRenderer, langOf } from './console-render.js';
import { t, type ConsoleLang } from './console-i18n.js';
import { conversationBody, detailBody, listBody, loginBody, queueBody } from './console-pages.js';
import { bodyError, fieldErrors, parseInput, statusOf } from './http-errors.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { streamQueue } from './queue-stream.js';
import { createAdminConsoleRouter } from './admin-router.js';
import { createWhatsAppAdminRouter } from './whatsapp-admin-router.js';
import { createDashboardConsoleRouter } from './dashboard-router.js';
import { undeliveredNotice } from './dashboard-pages.js';
import { undeliveredFor } from '../../app/officer/list-undelivered.js';
import { withNames } from '../../app/officer/search-audit.js';
import { currentOfficer, officerOf, officerSecurity } from './security.js';

const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'console.css': { type: 'text/css; charset=utf-8', body: asset('console.css') },
  'console.js': { type: 'text/javascript; charset=utf-8', body: asset('console.js') },
};

function asset(name: string): string {
  return readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
}

/** Step labels for the revision picker, when the catalog is at hand (assisted intake configured). */
function stepLabeller(
  deps: OfficerHttpDeps,
  lang: ConsoleLang,
  serviceId: string,
): (stepId: string) => string {
  const intake = deps.intake;
  if (!intake) return (id) => id;
  const ctx = formContext(intake.catalog, lang, deps.now(), intake.uploadMaxBytes);
  return (id) => stepLabel(ctx, serviceId, id);
}

function param(req: Request, name: string): string {
  const v = req.params[name];
  if (typeof v !== 'string' || !/^[0-9a-f]{24}$/i.test(v))
    throw new OfficerActionError('not_found', 'Data tidak ditemukan (not found).');
  return v;
}

/**
 * The officer console: server-rendered pages in Indonesian (English on request) that work on a
 * phone. Forms post with a CSRF token and redirect; only the live queue needs JavaScript.
 */
export function createConsoleRouter(deps: OfficerHttpDeps): Router {
  const sec = officerSecurity(deps);
  const router = express.Router();

  router.get('/assets/:file', (req, res) => {
    const file = ASSETS[req.params.file ?? ''];
    if (!file) return void res.status(404).end();
    res.type(file.type).set('Cache-Control', 'public, max-age=300').send(file.body);
  });

  router.use(express.urlencoded({ extended: false, limit: '100kb' }));
  router.use(...sec.session, sec.identify);
  router.use((req, _res, next) => {
    const lang = req.query.lang;
    if (lang === 'id' || lang === 'en') req.session.lang = lang;
    next();
  });

  const render = consoleRenderer(deps);

  router.get('/login', (req, res) => {
    if (currentOfficer(res)) return res.redirect('/console/queue');
    // Keep a pre-login session so the form's CSRF token still matches on submit.
    req.session.visited = true;
    render(req, res, t(langOf(req), 'login'), (csrf) => loginBody(langOf(req), csrf));
  });
  router.post('/login', sec.loginLimiter, sec.csrf, async (req, res) => {
    const body = req.body as { username?: unknown; password?: unknown };
    const username = typeof body.username === 'string' ? body.username : '';
    const result = await verifyLogin(deps, username, typeof body.password === 'string' ? body.password : '');
    const lang = langOf(req);
    if (!result.ok) {
      const text =
        result.reason === 'locked'
          ? `${t(lang, 'locked')} ${result.lockedUntil.toISOString().slice(11, 16)} UTC.`
          : t(lang, 'loginFailed');
      return render(req, res, t(lang, 'login'), (csrf) => loginBody(lang, csrf, username), {
        status: 401,
        flash: { kind: 'error', text },
      });
    }
    // A new session id at login: a session fixed before login is worthless after it.
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((err) => (err ? reject(err as Error) : resolve())),
    );
    req.session.officerId = result.officer.id;
    req.session.lang = lang;
    // Saved before the redirect: express-session would otherwise send the headers first, and a
    // quick browser could follow the redirect before the session exists in the store.
    await new Promise<void>((resolve, reject) =>
      req.session.save((err) => (err ? reject(err as Error) : resolve())),
    );
    res.redirect(303, '/console/queue');
  });

  router.use((req, res, next) => {
    if (currentOfficer(res)) return next();
    if (req.method === 'GET') return res.redirect('/console/login');
    res.status(401).type('text').send('Silakan masuk terlebih dahulu (login required).');
  });
  // After the login gate: an anonymous form post hears "log in" (401), a logged-in one without
  // the form's token hears "reload" (403).
  router.use(sec.csrf);

  router.post('/logout', (req, res) => {
    req.session.destroy((err) => {
      // The browser forgets the session either way; a stored one the database could not delete
      // lapses at its expiry (it no longer has a cookie pointing at it).
      if (err) deps.logger.error({ err }, 'console logout: session not deleted from the store');
      res.clearCookie('loket.sid', { path: '/' }).redirect(303, '/console/login');
    });
  });
  router.get('/', (_req, res) => res.redirect('/console/queue'));

  router.get('/applications', async (req, res) => {
    const lang = langOf(req);
    const raw = Object.fromEntries(
      Object.entries(req.query).filter(([, v]) => typeof v === 'string' && v !== ''),
    ) as Record<string, string>;
    const parsed = applicationQuerySchema.safeParse(raw);
    const q = parsed.success ? parsed.data : applicationQuerySchema.parse({});
    const result = await listApplications(deps, officerOf(res), {
      ...(q.service ? { serviceId: q.service } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.office ? { officeId: q.office } : {}),
      overdue: q.overdue === 'true',
      ...(q.from ? { from: new Date(`${q.from}T00:00:00+07:00`) } : {}),
      ...(q.to ? { to: new Date(Date.parse(`${q.to}T00:00:00+07:00`) + 86_400_000) } : {}),
      ...(q.q ? { search: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    const flash = parsed.success
      ? undefined
      : {
          kind: 'error' as const,
          text: Object.entries(fieldErrors(parsed.error))
            .map(([k, v]) => `${k}: ${v}`)
            .join('; '),
        };
    render(
      req,
      res,
      t(lang, 'applications'),
      () => listBody(lang, raw, result.items, result.total, deps.now()),
      flash ? { status: 400, flash } : {},
    );
  });
  router.get('/applications/:id', async (req, res) => {
    const lang = langOf(req);
    const { application, history } = await getApplication(deps, officerOf(res), param(req, 'id'));
    const flash = req.query.saved === '1' ? { kind: 'ok' as const, text: t(lang, 'saved') } : undefined;
    // Shown on top: a citizen who blocked the bot never hears of this application's changes.
    const undelivered = await undeliveredFor(deps.outbox, application.id);
    const named = await withNames(deps.officers, history);
    render(
      req,
      res,
      application.trackingNumber,
      (csrf) =>
        undeliveredNotice(lang, undelivered) +
        detailBody(
          lang,
          csrf,
          application,
          named,
          officerOf(res),
          {},
          stepLabeller(deps, lang, application.serviceId),
        ),
      flash ? { flash } : {},
    );
  });
  router.post('/applications/:id/status', async (req, res) => {
    const id = param(req, 'id');
    const form = req.body as Record<string, string | undefined>;
    const lang = langOf(req);
    try {
      const body = parseInput(statusChangeSchema, {
        to: form.to,
        ...(form.note ? { note: form.note } : {}),
        ...(form.reason ? { reason: form.reason } : {}),
        ...(form.revisionStep || form.revisionNote
          ? { revision: { stepId: form.revisionStep ?? '', note: form.revisionNote ?? '' } }
          : {}),
        ...(form.version ? { version: form.version } : {}),
      });
      await changeApplicationStatus(deps, officerOf(res), {
        applicationId: id,
        to: body.to,
        ...(body.note ? { note: body.note } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
        ...(body.revision ? { revision: body.revision } : {}),
        ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
      });
      res.redirect(303, `/console/applications/${id}?saved=1`);
    } catch (err) {
      if (!(err instanceof OfficerActionError) || err.code === 'not_found' || err.code === 'forbidden')
        throw err;
      const { application, history } = await getApplication(deps, officerOf(res), id);
      render(
        req,
        res,
        application.trackingNumber,
        (csrf) =>
          detailBody(
            lang,
            csrf,
            application,
            history,
            officerOf(res),
            err.fields,
            stepLabeller(deps, lang, application.serviceId),
          ),
        {
          status: statusOf(err.code),
          flash: { kind: 'error', text: err.message },
        },
      );
    }
  });

  router.get('/queue', async (req, res) => {
    const lang = langOf(req);
    const tickets = await listQueue(deps, officerOf(res));
    render(req, res, t(lang, 'queue'), (csrf) => queueBody(lang, csrf, tickets, deps.now()));
  });
  router.get('/queue/stream', (req, res) =>
    streamQueue(deps, req, res, officerOf(res), langOf(req), sec.csrfToken(req, res)),
  );

  router.get('/handoffs/:id', async (req, res) => {
    const lang = langOf(req);
    const ticket = await ticketFor(deps, officerOf(res), param(req, 'id'));
    const apps = await deps.applications.listByContact({ channel: ticket.channel, chatId: ticket.chatId });
    const flash =
      typeof req.query.flash === 'string' && req.query.flash === 'undelivered'
        ? {
            kind: 'error' as const,
            text: 'Pesan tersimpan, tetapi belum terkirim ke warga (not delivered yet).',
          }
        : undefined;
    render(
      req,
      res,
      t(lang, 'conversation'),
      (csrf) => conversationBody(lang, csrf, ticket, apps, deps.cannedReplies),
      flash ? { flash } : {},
    );
  });
  router.post('/handoffs/:id/claim', async (req, res) => {
    const r = await claimHandoff(deps, officerOf(res), param(req, 'id'));
    res.redirect(303, `/console/handoffs/${r.ticket.id}`);
  });
  router.post('/handoffs/:id/reply', async (req, res) => {
    const text = (req.body as { text?: unknown }).text;
    const r = await replyHandoff(
      deps,
      officerOf(res),
      param(req, 'id'),
      typeof text === 'string' ? text : '',
    );
    res.redirect(303, `/console/handoffs/${r.ticket.id}${r.notified ? '' : '?flash=undelivered'}`);
  });
  router.post('/handoffs/:id/release', async (req, res) => {
    await releaseHandoff(deps, officerOf(res), param(req, 'id'));
    res.redirect(303, '/console/queue');
  });
  router.post('/handoffs/:id/close', async (req, res) => {
    await closeHandoff(deps, officerOf(res), param(req, 'id'));
    res.redirect(303, '/console/queue');
  });

  // Supervisor dashboard, audit log and deliveries; admin pages (behind the login gate above).
  router.use(createDashboardConsoleRouter(deps));
  router.use(createAdminConsoleRouter(deps));
  // WhatsApp session health and pairing (admins only), when the WhatsApp channel is on.
  if (deps.whatsapp) router.use(createWhatsAppAdminRouter(deps, deps.whatsapp));

  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const lang = langOf(req);
    if (sec.isCsrfError(err)) {
      return res
        .status(403)
        .type('text')
        .send('Token keamanan formulir tidak valid; muat ulang halaman (invalid CSRF token).');
    }
    const body = bodyError(err);
    if (body) {
      const text =
        body.code === 'too_large'
          ? 'Isian formulir terlalu besar; persingkat teksnya (form too large).'
          : 'Formulir tidak terbaca; muat ulang halaman (unreadable form).';
      return res.status(body.status).type('text').send(text);
    }
    if (err instanceof OfficerActionError) {
      return render(req, res, t(lang, 'title'), () => '', {
        status: statusOf(err.code),
        flash: { kind: 'error', text: err.message },
      });
    }
    deps.logger.error({ err }, 'console request failed');
    res.status(500).type('text').send('Terjadi kesalahan di server (server error).');
  };
  router.use(onError);
  return router;
}
