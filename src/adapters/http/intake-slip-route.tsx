import type { Request, Response, Router } from 'express';
import { OfficerActionError } from '../../app/officer/errors.js';
import { intakeServiceName } from '../../app/officer/intake-form.js';
import { isWithinOffice } from '../../app/officer/scope.js';
import type { Application } from '../../domain/application.js';
import { formatDate, formatDateTime } from '../../dialogue/dates.js';
import { text as message } from '../../dialogue/render.js';
import type { ConsoleLang } from './console-i18n.js';
import { langOf } from './console-render.js';
import { intakeContext, type IntakePageDeps } from './intake-context.js';
import { intakeNotice, ti } from './intake-i18n.js';
import { officerOf } from './security.js';
import { Slip } from './views/intake/slip.js';

/** The application of the receipt, if this officer may print it. */
async function slipApplication({ deps }: IntakePageDeps, req: Request, res: Response) {
  const id = typeof req.params.id === 'string' ? req.params.id : '';
  const app = /^[0-9a-f]{24}$/i.test(id) ? await deps.applications.findById(id) : undefined;
  if (!app) throw new OfficerActionError('not_found', intakeNotice('noApplication'));
  const officer = officerOf(res);
  const inScope = isWithinOffice(app.officeId, officer.officeId);
  // The filing officer may print the receipt even when the citizen's kelurahan is elsewhere.
  if (!inScope && app.statusHistory[0]?.by.id !== officer.id) {
    throw new OfficerActionError('forbidden', intakeNotice('otherOffice'));
  }
  return { app, inScope };
}

/** The catalog lines under "what happens next": the service's in-person note, then bring the originals. */
function nextLines({ deps }: IntakePageDeps, app: Application, lang: ConsoleLang): string[] {
  const catalog = deps.intake.catalog;
  const flow = catalog.flows.get(app.serviceId);
  const lines: string[] = [];
  if (flow?.in_person) lines.push(message(catalog, lang, `${flow.id}.in_person`));
  lines.push(message(catalog, lang, 'submit.bring_originals'));
  return lines;
}

/**
 * The printable receipt at `/console/intake/slip/:id`, where the form redirects after filing:
 * for officers of the application's office, and for the officer who filed it.
 */
export function intakeSlipRoute(router: Router, page: IntakePageDeps): void {
  const { deps, render } = page;
  router.get('/slip/:id', async (req, res) => {
    const lang = langOf(req);
    const { app, inScope } = await slipApplication(page, req, res);
    const flow = deps.intake.catalog.flows.get(app.serviceId);
    const office = await deps.offices.get(app.officeId);
    const view = {
      application: app,
      serviceName: flow ? intakeServiceName(intakeContext(deps, lang), flow) : app.serviceId,
      ...(office ? { office } : {}),
      extraNext: nextLines(page, app, lang),
      dueText: formatDate(app.slaDueAt.toISOString(), lang),
      filedText: formatDateTime(app.createdAt.toISOString(), lang),
      canOpen: inScope,
      replay: req.query.replay === '1',
    };
    render(req, res, ti(lang, 'slip'), () => <Slip lang={lang} view={view} />);
  });
}
