import type { Rejection, Step } from '../catalog/flow-schema.js';
import type { AnswerValue } from '../domain/application.js';
import { daysBetween, yearsBetween } from './dates.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function fails(rule: Rejection['if'], value: AnswerValue, today: string | undefined): boolean {
  const asText = String(value);
  const isDay = typeof value === 'string' && ISO_DAY.test(value);
  if ('shorter_than' in rule) return asText.length < rule.shorter_than;
  if ('longer_than' in rule) return asText.length > rule.longer_than;
  if ('not_matching' in rule) {
    try {
      return !new RegExp(rule.not_matching, 'u').test(asText);
    } catch {
      // A bad pattern is the catalog's bug; refusing every answer would trap the citizen.
      return false;
    }
  }
  if ('below' in rule) return typeof value === 'number' && value < rule.below;
  if ('above' in rule) return typeof value === 'number' && value > rule.above;
  if (!isDay || today === undefined) return false;
  if ('age_under' in rule) return yearsBetween(value, today) < rule.age_under;
  if ('in_future' in rule) return value > today;
  return daysBetween(value, today) > rule.older_than_days;
}

/**
 * The first of the step's rejections that refuses this answer, in the flow's order, or
 * undefined when the answer stands. A skipped optional step (null) is never refused.
 */
export function failedRejection(
  step: Step,
  value: AnswerValue,
  today: string | undefined,
): Rejection | undefined {
  if (value === null) return undefined;
  return step.rejections.find((r) => fails(r.if, value, today));
}
