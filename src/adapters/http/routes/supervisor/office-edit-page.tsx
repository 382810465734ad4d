import express, { type Request, type Response, type Router } from 'express';
import { OFFICE_ID_PATTERN } from '../../../../app/officer/create-officer.js';
import { invalidInput, OfficerActionError } from '../../../../app/officer/errors.js';
import { addOfficeHoliday, removeOfficeHoliday } from '../../../../app/officer/manage-holidays.js';
import { officeInScope, updateOffice } from '../../../../app/officer/manage-offices.js';
import type { OfficerActor } from '../../../../app/officer/officer-actor.js';
import { serviceChoices } from '../../../../app/officer/service-texts.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { langOf, type Render, type RenderOptions } from '../../console-render.js';
import { requireRolePage } from '../../dashboard-router.js';
import { fieldErrors, statusOf } from '../../http-errors.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { to, type OfficeWord } from '../../office-i18n.js';
import {
  officeFormValues,
  parseOfficeForm,
  servicesFormValues,
  type ServiceRow,
  holidaySchema,
  isCalendarDay,
  type OfficeFormValues,
} from '../../office-schemas.js';
import { officerOf } from '../../security.js';
import { OfficeEditView } from '../../views/supervisor/office-edit-view.js';

/** The signed-in admin; a supervisor reads these pages but any change is refused before its input is read. */
export function adminOf(res: Response): OfficerActor {
  const officer = officerOf(res);
  if (officer.role !== 'admin') {
    throw new OfficerActionError('forbidden', 'Hanya admin yang boleh mengubah data kantor (admins only).');
  }
  return officer;
}

/** A holiday's date from the URL; anything else is simply not found. */
export function dateParam(req: Request): string {
  const v = req.params.date;
  if (typeof v !== 'string' || !isCalendarDay(v))
    throw new OfficerActionError('not_found', 'Hari libur tidak ditemukan (not found).');
  return v;
}

/** An office id from the URL; anything that is not a Kemendagri code is simply not found. */
function officeIdParam(req: Request): string {
  const v = req.params.id;
  if (typeof v !== 'string' || !OFFICE_ID_PATTERN.test(v))
    throw new OfficerActionError('not_found', 'Kantor tidak ditemukan (office not found).');
  return v;
}

/** `?done=` after a save redirects back, and what the page then says. */
const DONE: Readonly<Record<string, OfficeWord>> = {
  saved: 'saved',
  holiday: 'holidayAdded',
  holidayRemoved: 'holidayRemoved',
};

/** The catalog's services with their names and SLA, for the services table. */
function serviceRows(deps: OfficerHttpDeps, lang: ConsoleLang): ServiceRow[] {
  const catalog = deps.catalog;
  if (!catalog) return [];
  return serviceChoices(catalog, lang).map(([id, name]) => ({
    id,
    name,
    slaDays: catalog.flows.get(id)?.sla_working_days ?? 0,
  }));
}

type ShowOffice = (
  req: Request,
  res: Response,
  opts?: RenderOptions & {
    values?: OfficeFormValues;
    errors?: Record<string, string>;
    holidayForm?: { values: Record<string, string>; errors: Record<string, string> };
  },
) => Promise<void>;

function officeShower(deps: OfficerHttpDeps, render: Render): ShowOffice {
  return async (req, res, { values, errors, holidayForm, ...opts } = {}) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const office = await officeInScope(deps, officer, officeIdParam(req));
    const services = serviceRows(deps, lang);
    const shown = values ?? {
      ...officeFormValues(office),
      offered: servicesFormValues(
        office,
        services.map((r) => r.id),
      ),
    };
    render(
      req,
      res,
      `${to(lang, 'office')} ${office.name}`,
      (csrf) => (
        <OfficeEditView
          lang={lang}
          csrf={csrf}
          office={office}
          values={shown}
          errors={errors ?? {}}
          canEdit={officer.role === 'admin'}
          holidayForm={holidayForm}
          services={services}
        />
      ),
      opts,
    );
  };
}

/**
 * `GET /offices/:id` shows an office (supervisors read it, admins edit it) and
 * `POST /offices/:id` saves an admin's edit: name, address, phone, opening hours, the services
 * offered and their local SLA. A refused
 * form comes back with each error beside its field and nothing stored; a save is audited by the
 * use case.
 */
export function officeEditPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  const show = officeShower(deps, render);
  router.use('/offices', requireRolePage('supervisor', 'admin'));

  router.get('/offices/:id', async (req, res) => {
    const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
    await show(req, res, done ? { flash: { kind: 'ok', text: to(langOf(req), done) } } : {});
  });

  router.post('/offices/:id', async (req, res) => {
    const id = officeIdParam(req);
    const admin = adminOf(res);
    const { values, edit, errors } = parseOfficeForm(
      req.body,
      serviceRows(deps, langOf(req)).map((r) => r.id),
    );
    if (!edit) {
      await officeInScope(deps, admin, id);
      const err = invalidInput(errors, langOf(req));
      const flash = { kind: 'error' as const, text: err.message };
      return show(req, res, { status: 400, flash, values, errors });
    }
    await updateOffice(deps, admin, id, edit);
    res.redirect(303, `/console/offices/${id}?done=saved`);
  });
  registerOfficeHolidayRoutes(router, deps, show);
  return router;
}

/** The form's fields as text, for the page that refuses them. */
function holidayValues(body: unknown): Record<string, string> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    date: typeof b.date === 'string' ? b.date : '',
    name: typeof b.name === 'string' ? b.name : '',
  };
}

/**
 * `POST /offices/:id/holidays` adds a local holiday to an office and
 * `POST /offices/:id/holidays/:date/delete` removes one (admins; audited by the use cases).
 */
export function registerOfficeHolidayRoutes(router: Router, deps: OfficerHttpDeps, show: ShowOffice): void {
  router.post('/offices/:id/holidays', async (req, res) => {
    const admin = adminOf(res);
    const id = officeIdParam(req);
    const values = holidayValues(req.body);
    try {
      const parsed = holidaySchema.safeParse(values);
      if (!parsed.success) throw invalidInput(fieldErrors(parsed.error), langOf(req));
      await addOfficeHoliday(deps, admin, id, parsed.data);
      res.redirect(303, `/console/offices/${id}?done=holiday`);
    } catch (err) {
      if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
      const flash = { kind: 'error' as const, text: err.message };
      await show(req, res, {
        status: statusOf(err.code),
        flash,
        holidayForm: { values, errors: err.fields ?? {} },
      });
    }
  });
  router.post('/offices/:id/holidays/:date/delete', async (req, res) => {
    const id = officeIdParam(req);
    await removeOfficeHoliday(deps, adminOf(res), id, dateParam(req));
    res.redirect(303, `/console/offices/${id}?done=holidayRemoved`);
  });
}
