import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The exit code of a command line the tool cannot use, as getopt-style tools have it. */
export const EXIT_USAGE = 2;

/**
 * A command line that does not fit the tool: the tool prints this message and its usage line on
 * stderr and exits with EXIT_USAGE, never a stack trace (the person typing made the mistake).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What a command-line tool says about itself: its name in messages and its usage line(s). */
export interface ToolSpec {
  /** Prefixes every message, e.g. `chat`. */
  name: string;
  /** Starts with `Pemakaian / usage:`; several lines for several commands. */
  usage: string;
}

/** Node's own parse errors (unknown option, missing value, unexpected positional) carry these codes. */
const PARSE_ERROR = /^ERR_PARSE_ARGS_/;

/**
 * `util.parseArgs` in strict mode (unknown options, missing values and, unless allowed, positionals
 * are refused), its errors turned into a UsageError so the tool can answer with its usage.
 */
export function parseCommandLine<T extends ParseArgsConfig & { args: readonly string[]; strict?: true }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && PARSE_ERROR.test(code)) throw new UsageError((err as Error).message);
    throw err;
  }
}

/** `--help` or `-h` before any `--`: the tool prints its usage on stdout and does nothing else. */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Writes what the person got wrong and the usage, the Indonesian words first. */
export function reportUsageError(tool: ToolSpec, err: UsageError): void {
  process.stderr.write(`${tool.name}: argumen salah / bad arguments: ${err.message}\n${tool.usage}\n`);
}

/**
 * Runs a short-lived tool's `main` with the arguments after the script: `--help` prints the usage
 * (exit 0), a UsageError prints the problem and the usage (exit 2), any other failure prints its
 * message without the stack (exit 1). `main` returns its exit code; nothing is forced to exit,
 * so output still in flight is written.
 */
export async function runTool(
  tool: ToolSpec,
  main: (argv: string[]) => Promise<number | void>,
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  if (asksForHelp(argv)) {
    process.stdout.write(`${tool.usage}\n`);
    return;
  }
  try {
    process.exitCode = (await main(argv)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      reportUsageError(tool, err);
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stderr.write(`${tool.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
