import type { AnswerValue } from '../domain/application.js';
import type { Condition } from './flow-schema.js';

/** The listed steps and values of a `when:`, whether or not it is inverted. */
export function conditionTerms(condition: Condition): {
  negated: boolean;
  terms: Record<string, Array<string | number | boolean>>;
} {
  if ('not' in condition && isTerms(condition['not'])) return { negated: true, terms: condition['not'] };
  return { negated: false, terms: condition as Record<string, Array<string | number | boolean>> };
}

function isTerms(v: unknown): v is Record<string, Array<string | number | boolean>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a step with this `when:` is asked, given the answers so far. A step not answered
 * (skipped, or never asked) matches no value, so `{ not: { jenis: [baru] } }` holds for it.
 * The checker and the engine share this so "reachable" means the same to both.
 */
export function conditionHolds(
  condition: Condition | undefined,
  answers: Readonly<Record<string, AnswerValue | undefined>>,
): boolean {
  if (!condition) return true;
  const { negated, terms } = conditionTerms(condition);
  const all = Object.entries(terms).every(([step, values]) => {
    const a = answers[step];
    return a !== undefined && a !== null && values.some((v) => v === a);
  });
  return negated ? !all : all;
}
