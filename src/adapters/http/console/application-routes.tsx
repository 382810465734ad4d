import type { Request, Response, Router } from 'express';
import { applicationWords, officeNames } from '../../../app/officer/application-words.js';
import { changeApplicationStatus } from '../../../app/officer/change-status.js';
import { OfficerActionError } from '../../../app/officer/errors.js';
import { getApplication } from '../../../app/officer/get-application.js';
import { listApplications } from '../../../app/officer/list-applications.js';
import { undeliveredFor } from '../../../app/officer/list-undelivered.js';
import { withNames } from '../../../app/officer/search-audit.js';
import { applicationFilter, applicationQuerySchema, statusChangeSchema } from '../api-schemas.js';
import { serviceNameOf } from '../../../app/officer/service-texts.js';
import { agencyDirectory } from '../../../app/agency-directory.js';
import type { Catalog } from '../../../catalog/catalog.js';
import { t } from '../console-i18n.js';
import { langOf } from '../console-render.js';
import { idParam, plainQuery } from '../params.js';
import { fieldErrors, parseInput, statusOf } from '../http-errors.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import { officerOf } from '../security.js';
import { ApplicationDetail } from '../views/application-detail.js';
import { ApplicationList } from '../views/application-list.js';
import type { ConsoleContext } from './context.js';
import type { Application } from '../../../domain/application.js';
import { agencyWait } from '../../../domain/agency.js';
import { DEFAULT_HOLIDAY_DATES } from '../../../domain/holidays.js';
import { closedDates } from '../../../app/calendar.js';
import type { AgencySectionProps } from '../views/agency-steps.js';

/** The application list (with filters), one application's page, and its status form. */
export function registerApplicationRoutes(router: Router, ctx: ConsoleContext): void {
  const { deps, render } = ctx;
  router.get('/applications', async (req, res) => {
    const lang = langOf(req);
    const raw = plainQuery(req);
    const parsed = applicationQuerySchema.safeParse(raw);
    const q = parsed.success ? parsed.data : applicationQuerySchema.parse({});
    const result = await listApplications(deps, officerOf(res), applicationFilter(q));
    const offices = await officeNames(
      deps.offices,
      result.items.map((a) => a.officeId),
    );
    const catalog = catalogOf(deps);
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
      () => (
        <ApplicationList
          lang={lang}
          query={raw}
          apps={result.items}
          total={result.total}
          now={deps.now()}
          serviceName={(id) => serviceNameOf(catalog, lang, id)}
          officeNames={offices}
        />
      ),
      flash ? { status: 400, flash } : {},
    );
  });
  router.get('/applications/:id', async (req, res) => {
    const lang = langOf(req);
    const flash = req.query.saved === '1' ? { kind: 'ok' as const, text: t(lang, 'saved') } : undefined;
    // Shown on top: a citizen who blocked the bot never hears of this application's changes.
    await renderDetail(ctx, req, res, { ...(flash ? { flash } : {}), withUndelivered: true });
  });
  router.post('/applications/:id/status', async (req, res) => {
    const id = idParam(req);
    try {
      await changeApplicationStatus(deps, officerOf(res), { applicationId: id, ...statusChangeOf(req) });
      res.redirect(303, `/console/applications/${id}?saved=1`);
    } catch (err) {
      if (!(err instanceof OfficerActionError) || err.code === 'not_found' || err.code === 'forbidden')
        throw err;
      await renderDetail(ctx, req, res, {
        status: statusOf(err.code),
        flash: { kind: 'error', text: err.message },
        errors: err.fields,
      });
    }
  });
}

/** The list page's query string, validated. */
/** The status form's fields as the use case takes them; a bad field throws with its message. */
function statusChangeOf(req: Request) {
  const form = req.body as Record<string, string | undefined>;
  const body = parseInput(statusChangeSchema, {
    to: form.to,
    ...(form.note ? { note: form.note } : {}),
    ...(form.reason ? { reason: form.reason } : {}),
    ...(form.revisionStep || form.revisionNote
      ? { revision: { stepId: form.revisionStep ?? '', note: form.revisionNote ?? '' } }
      : {}),
    ...(form.version ? { version: form.version } : {}),
  });
  return {
    to: body.to,
    ...(body.note ? { note: body.note } : {}),
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.revision ? { revision: body.revision } : {}),
    ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
  };
}

/** How a detail page is re-rendered after a refused form. */
export interface DetailOptions {
  status?: number;
  flash?: { kind: 'ok' | 'error'; text: string };
  errors?: Record<string, string>;
  /** Read the undelivered status notices (the page as opened, not a refused form). */
  withUndelivered?: boolean;
}

/** One application's page, freshly read: after a refused change it shows the current state. */
export async function renderDetail(
  ctx: ConsoleContext,
  req: Request,
  res: Response,
  o: DetailOptions,
): Promise<void> {
  const { deps } = ctx;
  const lang = langOf(req);
  const officer = officerOf(res);
  const { application, history } = await getApplication(deps, officer, idParam(req));
  const undelivered = o.withUndelivered ? await undeliveredFor(deps.outbox, application.id) : [];
  const [named, offices] = await Promise.all([
    withNames(deps.officers, history),
    officeNames(deps.offices, [application.officeId]),
  ]);
  const words = applicationWords(catalogOf(deps), lang, application);
  const agency = await agencySection(deps, application, o.errors);
  ctx.render(
    req,
    res,
    application.trackingNumber,
    (csrf) => (
      <ApplicationDetail
        lang={lang}
        csrf={csrf}
        app={application}
        history={named}
        officer={officer}
        errors={o.errors ?? {}}
        words={words}
        officeNames={offices}
        undelivered={undelivered}
        {...(agency ? { agency } : {})}
      />
    ),
    { ...(o.status ? { status: o.status } : {}), ...(o.flash ? { flash: o.flash } : {}) },
  );
}

/** The catalog for words on these pages: the console's own, else the one assisted intake carries. */
function catalogOf(deps: OfficerHttpDeps): Catalog | undefined {
  return deps.catalog ?? deps.intake?.catalog;
}

/** The agency section's data: the agencies, and each step's working day counted over the office's closed days. */
async function agencySection(
  deps: OfficerHttpDeps,
  app: Application,
  errors: Record<string, string> | undefined,
): Promise<Omit<AgencySectionProps, 'lang' | 'csrf' | 'app'> | undefined> {
  const agencies = await agencyDirectory({
    agencyStore: deps.agencyStore,
    ...(catalogOf(deps) ? { catalog: catalogOf(deps) } : {}),
  });
  if (agencies.size === 0) return undefined;
  const holidays = await closedDates(
    {
      holidays: deps.holidays ?? DEFAULT_HOLIDAY_DATES,
      offices: deps.offices,
      ...(deps.holidayStore ? { holidayStore: deps.holidayStore } : {}),
    },
    app.officeId,
  );
  const now = deps.now();
  const waits = (app.agencySteps ?? []).map((s) => agencyWait(s, now, { holidays }));
  return { agencies, waits, canForward: true, ...(errors ? { errors } : {}) };
}
