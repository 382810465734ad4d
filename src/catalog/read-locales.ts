import path from 'node:path';
import type { Lang } from '../domain/lang.js';
import type { ResolvedPaths } from './catalog-paths.js';
import type { LocaleSet } from './check-messages.js';
import { flattenLocale } from './flatten-locale.js';
import type { CatalogProblem } from './problem.js';
import { listDir } from './read-flows.js';
import { readYaml } from './yaml-file.js';

const LOCALE_FILE = /^(id|en)\.[a-z0-9_-]+\.yaml$/;

const emptyLocales = (): Record<Lang, LocaleSet> => ({
  id: { messages: {}, fileOf: {} },
  en: { messages: {}, fileOf: {} },
});

/**
 * Reads one folder's `<lang>.<area>.yaml` files into one flat key map per language,
 * remembering which file each key came from. The same key in two files of one language is a
 * problem: which one wins would depend on file names.
 */
async function readLocaleDir(
  dir: string,
  paths: ResolvedPaths,
  optional: boolean,
): Promise<{ locales: Record<Lang, LocaleSet>; problems: CatalogProblem[] }> {
  const locales = emptyLocales();
  const problems: CatalogProblem[] = [];
  const names = await listDir(dir, paths.display(dir));
  if (!Array.isArray(names)) return { locales, problems: optional ? [] : [names] };

  for (const name of names) {
    const abs = path.join(dir, name);
    const file = paths.display(abs);
    const match = LOCALE_FILE.exec(name);
    if (!match) {
      if (/\.ya?ml$/.test(name)) {
        problems.push({
          file,
          path: '',
          message: 'locale files are named <lang>.<area>.yaml with lang id or en',
          fix: 'rename it, e.g. id.services.yaml or en.steps.yaml',
        });
      }
      continue;
    }
    const lang = match[1] as Lang;
    const parsed = await readYaml(abs, file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const flat = flattenLocale(parsed.data, file);
    problems.push(...flat.problems);
    const set = locales[lang];
    for (const [key, value] of Object.entries(flat.messages)) {
      const before = set.fileOf[key];
      if (before !== undefined) {
        problems.push({
          file,
          path: key,
          message: `this key is also in ${before}`,
          fix: 'keep it in one file only',
        });
        continue;
      }
      set.messages[key] = value;
      set.fileOf[key] = file;
    }
  }
  return { locales, problems };
}

/**
 * Reads every `locales/<lang>.<area>.yaml` into one flat key map per language. With an
 * overlay (CATALOG_DIR), each key its `locales/<lang>.<area>.yaml` files hold replaces the
 * shipped message of that key (a list, such as requirements, is replaced whole) or adds one;
 * every other shipped key stays. `overlayKeys` and `addedKeys` say, per language, which keys
 * the overlay set and which of those replace nothing, for the overlay's own checks.
 */
export async function readLocales(paths: ResolvedPaths): Promise<{
  locales: Record<Lang, LocaleSet>;
  /** Per language, the keys the overlay set. */
  overlayKeys: Record<Lang, Set<string>>;
  /** Per language, the overlay's keys that replace nothing. */
  addedKeys: Record<Lang, string[]>;
  problems: CatalogProblem[];
}> {
  const shipped = await readLocaleDir(paths.localesDir, paths, false);
  if (!paths.overlay)
    return { ...shipped, overlayKeys: { id: new Set(), en: new Set() }, addedKeys: { id: [], en: [] } };
  const overlay = await readLocaleDir(paths.overlay.localesDir, paths, true);
  const locales = shipped.locales;
  const addedKeys: Record<Lang, string[]> = { id: [], en: [] };
  const overlayKeys: Record<Lang, Set<string>> = { id: new Set(), en: new Set() };
  for (const lang of ['id', 'en'] as const) {
    addedKeys[lang] = Object.keys(overlay.locales[lang].messages).filter(
      (k) => !(k in locales[lang].messages),
    );
    overlayKeys[lang] = new Set(Object.keys(overlay.locales[lang].messages));
    Object.assign(locales[lang].messages, overlay.locales[lang].messages);
    Object.assign(locales[lang].fileOf, overlay.locales[lang].fileOf);
  }
  return { locales, overlayKeys, addedKeys, problems: [...shipped.problems, ...overlay.problems] };
}
