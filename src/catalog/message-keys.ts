import type { Message } from './catalog.js';
import type { Flow } from './flow-schema.js';

/** Keys directly under a service; a step may not take one of these ids or its keys would collide. */
export const SERVICE_FIELDS = [
  'name',
  'description',
  'requirements',
  'in_person',
  'fee_note',
  'bring_originals',
] as const;

/** One message a flow needs: any of `keys` satisfies it (the service-specific one first). */
export interface KeyNeed {
  keys: string[];
  /** Where in the flow file the need comes from, for the problem report. */
  path: string;
  /** `list` for requirements; everything else is one line of text. */
  shape: 'text' | 'list';
}

/** Every message key a flow needs, and every key under its namespace it may use. */
export interface FlowKeys {
  required: KeyNeed[];
  /** Service-namespace keys the flow can use (required or optional), to spot stale or misspelt ones. */
  known: Set<string>;
}

/** `<service>.<step>.ask`, falling back to `steps.<step>.ask` so common steps need no lines per service. */
export function askKeys(serviceId: string, stepId: string): [string, string] {
  return [`${serviceId}.${stepId}.ask`, `steps.${stepId}.ask`];
}

/** `<service>.<step>.help`, falling back to `steps.<step>.help` (e.g. one photo advice for every KK upload). */
export function helpKeys(serviceId: string, stepId: string): [string, string] {
  return [`${serviceId}.${stepId}.help`, `steps.${stepId}.help`];
}

/** The key to read a step's prompt from, or undefined when neither key exists (the check reports that). */
export function askKey(
  messages: Readonly<Record<string, Message>>,
  serviceId: string,
  stepId: string,
): string | undefined {
  return askKeys(serviceId, stepId).find((k) => k in messages);
}

/** The key to read a step's help from, or undefined when the step has none. */
export function helpKey(
  messages: Readonly<Record<string, Message>>,
  serviceId: string,
  stepId: string,
): string | undefined {
  return helpKeys(serviceId, stepId).find((k) => k in messages);
}

/**
 * Derives the message keys from the flow and step ids (the naming convention in
 * flow-schema.ts), so the checker and the engine agree on them without a list kept by hand.
 */
export function messageKeys(flow: Flow): FlowKeys {
  const s = flow.id;
  const required: KeyNeed[] = [
    { keys: [`${s}.name`], path: 'id', shape: 'text' },
    { keys: [`${s}.description`], path: 'id', shape: 'text' },
    { keys: [`${s}.requirements`], path: 'id', shape: 'list' },
  ];
  if (flow.in_person) required.push({ keys: [`${s}.in_person`], path: 'in_person', shape: 'text' });
  // `bring_originals` (optional): what to bring to the office, said after submitting; falls back to submit.bring_originals.
  const known = new Set([
    `${s}.name`,
    `${s}.description`,
    `${s}.requirements`,
    `${s}.fee_note`,
    `${s}.bring_originals`,
  ]);
  if (flow.in_person) known.add(`${s}.in_person`);

  flow.steps.forEach((step, i) => {
    const at = `steps[${i}] (${step.id})`;
    const ask = askKeys(s, step.id);
    required.push({ keys: ask, path: at, shape: 'text' });
    known.add(ask[0]);
    const help = helpKeys(s, step.id);
    known.add(help[0]);
    // A short name for the step (summary lines, "Foto KTP diterima"); falls back to steps.<step>.label.
    known.add(`${s}.${step.id}.label`);
    // A citizen sending a blurry photo costs an officer a revision round: uploads must say what a good one looks like.
    if (step.kind === 'document') required.push({ keys: help, path: at, shape: 'text' });
    if (step.kind === 'choice') {
      for (const option of step.options) {
        const key = `${s}.${step.id}.options.${option}`;
        required.push({ keys: [key], path: `${at}.options`, shape: 'text' });
        known.add(key);
      }
    }
    step.rejections.forEach((r, j) => {
      required.push({ keys: [r.message], path: `${at}.rejections[${j}].message`, shape: 'text' });
      known.add(r.message);
    });
  });
  return { required, known };
}
