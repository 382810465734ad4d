import type { Lang } from '../domain/lang.js';
import type { Message } from './catalog.js';
import { resolveCatalogPaths } from './catalog-paths.js';
import type { CatalogPaths } from './catalog-paths.js';
import { checkMessages } from './check-messages.js';
import type { Flow } from './flow-schema.js';
import { checkAddedKeys, checkOverlayFolder, dropReplacedMessages } from './overlay.js';
import type { CatalogProblem } from './problem.js';
import type { Agency } from '../domain/agency.js';
import { checkAgencyReferences, readAgencies } from './read-agencies.js';
import { readFlows } from './read-flows.js';
import { checkServiceIntents } from './read-intents.js';
import { readLocales } from './read-locales.js';

/** What `checkCatalog` is told beyond the folders. */
export interface CheckOptions extends CatalogPaths {
  /**
   * Keys the engine says itself (greetings, consent, summary...), which must exist in both
   * languages. The composition root passes the engine's list; without it they are not checked.
   */
  requiredKeys?: readonly string[];
}

/** Everything the check found, plus the parsed data so loading does not read the files twice. */
export interface CatalogCheck {
  problems: CatalogProblem[];
  /** In menu order; only flows that parsed. */
  flows: Map<string, Flow>;
  messages: Record<Lang, Record<string, Message>>;
  /** The agencies applications can be forwarded to, by id. */
  agencies: Map<string, Agency>;
  /** Display names of the folders read, for the summary line. */
  dirs: { flows: string; locales: string; intents: string; overlay?: string };
}

/**
 * Reads flows, locales and intents together and explains every problem with file, path and
 * fix. `npm run catalog:check` and start-up (`loadCatalog`) both run it, so what the office
 * checks is what the bot loads. With an overlay (CATALOG_DIR) the result is the layered
 * catalog, and its problems name the overlay's files.
 */
export async function checkCatalog(options: CheckOptions = {}): Promise<CatalogCheck> {
  const paths = resolveCatalogPaths(options);
  const [flowRead, localeRead, agencyRead] = await Promise.all([
    readFlows(paths),
    readLocales(paths),
    readAgencies(paths),
  ]);
  const intentProblems = await checkServiceIntents(paths, flowRead.fileIds);
  const flows = flowRead.flows.map((f) => f.flow);
  const overlayProblems: CatalogProblem[] = [];
  if (paths.overlay) {
    overlayProblems.push(...(await checkOverlayFolder(paths.overlay, (abs) => paths.display(abs))));
    const fromOverlay = flows.filter((f) => flowRead.fromOverlay.has(f.id));
    dropReplacedMessages(localeRead.locales, fromOverlay, localeRead.overlayKeys);
    const fileOf = { id: localeRead.locales.id.fileOf, en: localeRead.locales.en.fileOf };
    overlayProblems.push(...checkAddedKeys(localeRead.addedKeys, flows, fileOf));
  }
  const messageProblems = checkMessages({
    flows: flowRead.flows,
    locales: localeRead.locales,
    // A missing message is added in the overlay when there is one: the shipped files stay as shipped.
    localesPath: paths.display(paths.overlay?.localesDir ?? paths.localesDir),
    ...(options.requiredKeys ? { requiredKeys: options.requiredKeys } : {}),
  });
  const empty: CatalogProblem[] =
    flowRead.fileIds.length === 0 && flowRead.problems.length === 0
      ? [
          {
            file: paths.display(paths.flowsDir),
            path: '',
            message: 'there are no services',
            fix: 'add at least one flows/<service>.yaml',
          },
        ]
      : [];
  return {
    problems: [
      ...overlayProblems,
      ...empty,
      ...flowRead.problems,
      ...localeRead.problems,
      ...messageProblems,
      ...intentProblems,
      ...agencyRead.problems,
      ...checkAgencyReferences(flowRead.flows, agencyRead.agencies, agencyRead.file),
    ],
    flows: new Map(flowRead.flows.map(({ flow }) => [flow.id, flow])),
    messages: { id: localeRead.locales.id.messages, en: localeRead.locales.en.messages },
    agencies: agencyRead.agencies,
    dirs: {
      flows: paths.display(paths.flowsDir),
      locales: paths.display(paths.localesDir),
      intents: paths.display(paths.intentsDir),
      ...(paths.overlay ? { overlay: paths.display(paths.overlay.dir) } : {}),
    },
  };
}
