import type { Catalog } from '../../catalog/catalog.js';
import { bullets, lines, lookup, text } from '../../dialogue/render.js';
import type { Lang } from '../../domain/lang.js';
import type { AnswerValue } from '../../domain/application.js';

/**
 * The catalog's words for the officer's screen, from the same locales the bot speaks from, so
 * the officer reads a service's name and a step's label rather than their ids.
 */
export function serviceNameOf(catalog: Catalog | undefined, lang: Lang, serviceId: string): string {
  return catalog && catalog.flows.has(serviceId) ? text(catalog, lang, `${serviceId}.name`) : serviceId;
}

/** A step's short name (`<service>.<step>.label`, then `steps.<step>.label`), as the bot's summary names it. */
export function stepLabelOf(
  catalog: Catalog | undefined,
  lang: Lang,
  serviceId: string,
  stepId: string,
): string {
  const m = catalog && lookup(catalog, lang, [`${serviceId}.${stepId}.label`, `steps.${stepId}.label`]);
  if (typeof m === 'string') return m;
  const words = stepId.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The requirements of a service exactly as the bot's info answer gives them (src/dialogue/info.ts):
 * the heading, the bulleted list, and the in-person note where the service has one. The officer
 * inserts it into a reply.
 */
export function requirementText(catalog: Catalog, lang: Lang, serviceId: string): string | undefined {
  const flow = catalog.flows.get(serviceId);
  if (!flow) return undefined;
  const parts = [
    text(catalog, lang, 'info.requirements', { service: serviceNameOf(catalog, lang, serviceId) }),
    bullets(lines(catalog, lang, `${serviceId}.requirements`)),
  ];
  if (flow.in_person) parts.push(text(catalog, lang, `${serviceId}.in_person`));
  return parts.join('\n');
}

/** Every service of the catalog, in menu order, as `[id, name]` for a select. */
export function serviceChoices(catalog: Catalog, lang: Lang): Array<[string, string]> {
  return [...catalog.flows.keys()].map((id) => [id, serviceNameOf(catalog, lang, id)]);
}

/** An answer in words: a choice as its option label, yes/no as words, a kelurahan by name. */
export function answerWords(
  catalog: Catalog | undefined,
  lang: Lang,
  serviceId: string,
  stepId: string,
  value: AnswerValue,
): string {
  if (value === null) return '-';
  if (typeof value === 'boolean')
    return catalog ? text(catalog, lang, value ? 'word.yes' : 'word.no') : String(value);
  const s = String(value);
  if (!catalog) return s;
  const step = catalog.flows.get(serviceId)?.steps.find((x) => x.id === stepId);
  if (step?.kind === 'choice') return text(catalog, lang, `${serviceId}.${stepId}.options.${s}`);
  if (step?.kind === 'kelurahan') return catalog.kelurahan.get(s)?.name ?? s;
  return s;
}
