import express, { type Request, type Response, type Router } from 'express';
import { invalidInput, OfficerActionError } from '../../../../app/officer/errors.js';
import { addHoliday, listHolidays, removeHoliday } from '../../../../app/officer/manage-holidays.js';
import { langOf, type Render, type RenderOptions } from '../../console-render.js';
import { requireRolePage } from '../../dashboard-router.js';
import { fieldErrors, statusOf } from '../../http-errors.js';
import type { OfficerHttpDeps } from '../../officer-http-deps.js';
import { to, type OfficeWord } from '../../office-i18n.js';
import { holidaySchema } from '../../office-schemas.js';
import { officerOf } from '../../security.js';
import { HolidaysView } from '../../views/supervisor/holidays-view.js';
import { adminOf, dateParam } from './office-edit-page.js';

const DONE: Readonly<Record<string, OfficeWord>> = { added: 'holidayAdded', removed: 'holidayRemoved' };

type ShowHolidays = (
  req: Request,
  res: Response,
  opts?: RenderOptions & { form?: { values: Record<string, string>; errors: Record<string, string> } },
) => Promise<void>;

function holidaysShower(deps: OfficerHttpDeps, render: Render): ShowHolidays {
  return async (req, res, { form, ...opts } = {}) => {
    const lang = langOf(req);
    const officer = officerOf(res);
    const { national, added } = await listHolidays(deps, officer);
    render(
      req,
      res,
      to(lang, 'holidays'),
      (csrf) => (
        <HolidaysView
          lang={lang}
          csrf={csrf}
          national={national}
          added={added}
          canEdit={officer.role === 'admin'}
          form={form}
        />
      ),
      opts,
    );
  };
}

/**
 * `GET /holidays` lists the closed days of every office (supervisors and admins);
 * `POST /holidays` adds one and `POST /holidays/:date/delete` removes an added one (admins,
 * audited by the use cases).
 */
export function holidaysPage(deps: OfficerHttpDeps, render: Render): Router {
  const router = express.Router();
  const show = holidaysShower(deps, render);
  router.use('/holidays', requireRolePage('supervisor', 'admin'));

  router.get('/holidays', async (req, res) => {
    const done = typeof req.query.done === 'string' ? DONE[req.query.done] : undefined;
    await show(req, res, done ? { flash: { kind: 'ok', text: to(langOf(req), done) } } : {});
  });

  router.post('/holidays', async (req, res) => {
    const admin = adminOf(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = {
      date: typeof body.date === 'string' ? body.date : '',
      name: typeof body.name === 'string' ? body.name : '',
    };
    try {
      const parsed = holidaySchema.safeParse(values);
      if (!parsed.success) throw invalidInput(fieldErrors(parsed.error), langOf(req));
      await addHoliday(deps, admin, parsed.data);
      res.redirect(303, '/console/holidays?done=added');
    } catch (err) {
      if (!(err instanceof OfficerActionError) || err.code !== 'invalid') throw err;
      const flash = { kind: 'error' as const, text: err.message };
      await show(req, res, { status: statusOf(err.code), flash, form: { values, errors: err.fields ?? {} } });
    }
  });

  router.post('/holidays/:date/delete', async (req, res) => {
    await removeHoliday(deps, adminOf(res), dateParam(req));
    res.redirect(303, '/console/holidays?done=removed');
  });
  return router;
}
