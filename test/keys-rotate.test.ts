import { describe, expect, it } from '@jest/globals';
import type { ResealTally } from '../src/adapters/mongo/reseal.js';
import { tallyLine, verdict } from '../src/keys-rotate.js';
import { expectUsageError, runTsTool } from './support/run-tool.js';

const tally = (over: Partial<ResealTally> = {}): ResealTally => ({
  collection: 'applications',
  checked: 12,
  resealed: 3,
  unreadable: [],
  busy: [],
  ...over,
});

describe('npm run keys:rotate: what it prints', () => {
  it('should line the counts up under the table head', () => {
    expect(tallyLine(tally())).toMatch(/^applications\s+12\s+3$/);
  });

  it('should end with "all records under key" and exit 0 when nothing is left', () => {
    expect(verdict([tally(), tally({ collection: 'outbox' })], 'abcd1234')).toEqual({
      lines: ['Semua data memakai kunci abcd1234 / all records under key abcd1234'],
      code: 0,
    });
  });

  it('should name what it could not open, say which setting to fix, and exit 1', () => {
    const { lines, code } = verdict(
      [tally({ unreadable: ['a1', 'a2'] }), tally({ collection: 'outbox', busy: ['o1'] })],
      'k',
    );
    expect(code).toBe(1);
    expect(lines[0]).toBe('applications: 2 tidak bisa dibuka / cannot be opened: a1, a2');
    expect(lines[1]).toMatch(/^outbox: 1 sedang diubah, jalankan lagi \/ changed meanwhile, run again: o1$/);
    expect(lines.at(-1)).toMatch(/LOKET_DATA_KEYS_OLD/);
  });

  it('should refuse an unknown option with the usage and exit 2', async () => {
    expectUsageError(
      await runTsTool('src/keys-rotate.ts', ['--bogus']),
      /npm run keys:rotate/,
      /Unknown option '--bogus'/,
    );
  });
});
