import { describe, expect, it } from '@jest/globals';
import { expectUsageError, runTsTool } from './support/run-tool.js';

const USAGE = /Pemakaian \/ usage: npm run chat -- \[--user ID\]/;

/** `npm run chat` with a command line it cannot use: it answers before opening the database. */
describe('npm run chat: a wrong command line', () => {
  it('should refuse an unknown option with the usage and exit 2, without a stack trace', async () => {
    expectUsageError(await runTsTool('src/chat.ts', ['--user', 'x', '-1']), USAGE, /Unknown option '-1'/);
  });

  it('should refuse an option without its value', async () => {
    expectUsageError(await runTsTool('src/chat.ts', ['--user']), USAGE, /--user/);
  });

  it('should refuse a language other than id or en', async () => {
    expectUsageError(
      await runTsTool('src/chat.ts', ['--lang', 'fr', 'halo']),
      USAGE,
      /--lang harus id atau en/,
    );
  });

  it('should print the usage on stdout for --help and exit 0', async () => {
    const run = await runTsTool('src/chat.ts', ['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(USAGE);
  });
});
