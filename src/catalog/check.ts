import type { Lang } from '../domain/lang.js';
import type { Message } from './catalog.js';
import { resolveCatalogPaths } from './catalog-paths.js';
import type { CatalogPaths } from './catalog-paths.js';
import { checkMessages } from './check-messages.js';
import type { Flow } from './flow-schema.js';
import type { CatalogProblem } from './problem.js';
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
  /** Display names of the folders read, for the summary line. */
  dirs: { flows: string; locales: string; intents: string };
}

/**
 * Reads flows, locales and intents together and explains every problem with file, path and
 * fix. `npm run catalog:check` and start-up (`loadCatalog`) both run it, so what the office
 * checks is what the bot loads.
 */
export async function checkCatalog(options: CheckOptions = {}): Promise<CatalogCheck> {
  const paths = resolveCatalogPaths(options);
  const [flowRead, localeRead] = await Promise.all([readFlows(paths), readLocales(paths)]);
  const intentProblems = await checkServiceIntents(paths, flowRead.fileIds);
  const messageProblems = checkMessages({
    flows: flowRead.flows,
    locales: localeRead.locales,
    localesPath: paths.display(paths.localesDir),
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
    problems: [...empty, ...flowRead.problems, ...localeRead.problems, ...messageProblems, ...intentProblems],
    flows: new Map(flowRead.flows.map(({ flow }) => [flow.id, flow])),
    messages: { id: localeRead.locales.id.messages, en: localeRead.locales.en.messages },
    dirs: {
      flows: paths.display(paths.flowsDir),
      locales: paths.display(paths.localesDir),
      intents: paths.display(paths.intentsDir),
    },
  };
}
