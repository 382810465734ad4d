/**
 * The public-service satisfaction survey (Survei Kepuasan Masyarakat, Permenpan RB 14/2017):
 * each answer is 1 (tidak puas) to 4 (sangat puas); the index (IKM) is the mean times 25, so it
 * reads on a 25-100 scale, and its band gives the service grade A-D.
 */

/** One answer on the SKM scale. */
export type SkmScore = 1 | 2 | 3 | 4;

/** The four answers, lowest first. */
export const SKM_SCORES: readonly SkmScore[] = [1, 2, 3, 4];

/** Whether a number is an answer on the SKM scale. */
export function isSkmScore(n: unknown): n is SkmScore {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/** The index of some answers, mean × 25 rounded to two decimals; `null` with no answers. */
export function ikmOf(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.round(mean * 25 * 100) / 100;
}

/** The grade an index falls in: A sangat baik, B baik, C kurang baik, D tidak baik (the regulation's bands). */
export function ikmGrade(ikm: number): 'A' | 'B' | 'C' | 'D' {
  if (ikm >= 88.31) return 'A';
  if (ikm >= 76.61) return 'B';
  if (ikm >= 65) return 'C';
  return 'D';
}
