import type { Message } from './catalog.js';
import type { CatalogProblem } from './problem.js';

/**
 * Locale files are nested maps for people (`ktp: { jenis: { ask: ... } }`) and dot keys for
 * code (`ktp.jenis.ask`). Leaves must be text or a list of text; anything else is reported.
 */
export function flattenLocale(
  data: unknown,
  file: string,
): { messages: Record<string, Message>; problems: CatalogProblem[] } {
  const messages: Record<string, Message> = {};
  const problems: CatalogProblem[] = [];
  const bad = (key: string, what: string): void => {
    problems.push({
      file,
      path: key || '(top level)',
      message: `expected text or a list of text, found ${what}`,
      fix: 'write the message as text (quote it if it starts with a special character such as * or {)',
    });
  };
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') messages[key] = node;
    else if (Array.isArray(node)) {
      if (node.every((x): x is string => typeof x === 'string')) messages[key] = node;
      else bad(key, 'a list with something other than text in it');
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
    } else bad(key, node === null || node === undefined ? 'nothing' : typeof node);
  };
  if (data === null || data === undefined) return { messages, problems };
  if (typeof data !== 'object' || Array.isArray(data)) bad('', 'something that is not a map of keys');
  else walk(data, '');
  return { messages, problems };
}

/** `{name}` placeholders in a message, for checking both languages fill the same ones. */
export function placeholders(message: Message): Set<string> {
  const text = Array.isArray(message) ? message.join('\n') : message;
  return new Set([...text.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)].map((m) => m[1] ?? ''));
}
