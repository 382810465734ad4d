import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../domain/lang.js';
import type { OverlayPaths } from './catalog-paths.js';
import type { LocaleSet } from './check-messages.js';
import type { Flow } from './flow-schema.js';
import { messageKeys } from './message-keys.js';
import type { CatalogProblem } from './problem.js';

/** What an overlay folder may hold; anything else would be silently ignored, so it is reported. */
const OVERLAY_FOLDERS = new Set(['flows', 'locales', 'intents']);
/** Files an overlay may hold at its top: the agency list (read-agencies.ts). */
const OVERLAY_FILES = new Set(['agencies.yaml']);
/** Notes a deployment keeps beside its overlay are not catalog files. */
const NOTE_FILE = /^(readme|changelog|notes?)(\.[a-z]+)?$/i;

/**
 * The CATALOG_DIR folder exists and holds only what Loket reads from it: `flows/`,
 * `locales/` and `intents/services/`. A misspelt `flow/` would otherwise leave the shipped
 * texts in place with no word of why.
 */
export async function checkOverlayFolder(
  overlay: OverlayPaths,
  display: (abs: string) => string,
): Promise<CatalogProblem[]> {
  const shown = display(overlay.dir);
  let entries;
  try {
    entries = await readdir(overlay.dir, { withFileTypes: true });
  } catch {
    return [
      {
        file: shown,
        path: '',
        message: 'the CATALOG_DIR folder does not exist',
        fix: 'create it with flows/, locales/ or intents/services/ inside, or correct CATALOG_DIR',
      },
    ];
  }
  const problems: CatalogProblem[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || (e.isFile() && NOTE_FILE.test(e.name))) continue;
    if (e.isDirectory() && OVERLAY_FOLDERS.has(e.name)) continue;
    if (e.isFile() && OVERLAY_FILES.has(e.name)) continue;
    problems.push({
      file: `${shown}/${e.name}`,
      path: '',
      message:
        'Loket does not read this: an overlay holds only flows/, locales/, intents/services/ and agencies.yaml',
      fix: 'move it into one of those folders (check the spelling of the folder name), or remove it',
    });
  }
  if (entries.some((e) => e.isDirectory() && e.name === 'intents')) {
    for (const e of await readdir(overlay.intentsDir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || (e.isDirectory() && e.name === 'services')) continue;
      problems.push({
        file: display(path.join(overlay.intentsDir, e.name)),
        path: '',
        message:
          'only intents/services/ is layered: the phrases of the fixed intents (greeting, cancel...) are the same everywhere',
        fix: 'remove it; training phrases for a service go in intents/services/<service>.yaml',
      });
    }
  }
  return problems;
}

/**
 * A flow the overlay replaces brings its own steps; the shipped messages under its id that
 * the new flow no longer uses belong to the replaced file and are dropped, not reported
 * (the shipped files are never edited, so reporting them would ask for the impossible).
 */
export function dropReplacedMessages(
  locales: Record<Lang, LocaleSet>,
  overlayFlows: readonly Flow[],
  overlayKeys: Record<Lang, ReadonlySet<string>>,
): void {
  for (const flow of overlayFlows) {
    const { known } = messageKeys(flow);
    for (const lang of ['id', 'en'] as const) {
      const set = locales[lang];
      for (const key of Object.keys(set.messages)) {
        if (key.split('.')[0] !== flow.id || known.has(key) || overlayKeys[lang].has(key)) continue;
        delete set.messages[key];
        delete set.fileOf[key];
      }
    }
  }
}

/**
 * An overlay message whose key replaces nothing shipped must be one a flow uses; otherwise it
 * is most likely a misspelt key, and the shipped text it was meant to replace would stay.
 * Keys under a service id are left to the flow's own check, which already reports unused ones.
 */
export function checkAddedKeys(
  added: Record<Lang, readonly string[]>,
  flows: readonly Flow[],
  fileOf: Record<Lang, Record<string, string>>,
): CatalogProblem[] {
  const ids = new Set(flows.map((f) => f.id));
  const known = new Set(flows.flatMap((f) => [...messageKeys(f).known]));
  const problems: CatalogProblem[] = [];
  for (const lang of ['id', 'en'] as const) {
    for (const key of added[lang]) {
      if (ids.has(key.split('.')[0] ?? '') || known.has(key)) continue;
      problems.push({
        file: fileOf[lang][key] ?? '',
        path: key,
        message: 'this key replaces no shipped message and no flow uses it',
        fix: `correct its spelling to the key of the shipped message it should replace (in locales/${lang}.*.yaml), or remove it`,
      });
    }
  }
  return problems;
}
