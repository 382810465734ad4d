import { describe, expect, it } from '@jest/globals';
import {
  TRACKING_ALPHABET,
  findTrackingNumberIn,
  generateTrackingNumber,
  parseTrackingNumber,
} from '../../src/domain/tracking-number.js';

/** Repeatable pseudo-random numbers (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = new Date('2026-11-10T03:00:00Z');

function sample(count: number, seed = 1): string[] {
  const random = seeded(seed);
  const months = [
    '2026-01-15T03:00:00Z',
    '2026-11-10T03:00:00Z',
    '2030-12-01T03:00:00Z',
    '2041-07-20T03:00:00Z',
  ];
  return Array.from({ length: count }, (_, i) =>
    generateTrackingNumber({ at: new Date(months[i % months.length] ?? ''), random }),
  );
}

/** Every body symbol a citizen could type at a position: digits in YYMM, the alphabet (and 0/1) after. */
const TYPABLE = '0123456789' + TRACKING_ALPHABET.replace(/\d/g, '');

describe('TRACKING_ALPHABET', () => {
  it('should have 32 distinct symbols without look-alikes', () => {
    expect(new Set(TRACKING_ALPHABET).size).toBe(32);
    expect(TRACKING_ALPHABET).not.toMatch(/[01OI]/);
  });
});

describe('generateTrackingNumber', () => {
  it('should make PTSP-YYMM-XXXXX from the Jakarta month of creation', () => {
    const n = generateTrackingNumber({ at, random: seeded(7) });
    expect(n).toMatch(/^PTSP-2611-[2-9A-HJ-NP-Z]{5}$/);
  });

  it('should use the Jakarta month, not UTC, at a month boundary', () => {
    // 31 Oct 2026 18:00 UTC is 1 Nov 01:00 WIB.
    expect(generateTrackingNumber({ at: new Date('2026-10-31T18:00:00Z'), random: seeded(1) })).toMatch(
      /^PTSP-2611-/,
    );
    expect(generateTrackingNumber({ at: new Date('2026-10-31T16:59:00Z'), random: seeded(1) })).toMatch(
      /^PTSP-2610-/,
    );
  });

  it('should take a configured prefix and refuse a bad one', () => {
    expect(generateTrackingNumber({ prefix: 'DKI', at, random: seeded(2) })).toMatch(/^DKI-2611-/);
    expect(() => generateTrackingNumber({ prefix: 'ptsp', at })).toThrow(RangeError);
    expect(() => generateTrackingNumber({ prefix: 'PT-SP', at })).toThrow(RangeError);
  });

  it('should produce numbers that parse back to themselves', () => {
    for (const n of sample(200)) expect(parseTrackingNumber(n)).toEqual({ ok: true, value: n });
  });

  it('should use the whole alphabet, even for random() close to 1', () => {
    const seen = new Set(sample(400, 3).flatMap((n) => [...n.slice(10, 14)]));
    expect(seen.size).toBe(32);
    expect(generateTrackingNumber({ at, random: () => 0.9999999999 })).toMatch(/^PTSP-2611-ZZZZ.$/);
  });
});

describe('parseTrackingNumber', () => {
  const [valid = ''] = sample(1, 11);
  const body = valid.replace(/^PTSP-/, '').replace('-', '');

  it('should accept case, spaces, dots and missing or extra dashes', () => {
    const variants = [
      valid.toLowerCase(),
      `  ${valid}  `,
      `PTSP ${body.slice(0, 4)} ${body.slice(4)}`,
      `ptsp${body}`,
      body,
      `${body.slice(0, 4)}-${body.slice(4)}`,
      `PTSP--${body.slice(0, 4)}--${body.slice(4, 6)}-${body.slice(6)}`,
      `PTSP.${body.slice(0, 4)}.${body.slice(4)}`,
    ];
    for (const v of variants) expect(parseTrackingNumber(v)).toEqual({ ok: true, value: valid });
  });

  it('should read O, I and L typed in YYMM as 0, 1 and 1', () => {
    const n = sample(40, 5).find((x) => x.startsWith('PTSP-2601-')) ?? '';
    expect(n).not.toBe('');
    const code = n.slice(10);
    expect(parseTrackingNumber(`PTSP-26O1-${code}`)).toEqual({ ok: true, value: n });
    expect(parseTrackingNumber(`PTSP-260I-${code}`)).toEqual({ ok: true, value: n });
    expect(parseTrackingNumber(`ptsp 260l ${code}`)).toEqual({ ok: true, value: n });
  });

  it('should tolerate one mistyped prefix letter but not another prefix', () => {
    expect(parseTrackingNumber(valid.replace('PTSP', 'PTSB'))).toEqual({ ok: true, value: valid });
    expect(parseTrackingNumber(valid.replace('PTSP', 'ABCD')).ok).toBe(false);
  });

  it('should give format for wrong lengths, symbols outside the alphabet and impossible months', () => {
    expect(parseTrackingNumber('PTSP-2611-ABC')).toEqual({ ok: false, reason: 'format', suggestions: [] });
    expect(parseTrackingNumber('halo')).toEqual({ ok: false, reason: 'format', suggestions: [] });
    expect(parseTrackingNumber('')).toEqual({ ok: false, reason: 'format', suggestions: [] });
    const badMonth = parseTrackingNumber(`PTSP-2613-${body.slice(4)}`);
    expect(badMonth.ok === false && badMonth.reason).toBe('format');
    const zero = parseTrackingNumber(`PTSP-${body.slice(0, 4)}-0${body.slice(5)}`);
    expect(zero.ok === false && zero.reason).toBe('format');
  });

  it('should suggest the number when a symbol outside the alphabet was typed', () => {
    // O is not a symbol; the one number that fixes that position is the original.
    const typed = `PTSP-${body.slice(0, 4)}-O${body.slice(5)}`;
    const result = parseTrackingNumber(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.suggestions).toContain(valid);
  });

  it('should give check, and suggest the original, for one wrong symbol', () => {
    const i = 6;
    const wrong = body.slice(0, i) + (body[i] === 'K' ? 'M' : 'K') + body.slice(i + 1);
    const result = parseTrackingNumber(wrong);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('check');
      expect(result.suggestions).toContain(valid);
      for (const s of result.suggestions) expect(parseTrackingNumber(s)).toEqual({ ok: true, value: s });
    }
  });

  it('should put a neighbour swap first among the suggestions', () => {
    const i = body.split('').findIndex((c, k) => k >= 4 && c !== body[k + 1] && k + 1 < body.length);
    const swapped = body.slice(0, i) + body.charAt(i + 1) + body.charAt(i) + body.slice(i + 2);
    const result = parseTrackingNumber(swapped);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.suggestions[0]).toBe(valid);
  });

  it('should detect every single substitution and every neighbour swap (exhaustive over 300 numbers)', () => {
    const missed: string[] = [];
    let tried = 0;
    const expectCaught = (typed: string, original: string): void => {
      tried++;
      const result = parseTrackingNumber(typed);
      if (result.ok || !result.suggestions.includes(original)) missed.push(`${typed} (from ${original})`);
    };
    for (const n of sample(300, 42)) {
      const b = n.slice(5, 9) + n.slice(10);
      for (let i = 0; i < b.length; i++) {
        for (const s of TYPABLE) {
          // L typed in YYMM is read as 1 on purpose: the same number, not a typo.
          if (s === b[i] || (i < 4 && s === 'L' && b[i] === '1')) continue;
          expectCaught(b.slice(0, i) + s + b.slice(i + 1), n);
        }
      }
      for (let i = 0; i + 1 < b.length; i++) {
        if (b[i] !== b[i + 1])
          expectCaught(b.slice(0, i) + b.charAt(i + 1) + b.charAt(i) + b.slice(i + 2), n);
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(300 * 9 * 30);
  });

  it('should parse with another prefix', () => {
    const n = generateTrackingNumber({ prefix: 'DKI', at, random: seeded(9) });
    expect(parseTrackingNumber(n.toLowerCase(), 'DKI')).toEqual({ ok: true, value: n });
    expect(parseTrackingNumber(n.slice(4), 'DKI')).toEqual({ ok: true, value: n });
  });
});

describe('findTrackingNumberIn', () => {
  const [valid = ''] = sample(1, 23);
  const yymm = valid.slice(5, 9);
  const code = valid.slice(10);

  it('should find a spaced-out number in a sentence', () => {
    expect(findTrackingNumberIn(`cek status ptsp ${yymm} ${code.toLowerCase()} dong`)).toBe(valid);
  });

  it('should find it glued, dashed, or with punctuation around it', () => {
    expect(findTrackingNumberIn(`nomor saya PTSP${yymm}${code}.`)).toBe(valid);
    expect(findTrackingNumberIn(`status (${valid})?`)).toBe(valid);
    expect(findTrackingNumberIn(`gimana ${yymm}-${code}, kak`)).toBe(valid);
  });

  it('should return an unchecked candidate for parseTrackingNumber to judge', () => {
    const typo = `${code.slice(0, 4)}${code[4] === 'Z' ? 'Y' : 'Z'}`;
    const found = findTrackingNumberIn(`cek PTSP ${yymm} ${typo}`);
    expect(found).toBe(`PTSP-${yymm}-${typo}`);
    expect(parseTrackingNumber(found ?? '').ok).toBe(false);
  });

  it('should prefer a prefixed candidate over an unprefixed one', () => {
    expect(findTrackingNumberIn(`2611 ABCDE atau ${valid}`)).toBe(valid);
  });

  it('should find nothing in ordinary sentences, phone numbers and NIKs', () => {
    expect(findTrackingNumberIn('saya mau buat KTP baru')).toBeNull();
    expect(findTrackingNumberIn('hubungi 081234567 ya')).toBeNull();
    expect(findTrackingNumberIn('NIK saya 3171014501900001')).toBeNull();
    expect(findTrackingNumberIn('tahun 2026 bulan maret')).toBeNull();
  });
});
