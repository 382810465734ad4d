import type { Catalog, Message } from '../catalog/catalog.js';
import type { Lang } from './types.js';

/** Values for `{name}` placeholders in a message. */
export type Params = Readonly<Record<string, string | number>>;

/**
 * Fills `{name}` placeholders in one pass, so a value that itself contains braces (a name the
 * citizen typed) is never expanded again. Unknown placeholders stay visible rather than vanish.
 */
export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The first of `keys` that exists in the citizen's language, then in Bahasa Indonesia: a key
 * missing in English still says something useful instead of nothing.
 */
export function lookup(catalog: Catalog, lang: Lang, keys: readonly string[]): Message | undefined {
  for (const l of lang === 'id' ? (['id'] as const) : ([lang, 'id'] as const)) {
    const messages = catalog.messages[l];
    for (const key of keys) {
      const m = messages[key];
      if (m !== undefined) return m;
    }
  }
  return undefined;
}

/** Whether any of `keys` exists, for optional messages such as `<service>.<step>.help`. */
export function has(catalog: Catalog, lang: Lang, keys: readonly string[]): boolean {
  return lookup(catalog, lang, keys) !== undefined;
}

/**
 * One message as text, lists joined by lines. A missing key renders as the key itself: the
 * catalog check catches it before start-up, and the engine must never throw over it.
 */
export function text(
  catalog: Catalog,
  lang: Lang,
  keys: string | readonly string[],
  params?: Params,
): string {
  const list = typeof keys === 'string' ? [keys] : keys;
  const m = lookup(catalog, lang, list);
  if (m === undefined) return list[0] ?? '';
  return fill(Array.isArray(m) ? m.join('\n') : m, params);
}

/** A list message (requirements) as its lines; a single text counts as one line. */
export function lines(catalog: Catalog, lang: Lang, key: string, params?: Params): string[] {
  const m = lookup(catalog, lang, [key]);
  if (m === undefined) return [];
  return (Array.isArray(m) ? m : [m]).map((line) => fill(line, params));
}

/** Bulleted lines, the one list style every reply uses. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `• ${item}`).join('\n');
}
