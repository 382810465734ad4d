import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { generateTrackingNumber, parseTrackingNumber } from '../../src/domain/tracking-number.js';

const at = new Date('2026-11-10T03:00:00Z');

function source(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

describe('tracking numbers from the CSPRNG', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('should never touch Math.random when no generator is injected', () => {
    const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random is guessable');
    });
    const drawn = new Set(Array.from({ length: 200 }, () => generateTrackingNumber({ prefix: 'PTSP', at })));
    expect(spy).not.toHaveBeenCalled();
    for (const n of drawn) expect(parseTrackingNumber(n)).toEqual({ ok: true, value: n });
    // 200 draws from 32^4 codes: a broken source would repeat far more often than this allows.
    expect(drawn.size).toBeGreaterThan(190);
  });

  it("should draw with node:crypto's randomInt, and the use cases should not fall back to Math.random", () => {
    expect(source('src/domain/tracking-number.ts')).toMatch(
      /import \{[^}]*\brandomInt\b[^}]*\} from 'node:crypto'/,
    );
    for (const file of [
      'src/domain/tracking-number.ts',
      'src/app/effects/submit-application.ts',
      'src/app/officer/assisted-intake.ts',
    ]) {
      expect(source(file)).not.toMatch(/Math\.random/);
    }
  });
});
