/**
 * The check symbol of a tracking number: a weighted sum in the finite field GF(32), one weight
 * per position (distinct powers of a primitive element). Because every non-zero field element
 * has an inverse, changing one symbol always changes the sum (w * (a - b) != 0), and swapping
 * two neighbours changes it by (w_i - w_j) * (a - b) != 0 because all weights differ. A
 * weighted sum modulo a prime would need a prime >= 32 and so a 37-symbol check alphabet; the
 * field keeps the check inside the same 32 symbols as the rest of the number.
 */

/** x^5 + x^2 + 1: primitive, so powers of x run through all 31 non-zero elements. */
const POLY = 0b100101;

function mul(a: number, b: number): number {
  let product = 0;
  let x = a;
  let y = b;
  while (y > 0) {
    if (y & 1) product ^= x;
    y >>= 1;
    x <<= 1;
    if (x & 0b100000) x ^= POLY;
  }
  return product;
}

/** All products, so checking the ~300 "did you mean" candidates of a typo stays instant. */
const PRODUCTS: readonly number[] = Array.from({ length: 32 * 32 }, (_, k) => mul(k >> 5, k & 31));

/** Position i (0-based) weighs x^(i+1); the check itself weighs x^0 = 1, so it is the sum itself. */
const WEIGHTS: readonly number[] = Array.from({ length: 31 }, (_, i) => {
  let w = 1;
  for (let k = 0; k <= i; k++) w = mul(w, 2);
  return w;
});

/** Multiplicative inverses (index 0 unused), for solving a sum for one unknown symbol. */
const INVERSES: readonly number[] = Array.from({ length: 32 }, (_, a) =>
  a === 0 ? 0 : PRODUCTS.findIndex((p, k) => k >> 5 === a && p === 1) & 31,
);

function product(a: number, b: number): number {
  return PRODUCTS[(a << 5) | b] ?? 0;
}

/** Longest payload the weights stay distinct for (31 non-zero elements, one kept for the check). */
export const MAX_PAYLOAD = 30;

/**
 * The check value (0..31) for payload values (each 0..31): the one value that makes the
 * weighted sum of payload and check zero.
 */
export function checkValue(values: readonly number[]): number {
  if (values.length > MAX_PAYLOAD) throw new RangeError(`payload longer than ${MAX_PAYLOAD}`);
  let sum = 0;
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 31) throw new RangeError(`symbol value ${v} out of 0..31`);
    sum ^= product(WEIGHTS[i] ?? 0, v);
  });
  return sum;
}

/**
 * For a whole number (payload values then the check value) with one position unknown: the one
 * value there that makes it valid. This turns "which single fix makes this typo valid?" into
 * one division per position instead of trying all 32 symbols.
 */
export function repairValue(values: readonly number[], position: number): number {
  const payloadLength = values.length - 1;
  if (payloadLength < 0 || payloadLength > MAX_PAYLOAD || position < 0 || position > payloadLength) {
    throw new RangeError(`no position ${position} in a number of ${values.length} symbols`);
  }
  let sum = 0;
  values.forEach((v, i) => {
    if (i === position) return;
    if (!Number.isInteger(v) || v < 0 || v > 31) throw new RangeError(`symbol value ${v} out of 0..31`);
    sum ^= i === payloadLength ? v : product(WEIGHTS[i] ?? 0, v);
  });
  const weight = position === payloadLength ? 1 : (WEIGHTS[position] ?? 1);
  return product(sum, INVERSES[weight] ?? 0);
}
