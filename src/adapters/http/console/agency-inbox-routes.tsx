import type { Router } from 'express';
import { agencyDirectory } from '../../../app/agency-directory.js';
import { agencyCalendars } from '../../../app/officer/agency-calendar.js';
import { listForwardedToAgency, recordAgencyAnswer } from '../../../app/officer/agency-steps.js';
import { serviceNameOf } from '../../../app/officer/service-texts.js';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { agencyWait, openAgencyStep } from '../../../domain/agency.js';
import { agencyAnswerSchema } from '../agency-schemas.js';
import { ta } from '../agency-i18n.js';
import { langOf } from '../console-render.js';
import { parseInput } from '../http-errors.js';
import { idParam } from '../params.js';
import { currentOfficer, officerOf } from '../security.js';
import { AgencyInbox } from '../views/agency-inbox.js';
import type { ConsoleContext } from './context.js';

/**
 * An agency account's console: its list ("Diteruskan ke instansi Anda") and the answer form of
 * each item; the queue, where a login lands, sends such an account here.
 */
export function registerAgencyInboxRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps } = ctx;
  router.use((req, res, next) => {
    if (req.method === 'GET' && req.path === '/queue' && currentOfficer(res)?.role === 'agency')
      return res.redirect('/console/agency');
    next();
  });
  router.get('/agency', async (req, res) => {
    const lang = langOf(req);
    const apps = await listForwardedToAgency(deps, officerOf(res));
    // Each wait on its forwarding office's calendar, the one its due date was counted on.
    const calendarOf = agencyCalendars(deps);
    const now = deps.now();
    const items = await Promise.all(
      apps.map(async (app) => ({
        app,
        serviceName: serviceNameOf(deps.catalog, lang, app.serviceId),
        wait: agencyWait(openAgencyStep(app)!, now, await calendarOf(app.officeId)),
      })),
    );
    const agencies = await agencyDirectory({
      agencyStore: deps.agencyStore,
      ...(deps.catalog ? { catalog: deps.catalog } : {}),
    });
    const nameOf = (id: string) => agencies.get(id)?.shortName ?? id;
    const flash =
      req.query.saved === '1' ? { flash: { kind: 'ok' as const, text: ta(lang, 'recordAnswer') } } : {};
    ctx.render(
      req,
      res,
      ta(lang, 'inbox'),
      (csrf) => <AgencyInbox lang={lang} csrf={csrf} items={items} nameOf={nameOf} />,
      flash,
    );
  });
  router.post('/agency/:id/answer', async (req, res) => {
    // The role first: an office's officer hears "not yours", not what was wrong with the form.
    if (officerOf(res).role !== 'agency')
      throw new OfficerActionError('forbidden', 'Halaman ini untuk akun instansi (agency accounts only).');
    const form = req.body as Record<string, string | undefined>;
    const body = parseInput(agencyAnswerSchema, {
      outcome: form.outcome,
      note: form.note,
      version: form.version,
    });
    await recordAgencyAnswer(deps, officerOf(res), {
      applicationId: idParam(req),
      outcome: body.outcome,
      note: body.note,
      ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
    });
    res.redirect(303, '/console/agency?saved=1');
  });
}
