/**
 * `npm run catalog:check`: checks flows/, locales/ and intents/ together, as start-up does.
 * Prints every problem and exits 1, or one summary line and exits 0 (a crash: its message, exit 1).
 * Usage: npm run catalog:check -- [--root <repository root>]; a wrong command line exits 2.
 */
import { checkCatalog } from './check.js';
import { ENGINE_MESSAGE_KEYS } from '../dialogue/message-keys.js';
import { formatProblem } from './problem.js';
import { parseCommandLine, runTool } from '../config/command-line.js';

const TOOL = {
  name: 'catalog:check',
  usage: 'Pemakaian / usage: npm run catalog:check -- [--root DIR]',
};

async function main(argv: string[]): Promise<number> {
  const { root } = parseCommandLine({ args: argv, options: { root: { type: 'string' } } }).values;
  // The engine's own keys are required too, exactly as start-up checks them.
  const result = await checkCatalog({ ...(root ? { root } : {}), requiredKeys: ENGINE_MESSAGE_KEYS });
  if (result.problems.length > 0) {
    const n = result.problems.length;
    process.stdout.write(
      result.problems.map((p, i) => `${i + 1}. ${formatProblem(p)}`).join('\n') +
        `\n\nCatalog check failed: ${n} problem${n === 1 ? '' : 's'} (katalog bermasalah).\n`,
    );
    return 1;
  }
  const ids = [...result.flows.keys()];
  process.stdout.write(
    `Catalog OK: ${ids.length} services (${ids.join(', ')}), ${Object.keys(result.messages.id).length} messages in id and en, ` +
      `training phrases for every service.\n`,
  );
  return 0;
}

await runTool(TOOL, main);
