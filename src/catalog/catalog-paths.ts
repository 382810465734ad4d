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
  /** Defaults to `<root>/agencies.yaml`. */
  agenciesFile?: string;
  /**
   * CATALOG_DIR: a deployment's own catalog, layered over the shipped one (its `flows/`,
   * `locales/` and `intents/services/`), so local texts and fees survive an upgrade of Loket.
   * Relative to the working directory, as DATA_DIR is.
   */
  overlayDir?: string;
}

/** The overlay's folders; each may be missing (an overlay may change only texts). */
export interface OverlayPaths {
  dir: string;
  flowsDir: string;
  localesDir: string;
  intentsDir: string;
  /** Replaces the shipped agency list whole when present. */
  agenciesFile: string;
}

/** Absolute folders, plus how to name a file in a problem (relative to the root when inside it). */
export interface ResolvedPaths {
  root: string;
  flowsDir: string;
  localesDir: string;
  intentsDir: string;
  /** The agencies (dinas) applications can be forwarded to. */
  agenciesFile: string;
  overlay?: OverlayPaths;
  display(absPath: string): string;
}

/** The overlay's folders under one CATALOG_DIR, named as the shipped ones are. */
export function overlayPaths(dir: string): OverlayPaths {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    flowsDir: path.join(abs, 'flows'),
    localesDir: path.join(abs, 'locales'),
    intentsDir: path.join(abs, 'intents'),
    agenciesFile: path.join(abs, 'agencies.yaml'),
  };
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
    agenciesFile: path.resolve(root, paths.agenciesFile ?? 'agencies.yaml'),
    ...(paths.overlayDir ? { overlay: overlayPaths(paths.overlayDir) } : {}),
    display,
  };
}
