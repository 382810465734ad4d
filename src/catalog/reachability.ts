import type { AnswerValue } from '../domain/application.js';
import { conditionHolds, conditionTerms } from './condition.js';
import type { Flow, Step } from './flow-schema.js';

/** Stands for "some other answer" of a free-text, number or date step. */
const OTHER = Symbol('other');
type Value = AnswerValue | typeof OTHER;

/** Above this many answer combinations the search stops and reports nothing rather than guess. */
const MAX_COMBINATIONS = 50_000;

/** The answers a step can give that matter to conditions; null when it can be skipped. */
function domain(step: Step, mentioned: ReadonlyArray<string | number | boolean>): Value[] {
  const values: Value[] =
    step.kind === 'choice'
      ? [...step.options]
      : step.kind === 'yes_no'
        ? [true, false]
        : [...new Set(mentioned), OTHER];
  if (step.optional) values.push(null);
  return values;
}

/**
 * Steps whose `when:` no sequence of answers can make true (e.g. it asks for a choice value
 * that is only possible when an earlier condition already excluded it). It tries every
 * combination of the answers that conditions look at, walking the flow as the engine does.
 * Conditions naming unknown or later steps are the checker's other problems, not this one's.
 */
export function unreachableSteps(flow: Flow): Set<string> {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const mentioned = new Map<string, Array<string | number | boolean>>();
  for (const step of flow.steps) {
    if (!step.when) continue;
    for (const [ref, values] of Object.entries(conditionTerms(step.when).terms)) {
      if (byId.has(ref)) mentioned.set(ref, [...(mentioned.get(ref) ?? []), ...values]);
    }
  }
  const vars = [...mentioned.keys()].map((id) => ({
    id,
    values: domain(byId.get(id) as Step, mentioned.get(id) ?? []),
  }));
  const total = vars.reduce((n, v) => n * v.values.length, 1);
  if (total > MAX_COMBINATIONS) return new Set();

  const reached = new Set<string>();
  const choice: Record<string, Value> = {};
  const walk = (): void => {
    const answers: Record<string, AnswerValue | undefined> = {};
    for (const step of flow.steps) {
      if (!conditionHolds(step.when, answers)) continue;
      reached.add(step.id);
      const v = choice[step.id];
      if (v !== undefined) answers[step.id] = v === OTHER ? '\u0000other' : v;
    }
  };
  const enumerate = (i: number): void => {
    const v = vars[i];
    if (!v) return walk();
    for (const value of v.values) {
      choice[v.id] = value;
      enumerate(i + 1);
    }
  };
  enumerate(0);
  return new Set(flow.steps.map((s) => s.id).filter((id) => !reached.has(id)));
}
