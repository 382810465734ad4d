/**
 * The agency (dinas) and agency-step types, apart from the rules in agency.ts so the
 * application type can hold its steps without the two modules importing each other.
 */

/** Another government office an application can be forwarded to. */
export interface Agency {
  /** Lower-case key the flows and the API name it by, e.g. `dinas_pupr`. */
  id: string;
  /** Full name, e.g. "Dinas Cipta Karya, Tata Ruang dan Pertanahan". */
  name: string;
  /** What citizens and tables read, e.g. "Dinas Cipta Karya". */
  shortName: string;
  /** A phone number, e-mail or address an officer can use to chase the agency. */
  contact?: string;
  /** What the agency does for an application, said to the citizen ("pemeriksaan teknis"). */
  task?: { id: string; en: string };
  /**
   * False once an admin deactivated it: no new forwards, while its open steps still show and
   * are answered. Absent means active (the catalog's list has no such field).
   */
  active?: boolean;
}

/** How an agency answers: finished its part, needs more from the applicant, or refused. */
export const AGENCY_OUTCOMES = ['done', 'needs_more', 'refused'] as const;
export type AgencyOutcome = (typeof AGENCY_OUTCOMES)[number];

/** One forward of an application to an agency, and its answer once recorded. */
export interface AgencyStep {
  agencyId: string;
  forwardedAt: Date;
  /** The officer who forwarded it. */
  forwardedBy: string;
  /** The step's own SLA, in working days. */
  slaDays: number;
  /** Closing time of the `slaDays`-th working day, counted over the office's closed days. */
  slaDueAt: Date;
  /** What the forwarding officer asked of the agency (sealed at rest). */
  note: string;
  answeredAt?: Date;
  /** The officer or agency account that recorded the answer. */
  answeredBy?: string;
  outcome?: AgencyOutcome;
  /** The agency's answer in words (sealed at rest). */
  answerNote?: string;
  /** Set once when the SLA check found the step over its SLA, so nobody hears it twice. */
  overdueNoticeAt?: Date;
}
