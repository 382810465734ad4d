/**
 * `npm run catalog:check`: checks flows/, locales/ and intents/ together, as start-up does,
 * with the deployment's overlay (CATALOG_DIR, from the environment or .env) laid over them.
 * Prints every problem and exits 1, or one summary line and exits 0 (a crash: its message, exit 1).
 * Usage: npm run catalog:check -- [--root <repository root>] [--catalog-dir <overlay>];
 * a wrong command line exits 2.
 */
import { checkCatalog } from './check.js';
import { ENGINE_MESSAGE_KEYS } from '../dialogue/message-keys.js';
import { formatProblem } from './problem.js';
import { parseCommandLine, runTool } from '../config/command-line.js';
import { loadEnvFileIfPresent } from '../config/env-file.js';

const TOOL = {
  name: 'catalog:check',
  usage: 'Pemakaian / usage: npm run catalog:check -- [--root DIR] [--catalog-dir DIR]',
};

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine({
    args: argv,
    options: { root: { type: 'string' }, 'catalog-dir': { type: 'string' } },
  });
  // The overlay start-up would load: the same CATALOG_DIR, read the same way (.env included).
  loadEnvFileIfPresent();
  const overlayDir = values['catalog-dir'] ?? (process.env.CATALOG_DIR || undefined);
  // The engine's own keys are required too, exactly as start-up checks them.
  const result = await checkCatalog({
    ...(values.root ? { root: values.root } : {}),
    ...(overlayDir ? { overlayDir } : {}),
    requiredKeys: ENGINE_MESSAGE_KEYS,
  });
  if (result.problems.length > 0) {
    const n = result.problems.length;
    process.stdout.write(
      result.problems.map((p, i) => `${i + 1}. ${formatProblem(p)}`).join('\n') +
        `\n\nCatalog check failed: ${n} problem${n === 1 ? '' : 's'} (katalog bermasalah).\n`,
    );
    return 1;
  }
  const ids = [...result.flows.keys()];
  const overlay = result.dirs.overlay ? ` with the overlay ${result.dirs.overlay}` : '';
  process.stdout.write(
    `Catalog OK${overlay}: ${ids.length} services (${ids.join(', ')}), ${Object.keys(result.messages.id).length} messages in id and en, ` +
      `training phrases for every service.\n`,
  );
  return 0;
}

await runTool(TOOL, main);
