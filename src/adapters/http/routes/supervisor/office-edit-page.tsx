import express, { type Request, type Response, type Router } from 'express';
import { OFFICE_ID_PATTERN } from '../../../../app/officer/create-officer.js';
import { invalidInput, OfficerActionError } from '../../../../app/officer/errors.js';
import { officeInScope, updateOffice } from '../../../../app/officer/manage-offices.js';
import { langOf, type Render, type RenderOptions } from '../../console-render.js';
import { requireRolePage } from '../../dashboard-router.js';
import { fieldErrors } from '../../http-errors.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { to } from '../../office-i18n.js';
import {
  officeEditSchema,
  officeFormInput,
  officeFormValues,
  type OfficeFormValues,
} from '../../office-schemas.js';
import { officerOf } from '../../security.js';
import { OfficeEditView } from '../../views/supervisor/office-edit-view.js';

/** An office id from the URL; anything that is not a Kemendagri code is simply not found. */
function officeIdParam(req: Request): string {
  const v = req.params.id;
  if (typeof v !== 'string' || !OFFICE_ID_PATTERN.test(v))
    throw new OfficerActionError('not_found', 'Kantor tidak ditemukan (office not found).');
  return v;
}

type ShowOffice = (
  req: Request,
  res: Response,
  opts?: RenderOptions & { values?: OfficeFormValues; errors?: Record<string, string> },
) => Promise<void>;

function officeShower(deps: OfficerHttpDeps, render: Render): ShowOffice {
  return async (req, res, { values, errors, ...opts } = {}) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const office = await officeInScope(deps, officer, officeIdParam(req));
    render(
      req,
      res,
      `${to(lang, 'office')} ${office.name}`,
      (csrf) => (
        <OfficeEditView
          lang={lang}
          csrf={csrf}
          office={office}
          values={values ?? officeFormValues(office)}
          errors={errors ?? {}}
          canEdit={officer.role === 'admin'}
        />
      ),
      opts,
    );
  };
}

/**
 * `GET /offices/:id` shows an office (supervisors read it, admins edit it) and
 * `POST /offices/:id` saves an admin's edit: name, address, phone and opening hours. A refused
 * form comes back with each error beside its field and nothing stored; a save is audited by the
 * use case.
 */
export function officeEditPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  const show = officeShower(deps, render);
  router.use('/offices', requireRolePage('supervisor', 'admin'));

  router.get('/offices/:id', async (req, res) => {
    const saved = req.query.done === 'saved';
    await show(req, res, saved ? { flash: { kind: 'ok', text: to(langOf(req), 'saved') } } : {});
  });

  router.post('/offices/:id', async (req, res) => {
    const id = officeIdParam(req);
    const admin = officerOf(res);
    if (admin.role !== 'admin') {
      throw new OfficerActionError('forbidden', 'Hanya admin yang boleh mengubah data kantor (admins only).');
    }
    const values = officeFormInput(req.body);
    const parsed = officeEditSchema.safeParse(values);
    if (!parsed.success) {
      await officeInScope(deps, admin, id);
      const err = invalidInput(fieldErrors(parsed.error), langOf(req));
      const flash = { kind: 'error' as const, text: err.message };
      return show(req, res, { status: 400, flash, values, errors: err.fields ?? {} });
    }
    await updateOffice(deps, admin, id, parsed.data);
    res.redirect(303, `/console/offices/${id}?done=saved`);
  });
  return router;
}
