import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of Loket's package.json, where flows/, intents/, locales/ and scripts/ are, found by
 * walking up from this module: the same whether it runs from src/ (tsx, tests) or from the
 * compiled dist/src/ (production, the load bench), and whatever the working directory.
 */
function projectRootFrom(dir: string): string {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`no package.json above ${dir}`);
  }
}

export const PROJECT_ROOT = projectRootFrom(path.dirname(fileURLToPath(import.meta.url)));
