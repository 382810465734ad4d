import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ResolvedPaths } from './catalog-paths.js';
import { checkFlow } from './check-flow.js';
import { flowSchema } from './flow-schema.js';
import type { Flow } from './flow-schema.js';
import type { CatalogProblem } from './problem.js';
import { readYaml } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/** The optional menu order: a YAML list of service ids. */
const ORDER_FILE = '_order.yaml';
const orderSchema = z.array(z.string());

/** Lists a folder's file names, or a problem when the folder is missing. */
export async function listDir(dir: string, shown: string): Promise<string[] | CatalogProblem> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    return {
      file: shown,
      path: '',
      message: 'folder not found',
      fix: `create the folder ${shown} (or pass the right folder)`,
    };
  }
}

/**
 * Reads every `flows/<id>.yaml` (defaults filled by zod, then the cross-step checks) and
 * puts them in menu order: the ids in `flows/_order.yaml` first, then the rest alphabetically,
 * so a new service shows up without editing the order.
 */
export async function readFlows(
  paths: ResolvedPaths,
): Promise<{ flows: Array<{ flow: Flow; file: string }>; fileIds: string[]; problems: CatalogProblem[] }> {
  const problems: CatalogProblem[] = [];
  const names = await listDir(paths.flowsDir, paths.display(paths.flowsDir));
  if (!Array.isArray(names)) return { flows: [], fileIds: [], problems: [names] };
  const fileIds = names.filter((n) => n.endsWith('.yaml') && !n.startsWith('_')).map((n) => n.slice(0, -5));

  const flows: Array<{ flow: Flow; file: string }> = [];
  for (const name of names) {
    const abs = path.join(paths.flowsDir, name);
    const file = paths.display(abs);
    if (name.endsWith('.yml')) {
      problems.push({
        file,
        path: '',
        message: 'flow files end in .yaml',
        fix: `rename it to ${name.replace(/\.yml$/, '.yaml')}`,
      });
      continue;
    }
    if (!name.endsWith('.yaml') || name.startsWith('_')) continue;
    const parsed = await readYaml(abs, file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = flowSchema.safeParse(parsed.data);
    if (!result.success) {
      problems.push(...zodProblems(result.error, file, parsed.data));
      continue;
    }
    problems.push(...checkFlow(result.data, file, name.slice(0, -'.yaml'.length)));
    flows.push({ flow: result.data, file });
  }

  let order: string[] = [];
  if (names.includes(ORDER_FILE)) {
    const file = paths.display(path.join(paths.flowsDir, ORDER_FILE));
    const parsed = await readYaml(path.join(paths.flowsDir, ORDER_FILE), file);
    if (!parsed.ok) problems.push(...parsed.problems);
    else {
      const result = orderSchema.safeParse(parsed.data ?? []);
      if (!result.success) problems.push(...zodProblems(result.error, file, parsed.data));
      else order = result.data;
    }
    const ids = new Set(flows.map((f) => f.flow.id));
    order.forEach((id, i) => {
      if (!ids.has(id)) {
        problems.push({
          file,
          path: `[${i}]`,
          message: `there is no flow "${id}"`,
          fix: `remove it or add flows/${id}.yaml`,
        });
      } else if (order.indexOf(id) !== i) {
        problems.push({
          file,
          path: `[${i}]`,
          message: `"${id}" is listed twice`,
          fix: 'list each service once',
        });
      }
    });
  }
  const rank = (id: string): number => {
    const i = order.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  flows.sort((a, b) => rank(a.flow.id) - rank(b.flow.id) || a.flow.id.localeCompare(b.flow.id));
  return { flows, fileIds, problems };
}
