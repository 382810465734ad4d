import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { CatalogProblem } from './problem.js';

/** A parsed YAML file, or why it could not be parsed (with line and column). */
export type YamlResult = { ok: true; data: unknown } | { ok: false; problems: CatalogProblem[] };

/**
 * Parses YAML text the way every catalog file is read: YAML 1.2 core schema, duplicate keys
 * refused (a second `ask:` silently winning is the kind of mistake this check exists for).
 */
export function parseYaml(text: string, file: string): YamlResult {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          file,
          path: pos ? `line ${pos.line}, column ${pos.col}` : '',
          message: `YAML syntax error: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
          fix:
            e.code === 'DUPLICATE_KEY'
              ? 'keep only one of the repeated keys'
              : 'check the indentation (spaces, not tabs), the colons and the closing brackets and quotes',
        };
      }),
    };
  }
  return { ok: true, data: doc.toJS() as unknown };
}

/** Reads and parses one catalog YAML file; `file` is the name problems report. */
export async function readYaml(absPath: string, file: string): Promise<YamlResult> {
  return parseYaml(await readFile(absPath, 'utf8'), file);
}
