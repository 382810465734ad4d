import path from 'node:path';
import { PROJECT_ROOT } from '../config/project-root.js';

/** Where the catalog lives; tests and offices point these at other folders. */
export interface CatalogPaths {
  /** The repository root; defaults to the one this file is in. */
  root?: string;
  /** Defaults to `<root>/flows`. */
  flowsDir?: string;
  /** Defaults to `<root>/locales`. */
  localesDir?: string;
  /** Defaults to `<root>/intents`. */
  intentsDir?: string;
}

/** Absolute folders, plus how to name a file in a problem (relative to the root when inside it). */
export interface ResolvedPaths {
  root: string;
  flowsDir: string;
  localesDir: string;
  intentsDir: string;
  display(absPath: string): string;
}

/** Fills the defaults so every reader agrees on the folders. */
export function resolveCatalogPaths(paths: CatalogPaths = {}): ResolvedPaths {
  const root = path.resolve(paths.root ?? PROJECT_ROOT);
  const display = (abs: string): string => {
    const rel = path.relative(root, abs);
    return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs).split(path.sep).join('/');
  };
  return {
    root,
    flowsDir: path.resolve(root, paths.flowsDir ?? 'flows'),
    localesDir: path.resolve(root, paths.localesDir ?? 'locales'),
    intentsDir: path.resolve(root, paths.intentsDir ?? 'intents'),
    display,
  };
}
