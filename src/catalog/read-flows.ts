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

/** One folder of flows as read, before the overlay is laid over the shipped ones. */
interface FlowDir {
  /** By file id (the name without .yaml), which is what an overlay file replaces. */
  flows: Map<string, { flow: Flow; file: string }>;
  fileIds: string[];
  order?: { ids: string[]; file: string };
  problems: CatalogProblem[];
}

/** Reads one folder's `<id>.yaml` files and `_order.yaml`; an optional folder may be missing. */
async function readFlowDir(dir: string, paths: ResolvedPaths, optional: boolean): Promise<FlowDir> {
  const problems: CatalogProblem[] = [];
  const flows = new Map<string, { flow: Flow; file: string }>();
  const names = await listDir(dir, paths.display(dir));
  if (!Array.isArray(names)) return { flows, fileIds: [], problems: optional ? [] : [names] };
  const fileIds = names.filter((n) => n.endsWith('.yaml') && !n.startsWith('_')).map((n) => n.slice(0, -5));

  for (const name of names) {
    const abs = path.join(dir, name);
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
    const fileId = name.slice(0, -'.yaml'.length);
    problems.push(...checkFlow(result.data, file, fileId));
    flows.set(fileId, { flow: result.data, file });
  }
  if (!names.includes(ORDER_FILE)) return { flows, fileIds, problems };
  const file = paths.display(path.join(dir, ORDER_FILE));
  const parsed = await readYaml(path.join(dir, ORDER_FILE), file);
  if (!parsed.ok) return { flows, fileIds, problems: [...problems, ...parsed.problems] };
  const result = orderSchema.safeParse(parsed.data ?? []);
  if (!result.success)
    return { flows, fileIds, problems: [...problems, ...zodProblems(result.error, file, parsed.data)] };
  return { flows, fileIds, order: { ids: result.data, file }, problems };
}

/** Each id in the menu order names a flow, once. */
function checkOrder(order: { ids: string[]; file: string }, ids: ReadonlySet<string>): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const { file } = order;
  order.ids.forEach((id, i) => {
    if (!ids.has(id)) {
      problems.push({
        file,
        path: `[${i}]`,
        message: `there is no flow "${id}"`,
        fix: `remove it or add flows/${id}.yaml`,
      });
    } else if (order.ids.indexOf(id) !== i) {
      problems.push({
        file,
        path: `[${i}]`,
        message: `"${id}" is listed twice`,
        fix: 'list each service once',
      });
    }
  });
  return problems;
}

/**
 * Reads every `flows/<id>.yaml` (defaults filled by zod, then the cross-step checks) and
 * puts them in menu order: the ids in `flows/_order.yaml` first, then the rest alphabetically,
 * so a new service shows up without editing the order. With an overlay (CATALOG_DIR), its
 * `flows/<id>.yaml` replaces the shipped file of that name whole or adds a service, and its
 * `flows/_order.yaml`, when present, replaces the shipped order.
 */
export async function readFlows(paths: ResolvedPaths): Promise<{
  flows: Array<{ flow: Flow; file: string }>;
  fileIds: string[];
  /** Ids of the flows the overlay's files hold (replaced or added). */
  fromOverlay: Set<string>;
  problems: CatalogProblem[];
}> {
  const shipped = await readFlowDir(paths.flowsDir, paths, false);
  const overlay = paths.overlay ? await readFlowDir(paths.overlay.flowsDir, paths, true) : undefined;
  const byFile = new Map([...shipped.flows, ...(overlay?.flows ?? [])]);
  const fileIds = [...new Set([...shipped.fileIds, ...(overlay?.fileIds ?? [])])].sort();
  const problems = [...shipped.problems, ...(overlay?.problems ?? [])];
  const flows = [...byFile.values()];

  const orderFile = overlay?.order ?? shipped.order;
  if (orderFile) problems.push(...checkOrder(orderFile, new Set(flows.map((f) => f.flow.id))));
  const order = orderFile?.ids ?? [];
  const rank = (id: string): number => {
    const i = order.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  flows.sort((a, b) => rank(a.flow.id) - rank(b.flow.id) || a.flow.id.localeCompare(b.flow.id));
  const fromOverlay = new Set([...(overlay?.flows.values() ?? [])].map((f) => f.flow.id));
  return { flows, fileIds, fromOverlay, problems };
}
