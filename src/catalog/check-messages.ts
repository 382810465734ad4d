import type { Lang } from '../domain/lang.js';
import type { Message } from './catalog.js';
import type { Flow } from './flow-schema.js';
import { placeholders } from './flatten-locale.js';
import { messageKeys } from './message-keys.js';
import type { CatalogProblem } from './problem.js';

/** The languages every message must exist in, Bahasa Indonesia first. */
export const LANGS: readonly Lang[] = ['id', 'en'];

/** Flattened messages of one language, with the file each key came from (for the report). */
export interface LocaleSet {
  messages: Record<string, Message>;
  fileOf: Record<string, string>;
}

/** Which locale file a key belongs in, by its first segment. */
function areaFile(localesPath: string, lang: Lang, key: string, flowIds: ReadonlySet<string>): string {
  const head = key.split('.')[0] ?? '';
  const area = head === 'steps' ? 'steps' : flowIds.has(head) ? 'services' : 'engine';
  return `${localesPath}/${lang}.${area}.yaml`;
}

const siblingFile = (file: string, from: Lang, to: Lang): string =>
  file.replace(new RegExp(`(^|/)${from}\\.([^/]*)$`), `$1${to}.$2`);

const shapeOf = (m: Message): 'list' | 'text' => (Array.isArray(m) ? 'list' : 'text');

/** What the parts of the message check share. */
interface MessageCheck {
  locales: Record<Lang, LocaleSet>;
  localesPath: string;
  flowIds: ReadonlySet<string>;
  problems: CatalogProblem[];
  /** Keys already reported per language, so one mistake is not reported twice. */
  reported: Record<Lang, Set<string>>;
}

/**
 * The checks across flows and locales: every key a flow needs exists in both languages with
 * the right shape, both languages have the same keys and the same placeholders, no stale key
 * sits under a service, and the engine's own keys (`requiredKeys`) exist.
 */
export function checkMessages(input: {
  flows: ReadonlyArray<{ flow: Flow; file: string }>;
  locales: Record<Lang, LocaleSet>;
  /** How problems name the locales folder, e.g. `locales`. */
  localesPath: string;
  requiredKeys?: readonly string[];
}): CatalogProblem[] {
  const { flows, locales, localesPath } = input;
  const flowIds = new Set(flows.map((f) => f.flow.id));
  const c: MessageCheck = {
    locales,
    localesPath,
    flowIds,
    problems: [],
    reported: { id: new Set(), en: new Set() },
  };
  for (const { flow, file } of flows) checkFlowKeys(c, flow, file);
  for (const key of input.requiredKeys ?? []) {
    for (const lang of LANGS) requireKey(c, lang, [key], areaFile(localesPath, lang, key, flowIds), key);
  }
  for (const lang of LANGS) checkAgainstOtherLanguage(c, lang);
  return c.problems;
}

/** One of `keys` must exist in `lang`, with the expected shape when one is given. */
function requireKey(
  c: MessageCheck,
  lang: Lang,
  keys: string[],
  file: string,
  path: string,
  shape?: 'text' | 'list',
): void {
  const { locales, localesPath, flowIds, problems, reported } = c;
  const { messages } = locales[lang];
  const found = keys.find((k) => k in messages);
  const first = keys[0] ?? '';
  if (found === undefined) {
    keys.forEach((k) => reported[lang].add(k));
    const target = areaFile(localesPath, lang, first, flowIds);
    problems.push({
      file,
      path,
      message: `missing message ${keys.map((k) => `"${k}"`).join(' or ')} in ${lang === 'id' ? 'Bahasa Indonesia (id)' : 'English (en)'}`,
      fix:
        keys.length > 1
          ? `add ${first} to ${target} (or ${keys.slice(1).join(', ')} to share it between services)`
          : `add ${first} to ${target}`,
    });
    return;
  }
  const value = messages[found];
  if (shape && value !== undefined && shapeOf(value) !== shape) {
    reported[lang].add(found);
    problems.push({
      file: locales[lang].fileOf[found] ?? localesPath,
      path: found,
      message: shape === 'list' ? 'expected a list of lines' : 'expected one text, found a list',
      fix: shape === 'list' ? 'write each line as "- ..." under the key' : 'write the message as one text',
    });
  }
}

/** Every message a flow needs, in both languages, and no message under the flow that nothing uses. */
function checkFlowKeys(c: MessageCheck, flow: Flow, file: string): void {
  const { locales, localesPath, problems, reported } = c;
  const { required, known } = messageKeys(flow);
  for (const lang of LANGS) {
    for (const need of required) requireKey(c, lang, need.keys, file, need.path, need.shape);
    for (const key of Object.keys(locales[lang].messages)) {
      if (key.split('.')[0] === flow.id && !known.has(key)) {
        reported[lang].add(key);
        problems.push({
          file: locales[lang].fileOf[key] ?? localesPath,
          path: key,
          message: `no step, option or rejection of flow "${flow.id}" uses this message`,
          fix: `correct the key's spelling to match flows/${flow.id}.yaml, or remove it`,
        });
      }
    }
  }
}

/** Each message of `lang` exists in the other language too, and (checked once, from id) with the same placeholders. */
function checkAgainstOtherLanguage(c: MessageCheck, lang: Lang): void {
  const { locales, localesPath, problems, reported } = c;
  const other: Lang = lang === 'id' ? 'en' : 'id';
  for (const [key, value] of Object.entries(locales[lang].messages)) {
    const otherValue = locales[other].messages[key];
    const file = locales[lang].fileOf[key] ?? localesPath;
    if (otherValue === undefined) {
      if (reported[other].has(key)) continue;
      problems.push({
        file,
        path: key,
        message: `this message exists in ${lang} but not in ${other}`,
        fix: `add ${key} to ${siblingFile(file, lang, other)}`,
      });
      continue;
    }
    if (lang !== 'id') continue;
    const a = placeholders(value);
    const b = placeholders(otherValue);
    const onlyA = [...a].filter((p) => !b.has(p));
    const onlyB = [...b].filter((p) => !a.has(p));
    if (onlyA.length + onlyB.length > 0) {
      const braces = (ps: string[]): string => ps.map((p) => `{${p}}`).join(', ');
      problems.push({
        file,
        path: key,
        message:
          `the placeholders differ between languages: ` +
          [
            onlyA.length ? `${braces(onlyA)} only in id` : '',
            onlyB.length ? `${braces(onlyB)} only in en` : '',
          ]
            .filter(Boolean)
            .join('; '),
        fix: 'use the same {placeholders} in both languages (translate the words around them, never the names in braces)',
      });
    }
  }
}
