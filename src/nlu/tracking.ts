import { findTrackingNumberIn as findInDomain, parseTrackingNumber } from '../domain/tracking-number.js';

const SEPARATORS = '[\\s._/:#-]*';
/** The ways YYMM digits may have been typed (the domain reads O as 0, I and L as 1). */
const DIGIT_READINGS: Readonly<Record<string, string>> = { '0': '[0O]', '1': '[1IL]' };

/**
 * Where a found number stands in the text, however it was spaced, so entity extraction can cut
 * it out before looking for a NIK or a date in its digits.
 */
export function trackingNumberSpan(found: string, prefix = 'PTSP', prefixRequired = false): RegExp {
  const body = found.slice(prefix.length + 1).replace(/-/g, '');
  const symbols = [...body].map((c, i) => (i < 4 ? (DIGIT_READINGS[c] ?? c) : c));
  const head = `${prefix}${SEPARATORS}`;
  return new RegExp(`${prefixRequired ? head : `(?:${head})?`}${symbols.join(SEPARATORS)}`, 'i');
}

/**
 * A tracking number typed from memory: `PTSP-2611-ABCD7`, but also "ptsp 2611 abcd7",
 * "PTSP2611ABCD7" or "2611-ABCD7". The domain finds it (one reading for the whole program);
 * whether a prefixed number's check symbol matches, and "did you mean", is decided at look-up.
 * Without the prefix only a number whose check symbol matches counts, since ordinary words
 * after four digits ("0001 lahir") are shaped like one. Undefined when there is none.
 */
export function findTrackingNumberIn(text: string, prefix = 'PTSP'): string | undefined {
  const found = findInDomain(text, prefix);
  if (found === null) return undefined;
  const prefixed = trackingNumberSpan(found, prefix, true).test(text);
  return prefixed || parseTrackingNumber(found, prefix).ok ? found : undefined;
}
