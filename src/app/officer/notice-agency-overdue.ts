import { formatDate } from '../../dialogue/dates.js';
import type { Lang } from '../../dialogue/types.js';
import { agencyStepOverdue, type Agency, type AgencyStep } from '../../domain/agency.js';
import type { Application } from '../../domain/application.js';
import type { PendingEffect } from '../../ports/application-repository.js';
import { agencyDirectory, type AgencyDirectoryDeps } from '../agency-directory.js';
import { completeEffectsNow } from '../application-effects.js';
import { noticeToApplicant } from '../citizen-lang.js';
import { daysLate } from './metric-math.js';
import type { OverdueDeps } from './notice-overdue.js';

/**
 * What the agency SLA check needs: the overdue check's, plus the agencies' names. `batchSize`
 * is how many applications are read at once (memory stays bounded however many wait).
 */
export interface AgencyOverdueDeps
  extends Omit<OverdueDeps, 'leases' | 'holder' | 'maxPerRun'>, AgencyDirectoryDeps {}

/** Applications read at once when the deps name no batch size. */
const DEFAULT_BATCH = 100;

/**
 * The notice a citizen receives once when the agency their application waits on goes over its
 * SLA: which agency, since when, that the office was alerted, and how to complain (*pengaduan*,
 * a priority handoff to a supervisor). It does not promise a new date nobody has given.
 */
export function agencyOverdueNotice(
  app: Application,
  step: AgencyStep,
  agency: Agency | undefined,
  lang: Lang,
): string {
  const name = agency?.shortName ?? step.agencyId;
  const due = formatDate(step.slaDueAt.toISOString(), lang);
  return lang === 'en'
    ? [
        `We are sorry: application ${app.trackingNumber} has been waiting at ${name} longer than its ${step.slaDays} working days (due ${due}).`,
        'The office that forwarded it has been alerted and is chasing the agency; we will tell you when it answers.',
        'To complain about the delay, type "complaint"; type "status" to see where it stands.',
      ].join('\n')
    : [
        `Mohon maaf, permohonan ${app.trackingNumber} sudah menunggu di ${name} lebih lama dari ${step.slaDays} hari kerjanya (batas ${due}).`,
        'Kantor yang meneruskannya sudah mendapat peringatan dan menagih jawaban instansi tersebut; kami kabari begitu ada jawaban.',
        'Bila ingin mengadukan keterlambatan ini, ketik "pengaduan"; ketik "status" untuk melihat perkembangannya.',
      ].join('\n');
}

/**
 * Finds agency steps open past their SLA that nobody was told about, and for each: an audit
 * event `application.agency_overdue` under the forwarding office (the supervisors' alert, as for
 * an overdue application), one notice to the citizen keyed `agency-overdue:<id>:<step>`, and the
 * step's mark, all in one write. Goes through every application waiting on an agency, a batch
 * at a time. Run by the SLA check, under its lease. Returns how many.
 */
export async function noticeAgencyOverdue(deps: AgencyOverdueDeps): Promise<number> {
  const now = deps.now();
  const batch = Math.max(1, deps.batchSize ?? DEFAULT_BATCH);
  const agencies = await agencyDirectory(deps);
  let noticed = 0;
  // A noticed step still waits, so it stays in the list and the offsets walk it once. One that
  // moves while this runs (answered, or a new forward ahead of it) is found by the next run.
  for (let offset = 0; ;) {
    const page = await deps.applications.list({ waitingOnAnyAgency: true }, { limit: batch, offset });
    for (const app of page.items) {
      const step = agencyStepOverdue(app, now);
      if (!step) continue;
      await noticeOne(deps, app, step, agencies.get(step.agencyId), now);
      noticed++;
    }
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return noticed;
  }
}

async function noticeOne(
  deps: AgencyOverdueDeps,
  app: Application,
  step: AgencyStep,
  agency: Agency | undefined,
  now: Date,
): Promise<void> {
  const index = (app.agencySteps ?? []).length - 1;
  const id = `agency-overdue:${app.id}:${index}`;
  const effect: PendingEffect = {
    id,
    at: now,
    audit: {
      type: 'application.agency_overdue',
      applicationId: app.id,
      trackingNumber: app.trackingNumber,
      officeId: app.officeId,
      actor: { kind: 'system', id: 'sla-check' },
      at: now,
      data: {
        agencyId: step.agencyId,
        forwardedAt: step.forwardedAt.toISOString(),
        slaDueAt: step.slaDueAt.toISOString(),
        daysLate: daysLate(step.slaDueAt, now),
      },
    },
    ...(await noticeToApplicant(deps.conversations, app.applicant, id, (lang) =>
      agencyOverdueNotice(app, step, agency, lang),
    )),
  };
  await deps.applications.markAgencyOverdueNoticed(app.id, index, now, { effects: [effect] });
  await completeEffectsNow(deps, app.id, [effect]);
}
