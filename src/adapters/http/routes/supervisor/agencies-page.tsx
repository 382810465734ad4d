import express, { type Request, type Response, type Router } from 'express';
import { invalidInput, OfficerActionError } from '../../../../app/officer/errors.js';
import {
  agencyForAdmin,
  createAgency,
  listAgenciesForAdmin,
  updateAgency,
} from '../../../../app/officer/manage-agencies.js';
import { AGENCY_ID_PATTERN } from '../../../../domain/agency.js';
import { taa, type AgencyAdminWord } from '../../agency-admin-i18n.js';
import {
  agencyActiveSchema,
  agencyEditSchema,
  agencyFormValues,
  newAgencySchema,
} from '../../agency-admin-schemas.js';
import { langOf, type Render, type RenderOptions } from '../../console-render.js';
import { fieldErrors, parseInput, statusOf } from '../../http-errors.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { officerOf } from '../../security.js';
import {
  AgenciesView,
  AgencyEditView,
  agencyValues,
  type AgencyForm,
} from '../../views/supervisor/agencies-view.js';

/** `?done=` after a change redirects back, and what the page then says. */
const DONE: Readonly<Record<string, AgencyAdminWord>> = {
  created: 'created',
  saved: 'saved',
  enabled: 'enabled',
  disabled: 'disabled',
};

/** An agency id from the URL; anything that is not a slug is simply not found. */
function agencyIdParam(req: Request): string {
  const v = req.params.id;
  if (typeof v !== 'string' || v.length > 40 || !AGENCY_ID_PATTERN.test(v))
    throw new OfficerActionError('not_found', 'Instansi tidak ditemukan (agency not found).');
  return v;
}

function doneFlash(req: Request): RenderOptions {
  const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
  return done ? { flash: { kind: 'ok', text: taa(langOf(req), done) } } : {};
}

/** A refused form: the page again with why, each error beside its field, nothing stored. */
function refused(err: unknown): { opts: RenderOptions; errors: Record<string, string> } {
  if (!(err instanceof OfficerActionError) || (err.code !== 'invalid' && err.code !== 'conflict')) throw err;
  return {
    opts: { status: statusOf(err.code), flash: { kind: 'error', text: err.message } },
    errors: err.fields ?? {},
  };
}

const EMPTY_FORM: AgencyForm = { values: { active: 'on' }, errors: {} };

/**
 * The admins' agencies (dinas) under `/admin/agencies` (the admin router answers 403 to anyone
 * else): list, add, edit, deactivate and activate again. The list starts from the catalog's
 * `agencies.yaml`; every change is an audit event with before and after (manage-agencies.ts).
 */
export function agenciesPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  const showList = async (req: Request, res: Response, form: AgencyForm, opts: RenderOptions) => {
    const lang = langOf(req);
    const agencies = await listAgenciesForAdmin(deps, officerOf(res));
    render(
      req,
      res,
      taa(lang, 'title'),
      (csrf) => <AgenciesView lang={lang} csrf={csrf} agencies={agencies} form={form} />,
      opts,
    );
  };
  const showOne = async (req: Request, res: Response, form: AgencyForm | undefined, opts: RenderOptions) => {
    const lang = langOf(req);
    const agency = await agencyForAdmin(deps, officerOf(res), agencyIdParam(req));
    const shown = form ?? { values: agencyValues(agency), errors: {} };
    render(
      req,
      res,
      `${taa(lang, 'title')}: ${agency.shortName}`,
      (csrf) => <AgencyEditView lang={lang} csrf={csrf} agency={agency} form={shown} />,
      opts,
    );
  };

  router.get('/admin/agencies', (req, res) => showList(req, res, EMPTY_FORM, doneFlash(req)));

  router.post('/admin/agencies', async (req, res) => {
    const values = agencyFormValues(req.body);
    try {
      const parsed = newAgencySchema.safeParse(req.body);
      if (!parsed.success) throw invalidInput(fieldErrors(parsed.error), langOf(req));
      await createAgency(deps, officerOf(res), parsed.data);
      res.redirect(303, '/console/admin/agencies?done=created');
    } catch (err) {
      const { opts, errors } = refused(err);
      await showList(req, res, { values, errors }, opts);
    }
  });

  router.get('/admin/agencies/:id', (req, res) => showOne(req, res, undefined, doneFlash(req)));

  router.post('/admin/agencies/:id', async (req, res) => {
    const id = agencyIdParam(req);
    const values = { ...agencyFormValues(req.body), id };
    try {
      const parsed = agencyEditSchema.safeParse(req.body);
      if (!parsed.success) throw invalidInput(fieldErrors(parsed.error), langOf(req));
      await updateAgency(deps, officerOf(res), id, parsed.data);
      res.redirect(303, `/console/admin/agencies/${id}?done=saved`);
    } catch (err) {
      const { opts, errors } = refused(err);
      await showOne(req, res, { values, errors }, opts);
    }
  });

  router.post('/admin/agencies/:id/active', async (req, res) => {
    const id = agencyIdParam(req);
    const { active } = parseInput(agencyActiveSchema, req.body);
    await updateAgency(deps, officerOf(res), id, { active });
    res.redirect(303, `/console/admin/agencies?done=${active ? 'enabled' : 'disabled'}`);
  });
  return router;
}
