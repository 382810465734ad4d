/**
 * One thing wrong in the catalog, said so that an office clerk editing YAML can fix it: the
 * file, where inside it, what is wrong and what to do.
 */
export interface CatalogProblem {
  /** Relative to the repository root where possible, e.g. `flows/ktp.yaml`. */
  file: string;
  /** Inside the file: `steps[3] (surat_kehilangan).when`, a message key, or `line 4, column 2`. */
  path: string;
  message: string;
  fix: string;
}

/** Renders one problem on two lines, the way the CLI and start-up errors print it. */
export function formatProblem(p: CatalogProblem): string {
  const where = p.path ? `${p.file} > ${p.path}` : p.file;
  return `${where}: ${p.message}\n    fix: ${p.fix}`;
}

/**
 * Thrown by `loadCatalog` when the catalog has problems, so start-up fails with every problem
 * listed at once instead of one per restart.
 */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';

  constructor(readonly problems: readonly CatalogProblem[]) {
    const n = problems.length;
    super(
      `The catalog has ${n} problem${n === 1 ? '' : 's'}:\n` +
        problems.map((p, i) => `${i + 1}. ${formatProblem(p)}`).join('\n'),
    );
  }
}
