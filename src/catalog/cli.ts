/**
 * `npm run catalog:check`: checks flows/, locales/ and intents/ together, as start-up does.
 * Prints every problem and exits 1, or one summary line and exits 0.
 * Usage: node --import tsx src/catalog/cli.ts [--root <repository root>]
 */
import { checkCatalog } from './check.js';
import { ENGINE_MESSAGE_KEYS } from '../dialogue/message-keys.js';
import { formatProblem } from './problem.js';

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const root = argValue(args, '--root');
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `catalog check crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 2;
  },
);
