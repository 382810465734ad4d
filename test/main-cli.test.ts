import { describe, expect, it } from '@jest/globals';
import { expectUsageError, runTool, runTsTool } from './support/run-tool.js';

/**
 * The server and the worker take no arguments (their settings are the environment): anything on
 * their command line is refused before the configuration is read or a database is opened.
 */
describe.each([
  ['npm start', 'src/main.ts', /Pemakaian \/ usage: npm start/],
  ['npm run worker', 'src/worker.ts', /Pemakaian \/ usage: npm run worker/],
])('%s: a wrong command line', (_name, file, usage) => {
  it('should refuse an option with the usage and exit 2, without a stack trace', async () => {
    expectUsageError(await runTsTool(file, ['--port', '3000']), usage, /Unknown option '--port'/);
  });

  it('should refuse an argument with the usage and exit 2', async () => {
    expectUsageError(await runTsTool(file, ['serve']), usage, /Unexpected argument 'serve'/);
  });

  it('should print the usage for --help and exit 0 without starting', async () => {
    const run = await runTsTool(file, ['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(usage);
  });
});

describe('the shell scripts: a wrong command line', () => {
  it('should answer scripts/test-db.sh with a missing or unknown command with its usage and exit 2', async () => {
    const usage = /Pemakaian \/ usage: scripts\/test-db.sh install \| run DIR PORT/;
    expectUsageError(await runTool('bash', ['scripts/test-db.sh', 'start']), usage);
    expectUsageError(await runTool('bash', ['scripts/test-db.sh', 'run', '/tmp/x']), usage);
  });

  it('should answer npm run bench:load:pg with an unknown flag with its usage and exit 2', async () => {
    expectUsageError(
      await runTool('bash', ['scripts/bench-pg.sh', '--fast']),
      /Pemakaian \/ usage: npm run bench:load:pg -- \[--gin\]/,
    );
  });
});
