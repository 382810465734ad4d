import { ikmGrade, ikmOf } from '../../domain/skm.js';
import type { OfficeRepository } from '../../ports/office-repository.js';
import type { OfficerRepository } from '../../ports/officer-repository.js';
import type { SatisfactionAnswer, SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import { OfficerActionError } from './errors.js';
import type { OfficerActor } from './officer-actor.js';
import { isWithinOffice } from './scope.js';

/** What the satisfaction part of the dashboard reads. */
export interface SatisfactionMetricsDeps {
  satisfaction: SatisfactionRepository;
  officers: OfficerRepository;
  offices: OfficeRepository;
}

/** Most answers read per request, as the dashboard bounds its event reads. */
export const MAX_ANSWERS = 20_000;

/** One row of the index: who or which office, how many answered, and the IKM with its grade. */
export interface IkmRow {
  count: number;
  /** Mean × 25, on the 25-100 scale. */
  ikm: number;
  grade: 'A' | 'B' | 'C' | 'D';
}

/** The satisfaction index (IKM) per officer and per office, for the dashboard and the API. */
export interface SatisfactionMetrics {
  overall: IkmRow | null;
  officers: Array<IkmRow & { officerId: string; username: string; displayName: string }>;
  offices: Array<IkmRow & { officeId: string; officeName: string }>;
  /** More answers than MAX_ANSWERS in the window: the index covers the newest ones only. */
  truncated: boolean;
}

function rowOf(scores: readonly number[]): IkmRow {
  const ikm = ikmOf(scores) ?? 0;
  return { count: scores.length, ikm, grade: ikmGrade(ikm) };
}

function groupBy(answers: readonly SatisfactionAnswer[], key: (a: SatisfactionAnswer) => string) {
  const groups = new Map<string, number[]>();
  for (const a of answers) {
    const k = key(a);
    groups.set(k, [...(groups.get(k) ?? []), a.score]);
  }
  return [...groups].map(([k, scores]) => ({ key: k, ...rowOf(scores) }));
}

/**
 * Citizens' answers to the satisfaction question in a window, for an office subtree the
 * supervisor may see, as the regulation's index (Permenpan RB 14/2017): mean × 25 with the
 * count of answers beside it, so a 100 from one answer is not read as a 100 from fifty.
 * Aggregated here rather than in the database, as the rest of the dashboard (FerretDB).
 */
export async function computeSatisfaction(
  deps: SatisfactionMetricsDeps,
  officer: OfficerActor,
  q: { from: Date; to: Date; officeId?: string },
): Promise<SatisfactionMetrics> {
  if (officer.role === 'officer') {
    throw new OfficerActionError('forbidden', 'Dasbor hanya untuk supervisor dan admin (supervisors only).');
  }
  const scope = q.officeId ?? officer.officeId;
  if (!isWithinOffice(scope, officer.officeId)) {
    throw new OfficerActionError('forbidden', 'Kantor ini di luar wilayah Anda (outside your office).');
  }
  const rows = await deps.satisfaction.listWindow({ from: q.from, to: q.to }, MAX_ANSWERS + 1);
  const answers = rows.slice(0, MAX_ANSWERS).filter((a) => isWithinOffice(a.officeId, scope));
  const officers = new Map((await deps.officers.list()).map((o) => [o.id, o]));
  const officeNames = new Map((await deps.offices.all()).map((o) => [o.id, o.name]));
  const byIkm = (a: IkmRow, b: IkmRow) => b.ikm - a.ikm || b.count - a.count;
  return {
    overall: answers.length ? rowOf(answers.map((a) => a.score)) : null,
    officers: groupBy(answers, (a) => a.officerId)
      .map(({ key, ...row }) => ({
        ...row,
        officerId: key,
        username: officers.get(key)?.username ?? key,
        displayName: officers.get(key)?.displayName ?? key,
      }))
      .sort(byIkm),
    offices: groupBy(answers, (a) => a.officeId)
      .map(({ key, ...row }) => ({ ...row, officeId: key, officeName: officeNames.get(key) ?? key }))
      .sort(byIkm),
    truncated: rows.length > MAX_ANSWERS,
  };
}
