import { ConfigError, loadConfig, type Config } from '../config/config.js';
import {
  asksForHelp,
  EXIT_USAGE,
  parseCommandLine,
  reportUsageError,
  UsageError,
  type ToolSpec,
} from '../config/command-line.js';
import { loadEnvFileIfPresent } from '../config/env-file.js';
import { createLogger, type Logger } from '../config/logger.js';

/** sysexits' EX_CONFIG: the environment is wrong, not the program; the message says what to set. */
export const EXIT_CONFIG = 78;

/** A long-running Loket process (the server, the worker) as its command line starts it. */
export interface LongRunningCommand {
  tool: ToolSpec;
  /** Starts the process; a ConfigError here is a setting the operator must change (exit 78). */
  start(config: Config, logger: Logger): Promise<{ stop(): Promise<void> }>;
}

/** The configuration from the environment (and .env); a wrong setting exits 78 with the list of problems. */
function configOrExit(): Config {
  try {
    loadEnvFileIfPresent();
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(EXIT_CONFIG);
  }
}

/**
 * The first SIGTERM or SIGINT stops the process cleanly (no new work, the work in flight
 * finishes; each part keeps its own grace, e.g. SHUTDOWN_GRACE_MS for open HTTP connections) and
 * exits 0, or 1 when stopping failed. A second signal exits at once: the operator has waited enough.
 */
function stopOnSignals(running: { stop(): Promise<void> }, logger: Logger, name: string): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) {
        logger.warn({ signal }, `${name}: second signal, exiting without finishing the work in flight`);
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'signal received');
      running.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, `${name} shutdown failed`);
          process.exit(1);
        },
      );
    });
  }
}

/**
 * What `npm start` and `npm run worker` share: the command line (no arguments; `--help` prints the
 * usage, anything else exits 2 with it), the configuration (exit 78 when wrong), start-up (a
 * failure is logged as fatal, exit 1), and the signal handling that stops the process.
 */
export async function runCommandLine(
  cmd: LongRunningCommand,
  argv: string[] = process.argv.slice(2),
): Promise<void> {
  if (asksForHelp(argv)) {
    process.stdout.write(`${cmd.tool.usage}\n`);
    return;
  }
  try {
    parseCommandLine({ args: argv, options: {} });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    reportUsageError(cmd.tool, err);
    process.exit(EXIT_USAGE);
  }
  const config = configOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const running = await cmd.start(config, logger).catch((err: unknown) => {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(EXIT_CONFIG);
    }
    logger.fatal({ err }, `${cmd.tool.name} start-up failed`);
    process.exit(1);
  });
  stopOnSignals(running, logger, cmd.tool.name);
}
