import type { Catalog } from '../../catalog/catalog.js';
import {
  AgencyStepError,
  answerAgencyStep,
  forwardToAgency,
  openAgencyStep,
  isAgencyActive,
  type Agency,
  type AgencyOutcome,
} from '../../domain/agency.js';
import type { Application } from '../../domain/application.js';
import { DEFAULT_HOLIDAY_DATES } from '../../domain/holidays.js';
import type { AgencyRepository } from '../../ports/agency-repository.js';
import type { PendingEffect } from '../../ports/application-repository.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import { ConcurrencyError } from '../../ports/errors.js';
import type { HolidayRepository } from '../../ports/holiday-repository.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import { agencyDirectory } from '../agency-directory.js';
import { completeEffectsNow, type EffectCompletionDeps } from '../application-effects.js';
import { closedDates } from '../calendar.js';
import { noticeToApplicant } from '../citizen-lang.js';
import { agencyForwardNotice } from './agency-forward-notice.js';
import { OfficerActionError } from './errors.js';
import { actorOf, type OfficerActor } from './officer-actor.js';
import { assertInScope } from './scope.js';

/** An agency step's SLA when the service's flow names none for that agency. */
export const DEFAULT_AGENCY_SLA_DAYS = 5;

/** What forwarding and answering need. */
export interface AgencyStepDeps extends EffectCompletionDeps {
  catalog?: Pick<Catalog, 'agencies' | 'flows'>;
  /** The admins' agency list (over the catalog's); absent, the catalog's alone. */
  agencyStore?: AgencyRepository;
  offices: OfficeRepository;
  holidayStore?: HolidayRepository;
  /** The shipped national holidays plus HOLIDAYS; the shipped list when absent. */
  holidays?: readonly string[];
  /** The citizen's language for the forward notice; absent, Indonesian. */
  conversations?: Pick<ConversationStore, 'read'>;
  now: () => Date;
}

/**
 * The agencies of this deployment by name, deactivated ones included (their steps still show):
 * what `GET /api/agencies` lists; the forward form offers the active ones.
 */
export async function listAgencies(deps: Pick<AgencyStepDeps, 'catalog' | 'agencyStore'>): Promise<Agency[]> {
  return [...(await agencyDirectory(deps)).values()];
}

/** An officer's forward, as the console and the API send it. */
export interface ForwardRequest {
  applicationId: string;
  agencyId: string;
  note: string;
  expectedVersion?: number;
}

/**
 * Forwards an application to an agency for the officer: within the officer's office subtree,
 * to a listed agency, with the step's SLA from the service's flow (`agency_steps`), counted in
 * working days over the office's closed days. The citizen's own due date does not move
 * (docs/decisions/0013-agency-steps.md). Audited as `application.forwarded`; the citizen, when
 * the application has a chat, gets one short message naming the agency and its usual wait.
 */
export async function forwardApplication(
  deps: AgencyStepDeps,
  officer: OfficerActor,
  req: ForwardRequest,
): Promise<Application> {
  if (officer.role === 'agency') throw forbidden();
  const app = await load(deps, req.applicationId);
  assertInScope(officer, app.officeId);
  const agency = (await agencyDirectory(deps)).get(req.agencyId);
  if (!agency) {
    throw new OfficerActionError('invalid', 'Instansi tidak dikenal (unknown agency).', {
      agencyId: 'Pilih instansi dari daftar.',
    });
  }
  if (!isAgencyActive(agency)) {
    throw new OfficerActionError('invalid', 'Instansi ini sudah dinonaktifkan (agency deactivated).', {
      agencyId: 'Instansi ini tidak menerima penerusan baru; pilih instansi lain.',
    });
  }
  if (!req.note.trim()) {
    throw new OfficerActionError('invalid', 'Tulis apa yang diminta dari instansi (note required).', {
      note: 'Catatan wajib diisi.',
    });
  }
  const flow = deps.catalog?.flows.get(app.serviceId);
  const slaDays = flow?.agency_steps.find((s) => s.agency === agency.id)?.sla_days ?? DEFAULT_AGENCY_SLA_DAYS;
  const at = deps.now();
  const holidays = await closedDates(
    { holidays: deps.holidays ?? DEFAULT_HOLIDAY_DATES, offices: deps.offices, ...store(deps) },
    app.officeId,
  );
  const next = apply(() =>
    forwardToAgency(app, {
      agencyId: agency.id,
      slaDays,
      note: req.note,
      at,
      by: officer.id,
      calendar: { holidays },
    }),
  );
  const step = openAgencyStep(next)!;
  return saveWith(deps, app, next, req.expectedVersion, {
    id: `forward:${app.id}:${app.version + 1}`,
    at,
    // One short message, keyed by the step, so a retried forward never tells the citizen twice.
    ...(await noticeToApplicant(
      deps.conversations,
      app.applicant,
      `agency-forward:${app.id}:${next.agencySteps!.length - 1}`,
      (lang) => agencyForwardNotice(app, step, agency, lang),
    )),
    audit: {
      type: 'application.forwarded',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor: actorOf(officer),
      at,
      after: { agencyId: agency.id, slaDays, slaDueAt: step.slaDueAt.toISOString(), note: step.note },
    },
  });
}

/** An agency's answer, recorded by an officer on its behalf or by an agency account. */
export interface AgencyAnswerRequest {
  applicationId: string;
  outcome: AgencyOutcome;
  note: string;
  expectedVersion?: number;
}

/**
 * Records the answer on the open step. An agency account answers only for its own agency
 * (403 for another's application, as if it were another office's); an officer only within
 * the office subtree. The status stays the officer's next decision. Audited as
 * `application.agency_answered`, with whether it came after the step's SLA.
 */
export async function recordAgencyAnswer(
  deps: AgencyStepDeps,
  officer: OfficerActor,
  req: AgencyAnswerRequest,
): Promise<Application> {
  const app = await load(deps, req.applicationId);
  const open = openAgencyStep(app);
  if (officer.role === 'agency') {
    if (!open || open.agencyId !== officer.agencyId) throw forbidden();
  } else assertInScope(officer, app.officeId);
  const at = deps.now();
  const next = apply(() =>
    answerAgencyStep(app, { outcome: req.outcome, note: req.note, at, by: officer.id }),
  );
  const step = next.agencySteps!.at(-1)!;
  return saveWith(deps, app, next, req.expectedVersion, {
    id: `agency-answer:${app.id}:${app.version + 1}`,
    at,
    audit: {
      type: 'application.agency_answered',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor: actorOf(officer),
      at,
      after: {
        agencyId: step.agencyId,
        outcome: req.outcome,
        late: at.getTime() > step.slaDueAt.getTime(),
        ...(step.answerNote ? { note: step.answerNote } : {}),
      },
    },
  });
}

/**
 * What an agency account works on: the applications waiting on its agency, oldest forward
 * first. Other roles see forwarded applications on their application pages instead.
 */
export async function listForwardedToAgency(
  deps: AgencyStepDeps,
  officer: OfficerActor,
): Promise<Application[]> {
  if (officer.role !== 'agency' || !officer.agencyId) throw forbidden();
  const page = await deps.applications.list({ waitingOnAgency: officer.agencyId }, { limit: 200, offset: 0 });
  const since = (a: Application) => openAgencyStep(a)?.forwardedAt.getTime() ?? 0;
  return page.items.sort((a, b) => since(a) - since(b));
}

function store(deps: AgencyStepDeps): { holidayStore?: HolidayRepository } {
  return deps.holidayStore ? { holidayStore: deps.holidayStore } : {};
}

async function load(deps: AgencyStepDeps, id: string): Promise<Application> {
  const app = await deps.applications.findById(id);
  if (!app) throw new OfficerActionError('not_found', 'Permohonan tidak ditemukan (application not found).');
  return app;
}

function apply(change: () => Application): Application {
  try {
    return change();
  } catch (err) {
    if (err instanceof AgencyStepError) throw new OfficerActionError('conflict', err.message);
    throw err;
  }
}

async function saveWith(
  deps: AgencyStepDeps,
  app: Application,
  next: Application,
  expectedVersion: number | undefined,
  effect: PendingEffect,
): Promise<Application> {
  if (expectedVersion !== undefined && expectedVersion !== app.version) throw stale();
  try {
    const saved = await deps.applications.save(next, app.version, { effects: [effect] });
    await completeEffectsNow(deps, saved.id, [effect]);
    return saved;
  } catch (err) {
    if (err instanceof ConcurrencyError) throw stale();
    throw err;
  }
}

function stale(): OfficerActionError {
  return new OfficerActionError(
    'conflict',
    'Permohonan sudah diubah orang lain; muat ulang halaman lalu coba lagi (changed by someone else).',
  );
}

function forbidden(): OfficerActionError {
  return new OfficerActionError(
    'forbidden',
    'Anda tidak berwenang untuk tindakan ini (not allowed for your role).',
  );
}
