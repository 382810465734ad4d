import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import {
  fileAssistedApplication,
  largestIntakeUpload,
  NONCE_PATTERN,
  type IntakeSettings,
} from '../../app/officer/assisted-intake.js';
import { OfficerActionError } from '../../app/officer/errors.js';
import {
  formContext,
  intakeFields,
  intakeServiceName,
  type IntakeFile,
} from '../../app/officer/intake-form.js';
import { isWithinOffice } from '../../app/officer/scope.js';
import { formatDate, formatDateTime } from '../../dialogue/dates.js';
import { text as message } from '../../dialogue/render.js';
import { esc } from './console-html.js';
import { consoleRenderer, langOf } from './console-render.js';
import { bodyError, statusOf } from './http-errors.js';
import { intakeFormBody, serviceListBody, slipBody, w } from './intake-pages.js';
import { MultipartError, parseMultipart } from './multipart.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { currentOfficer, officerOf, officerSecurity } from './security.js';

const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'intake.css': { type: 'text/css; charset=utf-8', body: asset('intake.css') },
  'intake.js': { type: 'text/javascript; charset=utf-8', body: asset('intake.js') },
};

function asset(name: string): string {
  return readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
}

const ASSET_TAGS =
  '<link rel="stylesheet" href="/console/intake/assets/intake.css"><script src="/console/intake/assets/intake.js" defer></script>';

/** Form fields that are not flow steps (step ids never start with `_`). */
const RESERVED = new Set(['_csrf', '_nonce', '_whatsapp', '_telegram']);

/** A fresh form token: the idempotency of one filled-in form. */
function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** The service id in the URL ('' when absent: then not found). */
function serviceParam(req: Request): string {
  const v = req.params.service;
  return typeof v === 'string' ? v : '';
}

/** Deps with intake configured: the router is only mounted then. */
export type IntakeHttpDeps = OfficerHttpDeps & { intake: IntakeSettings };

/** The intake use case's deps from the HTTP deps. */
export function intakeDeps(deps: IntakeHttpDeps) {
  return {
    ...deps.intake,
    applications: deps.applications,
    events: deps.events,
    documents: deps.documents,
    offices: deps.offices,
    now: deps.now,
  };
}

/**
 * Assisted intake in the console, under `/console/intake`: pick a service, fill the form
 * generated from its flow (uploads as multipart), get a printable receipt. Mounted before the
 * console router because a multipart body must be read before the CSRF check can see its token.
 */
export function createIntakeRouter(deps: IntakeHttpDeps): Router {
  const sec = officerSecurity(deps);
  const router = express.Router();
  const settings = deps.intake;
  // Every file of the largest form at its limit, plus room for the text fields.
  const bodyLimit = largestIntakeUpload(settings) + 512 * 1024;

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
    res.status(401).type('text').send('Silakan masuk terlebih dahulu (login required).');
  });

  const renderPage = consoleRenderer(deps);
  const render = (req: Request, res: Response, title: string, body: (csrf: string) => string, status = 200) =>
    renderPage(req, res, title, (csrf) => `${ASSET_TAGS}${body(csrf)}`, { status });

  const kelurahanList = async (): Promise<string[]> => {
    const all = await deps.offices.all();
    return all
      .filter((o) => o.level === 'kelurahan')
      .map((o) => {
        const entry = settings.catalog.kelurahan.get(o.id);
        return entry
          ? `${entry.name}, Kec. ${entry.district}, ${entry.city} (${o.id})`
          : `${o.name} (${o.id})`;
      });
  };

  const showForm = async (
    req: Request,
    res: Response,
    serviceId: string,
    state: { nonce: string; values: Record<string, string>; errors: Record<string, string> },
    status = 200,
  ) => {
    const lang = langOf(req);
    const flow = settings.catalog.flows.get(serviceId);
    if (!flow) throw new OfficerActionError('not_found', 'Layanan tidak ditemukan (service not found).');
    const ctx = formContext(settings.catalog, lang, deps.now(), settings.uploadMaxBytes);
    const name = intakeServiceName(ctx, flow);
    const kelurahan = await kelurahanList();
    render(
      req,
      res,
      `${w(lang, 'title')}: ${name}`,
      (csrf) =>
        intakeFormBody(lang, csrf, {
          serviceId,
          serviceName: name,
          fields: intakeFields(ctx, flow),
          kelurahan,
          ...state,
        }),
      status,
    );
  };

  router.get('/', (req, res) => {
    const lang = langOf(req);
    const ctx = formContext(settings.catalog, lang, deps.now(), settings.uploadMaxBytes);
    const services = [...settings.catalog.flows.values()].map((f) => ({
      id: f.id,
      name: intakeServiceName(ctx, f),
    }));
    render(req, res, w(lang, 'title'), () => serviceListBody(lang, services));
  });

  router.get('/slip/:id', async (req, res) => {
    const lang = langOf(req);
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    const app = /^[0-9a-f]{24}$/i.test(id) ? await deps.applications.findById(id) : undefined;
    if (!app) throw new OfficerActionError('not_found', 'Permohonan tidak ditemukan (not found).');
    const officer = officerOf(res);
    const inScope = isWithinOffice(app.officeId, officer.officeId);
    // The filing officer may print the receipt even when the citizen's kelurahan is elsewhere.
    if (!inScope && app.statusHistory[0]?.by.id !== officer.id) {
      throw new OfficerActionError(
        'forbidden',
        'Data ini milik kantor lain, di luar wilayah Anda (outside your office).',
      );
    }
    const flow = settings.catalog.flows.get(app.serviceId);
    const ctx = formContext(settings.catalog, lang, deps.now(), settings.uploadMaxBytes);
    const extraNext: string[] = [];
    if (flow?.in_person) extraNext.push(message(settings.catalog, lang, `${flow.id}.in_person`));
    extraNext.push(message(settings.catalog, lang, 'submit.bring_originals'));
    const office = await deps.offices.get(app.officeId);
    render(req, res, w(lang, 'slip'), () =>
      slipBody(lang, {
        application: app,
        serviceName: flow ? intakeServiceName(ctx, flow) : app.serviceId,
        ...(office ? { office } : {}),
        extraNext,
        dueText: formatDate(app.slaDueAt.toISOString(), lang),
        filedText: formatDateTime(app.createdAt.toISOString(), lang),
        canOpen: inScope,
        replay: req.query.replay === '1',
      }),
    );
  });

  router.get('/:service', async (req, res) => {
    const serviceId = serviceParam(req);
    await showForm(req, res, serviceId, { nonce: newNonce(), values: {}, errors: {} });
  });

  router.post(
    '/:service',
    express.raw({ type: 'multipart/form-data', limit: bodyLimit }),
    async (req, res, next) => {
      try {
        const body = await parseMultipart(req);
        res.locals.files = body.files;
        req.body = body.fields;
        next();
      } catch (err) {
        next(err);
      }
    },
    sec.csrf,
    async (req, res) => {
      const serviceId = serviceParam(req);
      const fields = req.body as Record<string, string>;
      const files = (res.locals as { files?: Record<string, IntakeFile[]> }).files ?? {};
      const lang = langOf(req);
      const answers = Object.fromEntries(Object.entries(fields).filter(([k]) => !RESERVED.has(k)));
      const nonce = fields._nonce ?? '';
      try {
        const result = await fileAssistedApplication(intakeDeps(deps), officerOf(res), {
          serviceId,
          nonce,
          answers,
          files,
          contact: {
            ...(fields._whatsapp ? { whatsapp: fields._whatsapp } : {}),
            ...(fields._telegram ? { telegram: fields._telegram } : {}),
          },
          lang,
        });
        res.redirect(
          303,
          `/console/intake/slip/${result.application.id}${result.created ? '' : '?replay=1'}`,
        );
      } catch (err) {
        if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
        await showForm(
          req,
          res,
          serviceId,
          {
            nonce: NONCE_PATTERN.test(nonce) ? nonce : newNonce(),
            values: fields,
            errors: err.fields ?? {},
          },
          400,
        );
      }
    },
  );

  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const lang = langOf(req);
    if (sec.isCsrfError(err)) {
      return res
        .status(403)
        .type('text')
        .send('Token keamanan formulir tidak valid; muat ulang halaman (invalid CSRF token).');
    }
    const body = bodyError(err);
    if (body?.code === 'too_large') {
      return res
        .status(413)
        .type('text')
        .send('Berkas terlalu besar untuk dikirim sekaligus (upload too large).');
    }
    if (body || err instanceof MultipartError) {
      return res.status(400).type('text').send('Formulir tidak terbaca; muat ulang halaman (bad form data).');
    }
    if (err instanceof OfficerActionError) {
      return render(
        req,
        res,
        w(lang, 'title'),
        () => `<p class="flash error" role="status">${esc(err.message)}</p>`,
        statusOf(err.code),
      );
    }
    deps.logger.error({ err }, 'intake request failed');
    res.status(500).type('text').send('Terjadi kesalahan di server (server error).');
  };
  router.use(onError);
  return router;
}
