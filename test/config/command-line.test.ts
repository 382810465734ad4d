import { describe, expect, it } from '@jest/globals';
import { asksForHelp, parseCommandLine, UsageError } from '../../src/config/command-line.js';

describe('parseCommandLine', () => {
  const parse = (args: string[]) =>
    parseCommandLine({ args, options: { user: { type: 'string' }, quiet: { type: 'boolean' } } });

  it('should give the values of the known options', () => {
    expect(parse(['--user', 'budi', '--quiet']).values).toEqual({ user: 'budi', quiet: true });
  });

  it.each([
    [['--user', 'budi', '-1'], /Unknown option '-1'/],
    [['--user'], /argument missing/],
    [['halo'], /Unexpected argument 'halo'/],
  ])('should turn node parse errors for %j into a UsageError', (args, message) => {
    expect(() => parse(args)).toThrow(UsageError);
    expect(() => parse(args)).toThrow(message);
  });

  it('should take positionals only when allowed', () => {
    const { positionals } = parseCommandLine({ args: ['halo', 'pak'], options: {}, allowPositionals: true });
    expect(positionals).toEqual(['halo', 'pak']);
  });
});

describe('asksForHelp', () => {
  it('should see --help and -h before a "--", not after it', () => {
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['--user', 'x', '-h'])).toBe(true);
    expect(asksForHelp(['--user', 'x', '--', '-h'])).toBe(false);
    expect(asksForHelp(['halo'])).toBe(false);
  });
});
