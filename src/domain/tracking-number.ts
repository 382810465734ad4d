/**
 * Tracking numbers: `PTSP-2611-K7QX4`, read aloud over the phone and typed from memory.
 * YYMM is the month of creation in Asia/Jakarta; then 4 random symbols and 1 check symbol from
 * an alphabet without look-alikes (no O/0, no I/1). The check catches every single wrong symbol
 * and every swap of two neighbours (see check-symbol.ts), so a typo is answered with "did you
 * mean" instead of "not found". Uniqueness comes from a unique index, not from the randomness.
 *
 * Normalisation of what citizens type: case, spaces, dots and dashes are ignored; the prefix may
 * be left out. In YYMM (digits only) the letters O, I and L are read as 0, 1 and 1. In the code
 * part O, 0, I and 1 are never valid, so they are not guessed: they make the number invalid and
 * the suggestions list the numbers that fix that one position.
 */
import { randomInt } from 'node:crypto';
import { checkValue, repairValue } from './check-symbol.js';
import { jakartaDate } from './jakarta-time.js';

/** 32 symbols, none confusable with another when read or heard: no 0/O, no 1/I. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The prefix when none is configured. */
export const DEFAULT_TRACKING_PREFIX = 'PTSP';

const RANDOM_LENGTH = 4;
const BODY_LENGTH = 4 + RANDOM_LENGTH + 1;
const DIGITS = '0123456789';

/**
 * A symbol's value in the check sum. The digits 2-9 are alphabet symbols and keep their
 * alphabet value wherever they stand, so a swap between YYMM and the code is still caught;
 * 0 and 1 occur only in YYMM and only need to differ from the other digits.
 */
function valueOf(symbol: string): number {
  if (symbol === '0') return 8;
  if (symbol === '1') return 9;
  return TRACKING_ALPHABET.indexOf(symbol);
}

function checkSymbol(payload: string): string {
  return TRACKING_ALPHABET[checkValue([...payload].map(valueOf))] ?? '';
}

function assertPrefix(prefix: string): string {
  if (!/^[A-Z]{1,10}$/.test(prefix))
    throw new RangeError(`tracking prefix must be 1-10 capital letters: ${prefix}`);
  return prefix;
}

/** YYMM of `at` as a Jakarta wall clock shows it, whatever the machine's time zone. */
function jakartaYymm(at: Date): string {
  const date = jakartaDate(at);
  return date.slice(2, 4) + date.slice(5, 7);
}

/** What creating an application needs; `random` is injected so tests are repeatable. */
export interface GenerateTrackingOptions {
  prefix?: string;
  at: Date;
  /**
   * Uniform in [0, 1), for repeatable tests only. Absent, the symbols come from the CSPRNG
   * (`randomInt`): a guessable generator would let anyone predict other citizens' numbers.
   */
  random?: (() => number) | undefined;
}

/** A symbol index in [0, size): from the test's generator when given, else from the CSPRNG. */
function drawIndex(size: number, random: (() => number) | undefined): number {
  if (!random) return randomInt(size);
  return Math.min(size - 1, Math.floor(random() * size));
}

/**
 * A new tracking number for an application created at `at`. Collisions are possible (32^4 per
 * month): the repository's unique index rejects them and the caller draws again.
 */
export function generateTrackingNumber(options: GenerateTrackingOptions): string {
  const prefix = assertPrefix(options.prefix ?? DEFAULT_TRACKING_PREFIX);
  let payload = jakartaYymm(options.at);
  for (let i = 0; i < RANDOM_LENGTH; i++) {
    payload += TRACKING_ALPHABET[drawIndex(TRACKING_ALPHABET.length, options.random)] ?? '';
  }
  const body = payload + checkSymbol(payload);
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** The result of reading a typed tracking number. */
export type TrackingParse =
  | { ok: true; value: string }
  | {
      ok: false;
      /** `format`: not shaped like a number; `check`: shaped right but a symbol is wrong. */
      reason: 'format' | 'check';
      /**
       * Valid numbers one wrong symbol or one neighbour swap away, likeliest first. Look them up
       * and offer only those that exist: "Maksud Anda PTSP-2611-K7QX4?"
       */
      suggestions: string[];
    };

const YYMM_READINGS: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

function compact(text: string): string {
  return text.toUpperCase().replace(/[\s._/-]+/g, '');
}

/** The 9-symbol body after the prefix, or null when the length cannot be one. */
function bodyOf(compacted: string, prefix: string): string | null {
  if (compacted.length === BODY_LENGTH) return compacted;
  if (compacted.length !== prefix.length + BODY_LENGTH) return null;
  const typed = compacted.slice(0, prefix.length);
  // One mistyped prefix letter (PTSB) is still this office's number.
  let differences = 0;
  for (let i = 0; i < prefix.length; i++) if (typed[i] !== prefix[i]) differences++;
  return differences <= 1 ? compacted.slice(prefix.length) : null;
}

function normaliseBody(body: string): string {
  let yymm = '';
  for (const c of body.slice(0, 4)) yymm += YYMM_READINGS[c] ?? c;
  return yymm + body.slice(4);
}

function wellFormed(body: string): boolean {
  if (body.length !== BODY_LENGTH) return false;
  for (let i = 0; i < 4; i++) if (!DIGITS.includes(body.charAt(i))) return false;
  const month = Number(body.slice(2, 4));
  if (month < 1 || month > 12) return false;
  for (let i = 4; i < BODY_LENGTH; i++) if (!TRACKING_ALPHABET.includes(body.charAt(i))) return false;
  return true;
}

function valid(body: string): boolean {
  return wellFormed(body) && checkSymbol(body.slice(0, -1)) === body.slice(-1);
}

function format(prefix: string, body: string): string {
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** A symbol's check value where it stands, or -1 when it cannot stand there (a letter in YYMM, O in the code). */
function valueAt(position: number, symbol: string): number {
  if (position < 4) return DIGITS.includes(symbol) ? valueOf(symbol) : -1;
  return TRACKING_ALPHABET.indexOf(symbol);
}

/** The symbol with check value `value` at a position, if one may stand there. */
function symbolAt(position: number, value: number): string | undefined {
  return position < 4 ? [...DIGITS].find((d) => valueOf(d) === value) : TRACKING_ALPHABET[value];
}

/**
 * Valid bodies one neighbour swap away first (the commonest slip), then one substitution away.
 * Swaps work on the body as typed: "410L7..." is a swap of "41071...", which reading L as 1 would
 * hide. Each position has at most one fixing symbol, found by solving the check sum for it.
 */
function nearbyBodies(typed: string): string[] {
  const body = normaliseBody(typed);
  const found = new Set<string>();
  for (let i = 0; i + 1 < typed.length; i++) {
    const swapped = normaliseBody(
      typed.slice(0, i) + typed.charAt(i + 1) + typed.charAt(i) + typed.slice(i + 2),
    );
    if (swapped !== body && valid(swapped)) found.add(swapped);
  }
  const values = [...body].map((c, i) => valueAt(i, c));
  const unreadable = values.filter((v) => v < 0).length;
  for (let i = 0; i < body.length; i++) {
    // One substitution can fix only the one unreadable symbol, if there is one.
    if (unreadable > 1 || (unreadable === 1 && (values[i] ?? 0) >= 0)) continue;
    const others = values.map((v, k) => (k === i ? 0 : v));
    const symbol = symbolAt(i, repairValue(others, i));
    if (symbol === undefined || symbol === body[i]) continue;
    const changed = body.slice(0, i) + symbol + body.slice(i + 1);
    if (valid(changed)) found.add(changed);
  }
  return [...found];
}

/**
 * Reads a tracking number as a citizen typed it ("ptsp 2611 k7qx4", "2611-K7QX4"). Returns the
 * canonical form, or why not and the numbers the citizen probably meant.
 */
export function parseTrackingNumber(text: string, prefix: string = DEFAULT_TRACKING_PREFIX): TrackingParse {
  assertPrefix(prefix);
  const raw = bodyOf(compact(text), prefix);
  if (raw === null) return { ok: false, reason: 'format', suggestions: [] };
  const body = normaliseBody(raw);
  if (valid(body)) return { ok: true, value: format(prefix, body) };
  const suggestions = nearbyBodies(raw).map((b) => format(prefix, b));
  return { ok: false, reason: wellFormed(body) ? 'check' : 'format', suggestions };
}

/** Plausible enough to be a tracking number in a sentence, before the check is looked at. */
function looksLikeBody(body: string, prefixed: boolean): boolean {
  const normal = normaliseBody(body);
  if (!/^\d{4}[0-9A-Z]{5}$/.test(normal)) return false;
  const month = Number(normal.slice(2, 4));
  if (month < 1 || month > 12) return false;
  // Without the prefix, nine digits are more likely a phone number than a tracking number.
  return prefixed || /[A-Z]/.test(normal.slice(4)) || valid(normal);
}

/**
 * Finds a tracking number inside a sentence ("cek status ptsp 2611 k7qx4 dong"), however it was
 * spaced. Returns it in canonical layout but unchecked (pass it to `parseTrackingNumber` for the
 * check and suggestions), or null. A candidate with the prefix wins over one without.
 */
export function findTrackingNumberIn(text: string, prefix: string = DEFAULT_TRACKING_PREFIX): string | null {
  assertPrefix(prefix);
  const tokens = text
    .split(/[\s,;:!?()"'*]+/)
    .map(compact)
    .filter((t) => t.length > 0);
  let unprefixed: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    for (let j = i; j < tokens.length && j < i + 5; j++) {
      joined += tokens[j];
      if (joined.length === prefix.length + BODY_LENGTH && joined.startsWith(prefix)) {
        const body = joined.slice(prefix.length);
        if (looksLikeBody(body, true)) return format(prefix, normaliseBody(body));
      }
      if (joined.length === BODY_LENGTH && unprefixed === null && looksLikeBody(joined, false)) {
        unprefixed = format(prefix, normaliseBody(joined));
      }
      if (joined.length >= prefix.length + BODY_LENGTH) break;
    }
  }
  return unprefixed;
}
