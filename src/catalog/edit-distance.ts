/** The three rolling rows, kept between calls (grown when a longer word comes). */
let rows = [new Uint16Array(64), new Uint16Array(64), new Uint16Array(64)] as const;

/**
 * Edit distance with adjacent swaps counted as one edit (optimal string alignment): "cidneg" is
 * one slip from "cideng", as a citizen typing on a phone would expect. A search compares the text
 * with every kelurahan, so this is kept cheap: three rolling rows reused from call to call, and
 * with `max` only the band of cells within `max` of the diagonal is computed (a path that leaves
 * it costs more than `max`), stopping as soon as the distance must exceed `max`; the answer is
 * then `max + 1`. With `bLength`, `b` is read as its first `bLength` letters.
 */
export function editDistance(a: string, b: string, max = Infinity, bLength = b.length): number {
  if (a === b) return 0;
  const m = a.length;
  // Only b's first `bLength` letters count: a word against the start of a longer one, uncut.
  const n = Math.min(bLength, b.length);
  if (Math.abs(m - n) > max) return max + 1;
  // Cells outside the band hold `big`: more than any distance the band can still bring under `max`.
  const band = Math.min(max, Math.max(m, n));
  const big = band + 1;
  if (rows[0].length < n + 2) {
    const size = Math.max(n + 2, rows[0].length * 2);
    rows = [new Uint16Array(size), new Uint16Array(size), new Uint16Array(size)];
  }
  let [before, prev, row] = rows;
  for (let j = 0; j <= n; j++) prev[j] = Math.min(j, big);
  let prevMin = 0;
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(n, i + band);
    // The band's edges, read by this row and the next two (every cell read was written in this call).
    row[from - 1] = from === 1 ? Math.min(i, big) : big;
    if (to < n) row[to + 1] = big;
    let rowMin = row[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) d = Math.min(d, before[j - 2]! + 1);
      row[j] = Math.min(d, big);
      if (d < rowMin) rowMin = d;
    }
    // A swap reaches back two rows, so both must be past `max` before nothing can come back under it.
    if (rowMin > max && prevMin > max) return max + 1;
    prevMin = rowMin;
    const spare = before;
    before = prev;
    prev = row;
    row = spare;
  }
  return Math.min(prev[n]!, max + 1);
}
