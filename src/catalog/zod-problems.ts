import type { z } from 'zod';
import type { CatalogProblem } from './problem.js';

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

/** `['steps', 3, 'when']` -> `steps[3] (surat_kehilangan).when`, naming the step when the data has an id. */
export function formatPath(path: readonly Key[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? (node[key] as unknown) : undefined;
      const id = isRecord(node) && typeof node['id'] === 'string' ? node['id'] : undefined;
      if (id) out += ` (${id})`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node = isRecord(node) ? node[String(key)] : undefined;
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A union failure lists every branch's issues; the branch with the fewest (then deepest) issues
 * is the one the author meant, so only its issues are reported.
 */
function flatten(issue: Issue, prefix: readonly Key[]): Array<{ issue: Issue; path: Key[] }> {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors
      .map((branch) => branch.flatMap((i) => flatten(i, path)))
      .sort((a, b) => a.length - b.length || depth(b) - depth(a));
    const best = branches[0];
    if (best && best.length > 0) return best;
  }
  return [{ issue, path }];
}

function depth(list: Array<{ path: Key[] }>): number {
  return Math.max(0, ...list.map((x) => x.path.length));
}

function fixFor(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => `"${k}"`).join(', ')} or correct the spelling (see src/catalog/flow-schema.ts for the allowed fields)`;
    case 'invalid_union':
      return issue.path.at(-1) === 'kind'
        ? 'use one of: choice, text, number, nik, date, phone, yes_no, kelurahan, document'
        : 'compare with a working flow in flows/ and with src/catalog/flow-schema.ts';
    case 'invalid_type':
      return `write a ${issue.expected} here`;
    case 'too_small':
    case 'too_big':
      return 'change the value or the number of items as the message says';
    case 'invalid_format':
      return 'use lower-case letters, digits and _ for ids; a MIME type such as image/jpeg for accept';
    default:
      return 'compare with a working flow in flows/ and with src/catalog/flow-schema.ts';
  }
}

/** Turns a zod error on one file into problems with readable paths and fixes. */
export function zodProblems(error: z.ZodError, file: string, data: unknown): CatalogProblem[] {
  return error.issues
    .flatMap((i) => flatten(i, []))
    .map(({ issue, path }) => ({
      file,
      path: formatPath(path, data),
      message: issue.message,
      fix: fixFor(issue),
    }));
}
