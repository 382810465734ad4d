import path from 'node:path';
import type { Lang } from '../domain/lang.js';
import type { ResolvedPaths } from './catalog-paths.js';
import type { LocaleSet } from './check-messages.js';
import { flattenLocale } from './flatten-locale.js';
import type { CatalogProblem } from './problem.js';
import { listDir } from './read-flows.js';
import { readYaml } from './yaml-file.js';

const LOCALE_FILE = /^(id|en)\.[a-z0-9_-]+\.yaml$/;

/**
 * Reads every `locales/<lang>.<area>.yaml` into one flat key map per language, remembering
 * which file each key came from. The same key in two files of one language is a problem:
 * which one wins would depend on file names.
 */
export async function readLocales(
  paths: ResolvedPaths,
): Promise<{ locales: Record<Lang, LocaleSet>; problems: CatalogProblem[] }> {
  const locales: Record<Lang, LocaleSet> = {
    id: { messages: {}, fileOf: {} },
    en: { messages: {}, fileOf: {} },
  };
  const problems: CatalogProblem[] = [];
  const names = await listDir(paths.localesDir, paths.display(paths.localesDir));
  if (!Array.isArray(names)) return { locales, problems: [names] };

  for (const name of names) {
    const abs = path.join(paths.localesDir, name);
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
