import type { Lang } from '../../domain/lang.js';

/**
 * A console word table: each key says its text in every console language. Each feature keeps its
 * own table in its own file; only this shape and the lookup below are shared.
 */
export type WordTable<K extends string = string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

/** Values for a text's `{name}` placeholders. */
export type WordParams = Readonly<Record<string, string | number>>;

/**
 * The text for `key` in `lang`. With `params`, every `{name}` placeholder whose name is given is
 * filled in; a placeholder without a value stays as written, so a missing value shows instead of
 * vanishing.
 */
export type WordLookup<K extends string> = (lang: Lang, key: K, params?: WordParams) => string;

/**
 * The typed lookup of `table`: one implementation for every word table, so each table only lists
 * words and a key the table lacks is a compile error at the call site.
 */
export function wordsOf<K extends string>(table: WordTable<K>): WordLookup<K> {
  return (lang, key, params) => {
    const text = table[key][lang];
    if (params === undefined) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
