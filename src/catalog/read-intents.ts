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

/**
 * Every service must have training phrases, or the NLU can never send a citizen to it; and
 * phrases for a service without a flow would send citizens nowhere.
 */
export async function checkServiceIntents(
  paths: ResolvedPaths,
  serviceIds: readonly string[],
): Promise<CatalogProblem[]> {
  const dir = path.join(paths.intentsDir, 'services');
  const shownDir = paths.display(dir);
  const listed = await listDir(dir, shownDir);
  const names = Array.isArray(listed) ? listed : [];
  const problems: CatalogProblem[] = [];

  for (const id of serviceIds) {
    const abs = path.join(dir, `${id}.yaml`);
    const file = paths.display(abs);
    if (!names.includes(`${id}.yaml`)) {
      problems.push({
        file,
        path: '',
        message: `service "${id}" has no training phrases, so the bot cannot recognise requests for it`,
        fix: `create ${file} with examples: (a list of ways citizens ask for it, slang and typos included) and keywords:`,
      });
      continue;
    }
    const parsed = await readYaml(abs, file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = serviceIntentSchema.safeParse(parsed.data ?? {});
    if (!result.success) {
      problems.push(
        ...zodProblems(result.error, file, parsed.data).map((p) => ({
          ...p,
          fix: 'write examples: as a list with at least one phrase a citizen would type',
        })),
      );
    }
  }
  for (const name of names) {
    const id = name.replace(/\.ya?ml$/, '');
    if (name !== id && !serviceIds.includes(id)) {
      problems.push({
        file: `${shownDir}/${name}`,
        path: '',
        message: `training phrases for "${id}", but there is no flows/${id}.yaml`,
        fix: `add the flow, or rename the file to the id of an existing service`,
      });
    }
  }
  return problems;
}
