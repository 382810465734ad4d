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

/** Position i (0-based) weighs x^(i+1); the check itself weighs x^0 = 1, so it is the sum itself. */
function weight(position: number): number {
  let w = 1;
  for (let i = 0; i <= position; i++) w = mul(w, 2);
  return w;
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
    sum ^= mul(weight(i), v);
  });
  return sum;
}
