import path from 'node:path';
import { z } from 'zod';
import type { ResolvedPaths } from './catalog-paths.js';
import type { CatalogProblem } from './problem.js';
import { listDir } from './read-flows.js';
import { readYaml } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/**
 * Only what the catalog check needs from `intents/services/<id>.yaml`; the NLU owns the
 * rest of the format, so other fields pass through.
 */
const serviceIntentSchema = z.looseObject({
  keywords: z.array(z.string()).default([]),
  examples: z.array(z.string().min(1)).min(1, 'a service needs at least one training phrase'),
});

/** One folder of service phrase files, as named in problems. */
interface PhraseDir {
  dir: string;
  shown: string;
  names: string[];
}

async function phraseDir(intentsDir: string, paths: ResolvedPaths): Promise<PhraseDir> {
  const dir = path.join(intentsDir, 'services');
  const shown = paths.display(dir);
  const listed = await listDir(dir, shown);
  return { dir, shown, names: Array.isArray(listed) ? listed : [] };
}

/** One service's phrase file parses and has at least one example. */
async function checkPhraseFile(abs: string, file: string): Promise<CatalogProblem[]> {
  const parsed = await readYaml(abs, file);
  if (!parsed.ok) return parsed.problems;
  const result = serviceIntentSchema.safeParse(parsed.data ?? {});
  if (result.success) return [];
  return zodProblems(result.error, file, parsed.data).map((p) => ({
    ...p,
    fix: 'write examples: as a list with at least one phrase a citizen would type',
  }));
}

/**
 * Every service must have training phrases, or the NLU can never send a citizen to it; and
 * phrases for a service without a flow would send citizens nowhere. With an overlay
 * (CATALOG_DIR), its `intents/services/<id>.yaml` is used instead of the shipped one, and a
 * missing file is to be created there, since the shipped folders are never edited.
 */
export async function checkServiceIntents(
  paths: ResolvedPaths,
  serviceIds: readonly string[],
): Promise<CatalogProblem[]> {
  const shipped = await phraseDir(paths.intentsDir, paths);
  const overlay = paths.overlay ? await phraseDir(paths.overlay.intentsDir, paths) : undefined;
  const problems: CatalogProblem[] = [];

  for (const id of serviceIds) {
    const name = `${id}.yaml`;
    const from = overlay?.names.includes(name) ? overlay : shipped.names.includes(name) ? shipped : undefined;
    if (!from) {
      const file = paths.display(path.join((overlay ?? shipped).dir, name));
      problems.push({
        file,
        path: '',
        message: `service "${id}" has no training phrases, so the bot cannot recognise requests for it`,
        fix: `create ${file} with examples: (a list of ways citizens ask for it, slang and typos included) and keywords:`,
      });
      continue;
    }
    problems.push(
      ...(await checkPhraseFile(path.join(from.dir, name), paths.display(path.join(from.dir, name)))),
    );
  }
  for (const { shown, names } of overlay ? [shipped, overlay] : [shipped]) {
    for (const name of names) {
      const id = name.replace(/\.ya?ml$/, '');
      if (name !== id && !serviceIds.includes(id)) {
        problems.push({
          file: `${shown}/${name}`,
          path: '',
          message: `training phrases for "${id}", but there is no flows/${id}.yaml`,
          fix: `add the flow, or rename the file to the id of an existing service`,
        });
      }
    }
  }
  return problems;
}
