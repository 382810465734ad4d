import express, { type Request, type Response, type Router } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';
import {
  createManagedOfficer,
  issueTokenFor,
  listOffices,
  listOfficers,
  resetOfficerPassword,
  revokeTokensFor,
  setOfficerActive,
} from '../../app/officer/manage-officers.js';
import { officersBody, officesBody, tokenBody } from './admin-pages.js';
import { newOfficerSchema } from './api-schemas.js';
import { consoleRenderer, idParam, langOf, plainQuery } from './console-render.js';
import { requireRolePage } from './dashboard-router.js';
import { parseInput, statusOf } from './http-errors.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';
import { officerOf, requireRole } from './security.js';
import { ts, type SupervisorWord } from './supervisor-i18n.js';
import { officerActiveSchema, officesQuerySchema, passwordResetSchema } from './supervisor-schemas.js';

const DONE: Readonly<Record<string, SupervisorWord>> = {
  created: 'created',
  enabled: 'enabled',
  disabled: 'disabled',
  password: 'passwordSet',
  revoked: 'revoked',
};

/**
 * Admin pages under `/console/admin` (admins only; everyone else gets 403): accounts (create,
 * disable/enable, reset password, issue/revoke API tokens) and the read-only office list.
 * Every action is an audit event, written by the use cases in manage-officers.ts.
 */
export function createAdminConsoleRouter(deps: OfficerHttpDeps): Router {
  const render = consoleRenderer(deps);
  const router = express.Router();
  router.use('/admin', requireRolePage('admin'));

  const officersPage = async (
    req: Request,
    res: Response,
    opts: {
      status?: number;
      flash?: { kind: 'ok' | 'error'; text: string };
      form?: Record<string, string>;
      errors?: Record<string, string>;
    } = {},
  ) => {
    const lang = langOf(req);
    const admin = officerOf(res);
    const officers = await listOfficers(deps, admin);
    render(
      req,
      res,
      ts(lang, 'admin'),
      (csrf) => officersBody(lang, csrf, officers, admin.id, opts.form, opts.errors),
      {
        ...(opts.status ? { status: opts.status } : {}),
        ...(opts.flash ? { flash: opts.flash } : {}),
      },
    );
  };

  router.get('/admin', (_req, res) => res.redirect('/console/admin/officers'));
  router.get('/admin/officers', async (req, res) => {
    const lang = langOf(req);
    const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
    const n = typeof req.query.n === 'string' && /^\d{1,4}$/.test(req.query.n) ? ` ${req.query.n}` : '';
    await officersPage(req, res, done ? { flash: { kind: 'ok', text: `${ts(lang, done)}${n}` } } : {});
  });

  router.post('/admin/officers', async (req, res) => {
    const form = req.body as Record<string, unknown>;
    const str = (k: string) => (typeof form[k] === 'string' ? form[k] : '');
    try {
      const input = parseInput(newOfficerSchema, {
        username: str('username'),
        displayName: str('displayName'),
        password: str('password'),
        role: str('role'),
        officeId: str('officeId'),
      });
      await createManagedOfficer(deps, officerOf(res), input);
      res.redirect(303, '/console/admin/officers?done=created');
    } catch (err) {
      if (!(err instanceof OfficerActionError)) throw err;
      // The password is never sent back into the form.
      await officersPage(req, res, {
        status: statusOf(err.code),
        flash: { kind: 'error', text: err.message },
        form: {
          username: str('username'),
          displayName: str('displayName'),
          role: str('role'),
          officeId: str('officeId'),
        },
        errors: err.fields ?? {},
      });
    }
  });

  router.post('/admin/officers/:id/active', async (req, res) => {
    const { active } = parseInput(officerActiveSchema, req.body);
    await setOfficerActive(deps, officerOf(res), idParam(req), active);
    res.redirect(303, `/console/admin/officers?done=${active ? 'enabled' : 'disabled'}`);
  });

  router.post('/admin/officers/:id/password', async (req, res) => {
    const id = idParam(req);
    try {
      const { password } = parseInput(passwordResetSchema, req.body);
      await resetOfficerPassword(deps, officerOf(res), id, password);
      res.redirect(303, '/console/admin/officers?done=password');
    } catch (err) {
      if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
      await officersPage(req, res, {
        status: 400,
        flash: { kind: 'error', text: `${err.message} ${Object.values(err.fields ?? {}).join(' ')}` },
      });
    }
  });

  router.post('/admin/officers/:id/tokens', async (req, res) => {
    const lang = langOf(req);
    const id = idParam(req);
    const token = await issueTokenFor(deps, officerOf(res), id);
    const officer = await deps.officers.findById(id);
    render(req, res, ts(lang, 'tokens'), () => tokenBody(lang, officer?.username ?? id, token));
  });

  router.post('/admin/officers/:id/tokens/revoke', async (req, res) => {
    const n = await revokeTokensFor(deps, officerOf(res), idParam(req));
    res.redirect(303, `/console/admin/officers?done=revoked&n=${n}`);
  });

  router.get('/admin/offices', async (req, res) => {
    const lang = langOf(req);
    const raw = plainQuery(req);
    const parsed = officesQuerySchema.safeParse(raw);
    const q = parsed.success ? parsed.data : officesQuerySchema.parse({});
    const result = await listOffices(deps, officerOf(res), {
      ...(q.q ? { search: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    render(
      req,
      res,
      ts(lang, 'offices'),
      () => officesBody(lang, raw, result, { offset: q.offset, limit: q.limit }),
      parsed.success
        ? {}
        : { status: 400, flash: { kind: 'error', text: 'Isian belum benar (invalid input).' } },
    );
  });
  return router;
}

/**
 * Admin routes of the API (admins only): enable/disable, reset password, issue and revoke API
 * tokens of an officer, and the office list. `GET/POST /officers` stay in api-router.ts.
 */
export function createAdminApiRouter(deps: OfficerHttpDeps): Router {
  const router = express.Router();
  const admins = requireRole('admin');

  router.post('/officers/:id/active', admins, async (req, res) => {
    const { active } = parseInput(officerActiveSchema, req.body);
    res.json({ officer: await setOfficerActive(deps, officerOf(res), idParam(req), active) });
  });
  router.post('/officers/:id/password', admins, async (req, res) => {
    const { password } = parseInput(passwordResetSchema, req.body);
    res.json({ officer: await resetOfficerPassword(deps, officerOf(res), idParam(req), password) });
  });
  router.post('/officers/:id/tokens', admins, async (req, res) => {
    const token = await issueTokenFor(deps, officerOf(res), idParam(req));
    res.status(201).json({ token, note: 'Simpan sekarang: token hanya ditampilkan sekali (shown once).' });
  });
  router.post('/officers/:id/tokens/revoke', admins, async (req, res) => {
    res.json({ revoked: await revokeTokensFor(deps, officerOf(res), idParam(req)) });
  });
  router.get('/offices', admins, async (req, res) => {
    const q = parseInput(officesQuerySchema, req.query);
    const result = await listOffices(deps, officerOf(res), {
      ...(q.q ? { search: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    res.json({
      items: result.items.map((o) => ({ id: o.id, name: o.name, level: o.level, parentId: o.parentId })),
      total: result.total,
    });
  });
  return router;
}
