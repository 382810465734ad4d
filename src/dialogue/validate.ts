import type { Step } from '../catalog/flow-schema.js';
import type { Attempt } from './attempt.js';
import type { Ctx } from './context.js';
import { t } from './context.js';
import { jakartaDay, parseDate } from './dates.js';
import { optionLabel } from './flow-steps.js';
import { isDone, isSkip, parseYesNo } from './keywords.js';
import { KELURAHAN_AGAIN, kelurahanAnswer, kelurahanByCode } from './kelurahan-step.js';
import { matchMenu } from './menu-match.js';
import { decode } from './menu-values.js';
import { checkNik } from './nik-check.js';
import { parseNumber } from './number.js';
import { normalizePhone } from './phone.js';
import { failedRejection } from './rejections.js';
import type { MenuOption } from './types.js';

/** The step's options as a menu (choice and yes/no steps). */
export function stepOptions(ctx: Ctx, serviceId: string, step: Step): MenuOption[] {
  if (step.kind === 'choice') {
    return step.options.map((value) => ({ value, label: optionLabel(ctx, serviceId, step.id, value) }));
  }
  if (step.kind === 'yes_no') {
    return [
      { value: 'yes', label: t(ctx, 'word.yes') },
      { value: 'no', label: t(ctx, 'word.no') },
    ];
  }
  return [];
}

function parseKind(ctx: Ctx, serviceId: string, step: Step, typed: string): Attempt {
  const text = typed.trim();
  switch (step.kind) {
    case 'choice': {
      const m = matchMenu(stepOptions(ctx, serviceId, step), text, { loose: true });
      return m.kind === 'match'
        ? { kind: 'value', value: m.option.value }
        : { kind: 'invalid', key: 'invalid.choice', params: { count: step.options.length } };
    }
    case 'yes_no': {
      const yes = parseYesNo(text) ?? yesNoByNumber(text);
      return yes === undefined ? { kind: 'invalid', key: 'invalid.yes_no' } : { kind: 'value', value: yes };
    }
    case 'text':
      if (!text) return { kind: 'invalid', key: 'invalid.text.empty' };
      return text.length > step.max_length
        ? { kind: 'invalid', key: 'invalid.text.too_long', params: { max: step.max_length } }
        : { kind: 'value', value: text.replace(/\s+/g, ' ') };
    case 'number': {
      const n = parseNumber(text, step.integer);
      return n === undefined
        ? { kind: 'invalid', key: step.integer ? 'invalid.number.integer' : 'invalid.number.any' }
        : { kind: 'value', value: n };
    }
    case 'nik': {
      const r = checkNik(text, new Date(ctx.at));
      return r.ok ? { kind: 'value', value: r.nik } : { kind: 'invalid', key: `invalid.nik.${r.problem}` };
    }
    case 'date': {
      const r = parseDate(text, jakartaDay(ctx.at));
      return r.ok ? { kind: 'value', value: r.iso } : { kind: 'invalid', key: `invalid.date.${r.problem}` };
    }
    case 'phone': {
      const phone = normalizePhone(text);
      return phone ? { kind: 'value', value: phone } : { kind: 'invalid', key: 'invalid.phone' };
    }
    case 'kelurahan':
      return kelurahanAnswer(ctx, step.id, text);
    case 'document':
      return isDone(text) ? { kind: 'done' } : { kind: 'invalid', key: 'invalid.document.expected' };
  }
}

function yesNoByNumber(text: string): boolean | undefined {
  const n = text.trim();
  return n === '1' ? true : n === '2' ? false : undefined;
}

/** Applies the flow's rejections to a parsed value: the first failing one refuses it. */
function withRejections(ctx: Ctx, step: Step, attempt: Attempt): Attempt {
  if (attempt.kind !== 'value') return attempt;
  const rejection = failedRejection(step, attempt.value, jakartaDay(ctx.at));
  return rejection ? { kind: 'invalid', key: rejection.message } : attempt;
}

/**
 * A typed answer to a step: "lewati" on an optional step, then the kind's own parsing, then
 * the flow's rejections. The same for a flow and for an officer-requested revision.
 */
export function typedAnswer(ctx: Ctx, serviceId: string, step: Step, typed: string): Attempt {
  if (step.optional && isSkip(typed)) return { kind: 'value', value: null };
  return withRejections(ctx, step, parseKind(ctx, serviceId, step, typed));
}

/** A pressed option as an answer to the step, or undefined when the value is not one of its options. */
export function choiceAnswer(ctx: Ctx, step: Step, value: string): Attempt | undefined {
  let attempt: Attempt | undefined;
  if (step.kind === 'choice' && step.options.includes(value)) attempt = { kind: 'value', value };
  else if (step.kind === 'yes_no' && (value === 'yes' || value === 'no'))
    attempt = { kind: 'value', value: value === 'yes' };
  else if (step.kind === 'kelurahan') {
    const action = decode(value);
    if (action?.kind === 'kelurahan') attempt = kelurahanByCode(ctx, action.code);
    else if (action?.kind === 'kelurahan_again') attempt = KELURAHAN_AGAIN;
  }
  return attempt && withRejections(ctx, step, attempt);
}
