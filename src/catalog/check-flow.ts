import { conditionTerms } from './condition.js';
import type { Flow, Rejection, Step, StepKind } from './flow-schema.js';
import { SERVICE_FIELDS } from './message-keys.js';
import type { CatalogProblem } from './problem.js';
import { unreachableSteps } from './reachability.js';

/** Which step kind each applicant field needs (the engine turns those answers into the applicant). */
const APPLICANT_KINDS = { name: 'text', nik: 'nik', phone: 'phone', office: 'kelurahan' } as const;

/** Which step kinds each rejection rule makes sense for. */
const RULE_KINDS: Record<string, readonly StepKind[]> = {
  shorter_than: ['text'],
  longer_than: ['text'],
  not_matching: ['text', 'phone', 'nik'],
  below: ['number'],
  above: ['number'],
  age_under: ['date'],
  in_future: ['date'],
  older_than_days: ['date'],
};

const list = (xs: ReadonlyArray<unknown>): string => xs.map((x) => JSON.stringify(x)).join(', ');

/** Records one problem at a path inside the flow's file. */
type Add = (path: string, message: string, fix: string) => void;

/** What each part of the check shares: the flow, where to record problems, and each step's index. */
interface FlowCheck {
  flow: Flow;
  add: Add;
  index: Map<string, number>;
}

const at = (i: number, step: Step): string => `steps[${i}] (${step.id})`;

/**
 * The checks zod cannot do on one flow: ids that must agree with each other, conditions that
 * must point backwards at real answers, steps that must be reachable, and rules that must fit
 * their step. `fileId` is the file name without `.yaml`.
 */
export function checkFlow(flow: Flow, file: string, fileId: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add: Add = (path, message, fix) => {
    problems.push({ file, path, message, fix });
  };
  const c: FlowCheck = { flow, add, index: new Map() };
  checkSteps(c, fileId);
  const badRefs = checkConditions(c);
  checkReachable(c, badRefs);
  checkApplicant(c);
  return problems;
}

/** The flow's id against its file name, and each step on its own: ids, options, file counts, rules. */
function checkSteps({ flow, add, index }: FlowCheck, fileId: string): void {
  if (flow.id !== fileId) {
    add(
      'id',
      `the flow id "${flow.id}" differs from the file name "${fileId}.yaml"`,
      `rename the file to ${flow.id}.yaml or set id: ${fileId}`,
    );
  }

  flow.steps.forEach((step, i) => {
    const first = index.get(step.id);
    if (first !== undefined) {
      add(
        at(i, step),
        `step id "${step.id}" is used twice (also steps[${first}])`,
        'give each step its own id',
      );
    } else index.set(step.id, i);
    if ((SERVICE_FIELDS as readonly string[]).includes(step.id)) {
      add(
        at(i, step),
        `a step may not be called "${step.id}": its messages would collide with ${flow.id}.${step.id}`,
        'choose another step id',
      );
    }
    if (step.kind === 'choice') {
      const dupes = step.options.filter((o, j) => step.options.indexOf(o) !== j);
      if (dupes.length > 0)
        add(`${at(i, step)}.options`, `option ${list(dupes)} is listed twice`, 'list each option once');
    }
    if (step.kind === 'document' && step.min_files > step.max_files) {
      add(
        at(i, step),
        `min_files (${step.min_files}) is more than max_files (${step.max_files})`,
        'make min_files at most max_files',
      );
    }
    step.rejections.forEach((r, j) => checkRejection(r, step, `${at(i, step)}.rejections[${j}]`, add));
  });
}

/** Each `when:` must name an earlier step and values it can have; returns the steps whose do not. */
function checkConditions({ flow, add, index }: FlowCheck): Set<string> {
  const badRefs = new Set<string>();
  flow.steps.forEach((step, i) => {
    if (!step.when) return;
    for (const [ref, values] of Object.entries(conditionTerms(step.when).terms)) {
      const path = `${at(i, step)}.when.${ref}`;
      const j = index.get(ref);
      const target = j === undefined ? undefined : flow.steps[j];
      if (j === undefined || !target) {
        badRefs.add(step.id);
        add(
          path,
          `the condition refers to step "${ref}", which this flow does not have`,
          `use one of the earlier steps: ${list(flow.steps.slice(0, i).map((s) => s.id))}`,
        );
      } else if (j >= i) {
        badRefs.add(step.id);
        add(
          path,
          `the condition refers to step "${ref}", which ${j === i ? 'is this step itself' : 'comes after this step'}, so it has no answer yet`,
          `move "${ref}" before "${step.id}" or refer to an earlier step`,
        );
      } else if (target.kind === 'choice') {
        const wrong = values.filter((v) => !target.options.includes(String(v)) || typeof v !== 'string');
        if (wrong.length > 0) {
          badRefs.add(step.id);
          add(
            path,
            `${list(wrong)} is not an option of step "${ref}", so this step is unreachable`,
            `use one of its options: ${list(target.options)}`,
          );
        }
      } else if (target.kind === 'yes_no') {
        const wrong = values.filter((v) => typeof v !== 'boolean');
        if (wrong.length > 0) {
          badRefs.add(step.id);
          add(
            path,
            `${list(wrong)} is not an answer of yes/no step "${ref}", so this step is unreachable`,
            'use true or false (without quotes)',
          );
        }
      } else if (target.kind === 'document') {
        badRefs.add(step.id);
        add(
          path,
          `the condition looks at document step "${ref}", whose answer is a file`,
          'base the condition on a choice or yes/no step',
        );
      }
    }
  });
  return badRefs;
}

/** A step no answers can reach is a mistake, unless its condition was already reported. */
function checkReachable({ flow, add, index }: FlowCheck, badRefs: ReadonlySet<string>): void {
  for (const id of unreachableSteps(flow)) {
    const i = index.get(id) ?? 0;
    const step = flow.steps[i];
    if (!step || badRefs.has(id)) continue;
    add(
      `${at(i, step)}.when`,
      `the condition of step "${id}" can never be true with the answers the earlier steps allow`,
      'check which earlier answers the steps it refers to can really have, and their own conditions',
    );
  }
}

/** The applicant's name, NIK, phone and office come from steps of the right kind that always run. */
function checkApplicant({ flow, add, index }: FlowCheck): void {
  for (const [field, kind] of Object.entries(APPLICANT_KINDS)) {
    const ref = flow.applicant[field as keyof typeof APPLICANT_KINDS];
    const path = `applicant.${field}`;
    const i = index.get(ref);
    const step = i === undefined ? undefined : flow.steps[i];
    if (!step) {
      add(
        path,
        `the applicant's ${field} comes from step "${ref}", which this flow does not have`,
        `add a step with id: ${ref} and kind: ${kind}, or point applicant.${field} at an existing ${kind} step`,
      );
    } else if (step.kind !== kind) {
      add(
        path,
        `the applicant's ${field} comes from step "${ref}", a ${step.kind} step; it must be a ${kind} step`,
        `change step "${ref}" to kind: ${kind} or point applicant.${field} elsewhere`,
      );
    } else if (field !== 'phone' && (step.when || step.optional)) {
      add(
        path,
        `step "${ref}" gives the applicant's ${field} but may be skipped, and every application needs it`,
        `remove when:/optional: from step "${ref}"`,
      );
    }
  }
}

function checkRejection(r: Rejection, step: Step, path: string, add: Add): void {
  const rule = Object.keys(r.if)[0] ?? '';
  const kinds = RULE_KINDS[rule] ?? [];
  if (!kinds.includes(step.kind)) {
    add(
      `${path}.if`,
      `the rule "${rule}" does not apply to a ${step.kind} step`,
      `use it on a ${kinds.join(' or ')} step, or remove it`,
    );
  }
  if ('not_matching' in r.if) {
    try {
      new RegExp(r.if.not_matching);
    } catch (e) {
      add(
        `${path}.if.not_matching`,
        `not a valid regular expression: ${(e as Error).message}`,
        'fix the pattern (e.g. ^[0-9]{16}$ for 16 digits)',
      );
    }
  }
}
