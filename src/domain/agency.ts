/**
 * Agencies (dinas) an application may wait on, and the steps of that wait. Many permits do not
 * finish at the counter: a PBG waits on the technical review of the Dinas Cipta Karya, a birth
 * certificate on Disdukcapil's signature. Each forward is one step with its own SLA in working
 * days, so the citizen can be told where the application waits and the supervisors can see
 * which agency makes citizens wait.
 */
import type { Agency, AgencyOutcome, AgencyStep } from './agency-step.js';
import type { Application } from './application.js';
import { isFinal } from './status.js';
import { addWorkingDays, workingDaysBetween, type WorkingDayOptions } from './working-days.js';

export { AGENCY_OUTCOMES } from './agency-step.js';
export type { Agency, AgencyOutcome, AgencyStep } from './agency-step.js';

/** An agency's id: a short lower-case slug the flows and the API name it by (`dinas_pupr`). */
export const AGENCY_ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Whether new forwards may go to the agency: an admin may have deactivated it. */
export function isAgencyActive(agency: Pick<Agency, 'active'>): boolean {
  return agency.active !== false;
}

/** Why a forward or an answer is refused; the console and API say it as a conflict. */
export class AgencyStepError extends Error {
  override readonly name = 'AgencyStepError';
}

/** The step still waiting on its agency; at most one is open at a time. */
export function openAgencyStep(app: Pick<Application, 'agencySteps'>): AgencyStep | undefined {
  const last = app.agencySteps?.at(-1);
  return last && !last.answeredAt ? last : undefined;
}

/** What a forward carries. */
export interface ForwardInput {
  agencyId: string;
  slaDays: number;
  note: string;
  at: Date;
  by: string;
  calendar: WorkingDayOptions;
}

/**
 * Opens a step waiting on `agencyId`. Only an application under the office's care (submitted or
 * in review) is forwarded, and only when no other step is open: the citizen is told one place
 * where it waits. Returns a new object; the input is untouched.
 * @throws AgencyStepError when the application is finished, waits on the citizen, or already waits on an agency.
 */
export function forwardToAgency(app: Application, input: ForwardInput): Application {
  if (isFinal(app.status) || !['SUBMITTED', 'IN_REVIEW'].includes(app.status)) {
    throw new AgencyStepError(
      `Hanya permohonan yang sedang diproses yang dapat diteruskan (status ${app.status}).`,
    );
  }
  if (openAgencyStep(app)) {
    throw new AgencyStepError('Permohonan ini masih menunggu jawaban instansi lain; catat jawabannya dulu.');
  }
  const note = input.note.trim();
  if (!note) throw new AgencyStepError('Tulis apa yang diminta dari instansi (note).');
  const step: AgencyStep = {
    agencyId: input.agencyId,
    forwardedAt: input.at,
    forwardedBy: input.by,
    slaDays: input.slaDays,
    slaDueAt: addWorkingDays(input.at, input.slaDays, input.calendar),
    note,
  };
  return { ...app, agencySteps: [...(app.agencySteps ?? []), step], updatedAt: input.at };
}

/** What an answer carries. */
export interface AnswerInput {
  outcome: AgencyOutcome;
  note: string;
  at: Date;
  by: string;
}

/**
 * Records the agency's answer on the open step. The application's status is the officer's next
 * decision (an answer `needs_more` usually becomes a revision request), never changed here.
 * @throws AgencyStepError when no step is open.
 */
export function answerAgencyStep(app: Application, input: AnswerInput): Application {
  const open = openAgencyStep(app);
  if (!open) throw new AgencyStepError('Tidak ada langkah instansi yang menunggu jawaban.');
  const note = input.note.trim();
  const answered: AgencyStep = {
    ...open,
    answeredAt: input.at,
    answeredBy: input.by,
    outcome: input.outcome,
    ...(note ? { answerNote: note } : {}),
  };
  const steps = app.agencySteps ?? [];
  return { ...app, agencySteps: [...steps.slice(0, -1), answered], updatedAt: input.at };
}

/** How far a wait has gone: "hari ke-3 dari 5". */
export interface AgencyWait {
  /** The working day the wait is on, counted like the SLA (1 on the first counted day). */
  day: number;
  of: number;
  late: boolean;
}

/**
 * Which working day of its SLA a step is on at `now`. Day 1 is the first working day the SLA
 * counts (the forward's own day when it came before closing); an answered step stops at its answer.
 */
export function agencyWait(step: AgencyStep, now: Date, calendar: WorkingDayOptions): AgencyWait {
  const end = step.answeredAt ?? now;
  const firstDay = addWorkingDays(step.forwardedAt, 1, calendar);
  // Before the first counted day (forwarded after closing, read on the weekend) the count is negative.
  const day = Math.max(1, workingDaysBetween(firstDay, end, calendar) + 1);
  return { day, of: step.slaDays, late: end.getTime() > step.slaDueAt.getTime() };
}

/** Steps open past their due moment that nobody was told about yet: what the SLA check looks for. */
export function agencyStepOverdue(app: Application, now: Date): AgencyStep | undefined {
  const open = openAgencyStep(app);
  if (!open || open.overdueNoticeAt || isFinal(app.status)) return undefined;
  return now.getTime() > open.slaDueAt.getTime() ? open : undefined;
}

/** Whole working days an answered or open step took so far, for the dashboard's median. */
export function agencyDaysTaken(step: AgencyStep, now: Date, calendar: WorkingDayOptions): number {
  return Math.max(0, workingDaysBetween(step.forwardedAt, step.answeredAt ?? now, calendar));
}
