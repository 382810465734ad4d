import { access } from 'node:fs/promises';
import { z } from 'zod';
import type { Agency } from '../domain/agency.js';
import type { ResolvedPaths } from './catalog-paths.js';
import type { Flow } from './flow-schema.js';
import type { CatalogProblem } from './problem.js';
import { readYaml } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/** The file name of the agency list, in the shipped catalog and in an overlay. */
export const AGENCIES_FILE = 'agencies.yaml';

const agencySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (e.g. dinas_pupr)'),
    name: z.string().min(1),
    short_name: z.string().min(1),
    contact: z.string().min(1).optional(),
    /** What the agency does for an application, as the citizen reads it. */
    task: z
      .object({ id: z.string().min(1), en: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();
const listSchema = z.array(agencySchema);

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Reads the agency list: the overlay's `agencies.yaml` when it has one (it replaces the shipped
 * list whole: another province's dinas are not Jakarta's plus some), else the shipped one. A
 * missing file is an empty list, so a catalog without agencies still loads.
 */
export async function readAgencies(
  paths: ResolvedPaths,
): Promise<{ agencies: Map<string, Agency>; file: string; problems: CatalogProblem[] }> {
  const overlayFile = paths.overlay?.agenciesFile;
  const abs = overlayFile && (await exists(overlayFile)) ? overlayFile : paths.agenciesFile;
  const file = paths.display(abs);
  const agencies = new Map<string, Agency>();
  if (!(await exists(abs))) return { agencies, file, problems: [] };
  const parsed = await readYaml(abs, file);
  if (!parsed.ok) return { agencies, file, problems: parsed.problems };
  const result = listSchema.safeParse(parsed.data ?? []);
  if (!result.success) return { agencies, file, problems: zodProblems(result.error, file, parsed.data) };
  const problems: CatalogProblem[] = [];
  result.data.forEach((a, i) => {
    if (agencies.has(a.id)) {
      problems.push({
        file,
        path: `[${i}].id`,
        message: `"${a.id}" is listed twice`,
        fix: 'list each agency once',
      });
      return;
    }
    agencies.set(a.id, {
      id: a.id,
      name: a.name,
      shortName: a.short_name,
      ...(a.contact ? { contact: a.contact } : {}),
      ...(a.task ? { task: a.task } : {}),
    });
  });
  return { agencies, file, problems };
}

/**
 * Every `agency_steps` entry of a flow names a listed agency (a typo would fail at the counter),
 * and the steps fit in the service's own SLA (the citizen's due date does not move for them).
 */
export function checkAgencyReferences(
  flows: ReadonlyArray<{ flow: Flow; file: string }>,
  agencies: ReadonlyMap<string, Agency>,
  agenciesFile: string,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const { flow, file } of flows) {
    const waits = flow.agency_steps.reduce((sum, s) => sum + s.sla_days, 0);
    if (waits > flow.sla_working_days) {
      problems.push({
        file,
        path: 'agency_steps',
        message: `the agency steps take ${waits} working days, more than the service's ${flow.sla_working_days}`,
        fix: 'shorten the agency steps or raise sla_working_days: the citizen is promised the service SLA',
      });
    }
    flow.agency_steps.forEach((s, i) => {
      if (agencies.has(s.agency)) return;
      problems.push({
        file,
        path: `agency_steps[${i}].agency`,
        message: `there is no agency "${s.agency}"`,
        fix: `use one of the ids in ${agenciesFile} (${[...agencies.keys()].join(', ') || 'none listed'}), or add it there`,
      });
    });
  }
  return problems;
}
