import express, { type Request, type Response, type Router } from 'express';
import { agencyDirectory } from '../../../../app/agency-directory.js';
import { OfficerActionError } from '../../../../app/officer/errors.js';
import { isAgencyActive } from '../../../../domain/agency.js';
import {
  createManagedOfficer,
  listOfficers,
  resetOfficerPassword,
  setOfficerActive,
} from '../../../../app/officer/manage-officers.js';
import { newOfficerSchema } from '../../api-schemas.js';
import { langOf, type Render, type RenderOptions } from '../../console-render.js';
import { idParam } from '../../params.js';
import { parseInput, statusOf } from '../../http-errors.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import { ts, type SupervisorWord } from '../../supervisor-i18n.js';
import { officerActiveSchema, passwordResetSchema } from '../../supervisor-schemas.js';
import type { NewOfficerFields } from '../../views/supervisor/new-officer-form.js';
import { OfficersView } from '../../views/supervisor/officers-view.js';

/** `?done=` after an action redirects back to the list, and what the page then says. */
const DONE: Readonly<Record<string, SupervisorWord>> = {
  created: 'created',
  enabled: 'enabled',
  disabled: 'disabled',
  password: 'passwordSet',
  revoked: 'revoked',
};

/** The list page, also re-rendered when an action is refused so the admin sees why. */
type ShowOfficers = (
  req: Request,
  res: Response,
  opts?: RenderOptions & { form?: NewOfficerFields; errors?: Record<string, string> },
) => Promise<void>;

function officersShower(deps: OfficerHttpDeps, render: Render): ShowOfficers {
  return async (req, res, { form, errors, ...opts } = {}) => {
    const lang = langOf(req);
    const admin = officerOf(res);
    const officers = await listOfficers(deps, admin);
    const agencies = [...(await agencyDirectory(deps)).values()]
      .filter(isAgencyActive)
      .map((a) => [a.id, a.name] as const);
    render(
      req,
      res,
      ts(lang, 'admin'),
      (csrf) => (
        <OfficersView
          lang={lang}
          csrf={csrf}
          officers={officers}
          selfId={admin.id}
          ownOffice={admin.officeId}
          agencies={agencies}
          form={form}
          errors={errors}
        />
      ),
      opts,
    );
  };
}

/** A field of the posted form as text; anything else counts as empty. */
function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** The create form as sent, for the page that refuses it; the password is never sent back. */
function typedForm(body: unknown): Required<NewOfficerFields> {
  return {
    username: field(body, 'username'),
    displayName: field(body, 'displayName'),
    role: field(body, 'role'),
    officeId: field(body, 'officeId'),
    agencyId: field(body, 'agencyId'),
  };
}

/**
 * The accounts page under `/admin/officers`: list, create, enable/disable and reset a password.
 * Every action is an audit event, written by the use cases in manage-officers.ts.
 */
export function officersPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  const show = officersShower(deps, render);

  router.get('/admin', (_req, res) => res.redirect('/console/admin/officers'));
  router.get('/admin/officers', async (req, res) => {
    const lang = langOf(req);
    const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
    const n = typeof req.query.n === 'string' && /^\d{1,4}$/.test(req.query.n) ? ` ${req.query.n}` : '';
    await show(req, res, done ? { flash: { kind: 'ok', text: `${ts(lang, done)}${n}` } } : {});
  });

  router.post('/admin/officers', async (req, res) => {
    const form = typedForm(req.body);
    try {
      const input = parseInput(newOfficerSchema, { ...form, password: field(req.body, 'password') });
      await createManagedOfficer(deps, officerOf(res), input);
      res.redirect(303, '/console/admin/officers?done=created');
    } catch (err) {
      if (!(err instanceof OfficerActionError)) throw err;
      const flash = { kind: 'error' as const, text: err.message };
      await show(req, res, { status: statusOf(err.code), flash, form, errors: err.fields ?? {} });
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
      const text = `${err.message} ${Object.values(err.fields ?? {}).join(' ')}`;
      await show(req, res, { status: 400, flash: { kind: 'error', text } });
    }
  });
  return router;
}
