/**
 * Edit distance with adjacent swaps counted as one edit (optimal string alignment): "cidneg" is
 * one slip from "cideng", as a citizen typing on a phone would expect. Three rolling rows keep
 * it allocation-light, since a search compares the text with every kelurahan; with `max`, it
 * stops as soon as the distance must exceed it and returns `max + 1`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = b.length;
  let before = new Uint16Array(n + 1);
  let prev = new Uint16Array(n + 1);
  let row = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A swap reaches back two rows, so both must be past `max` before nothing can come back under it.
    if (rowMin > max && prevMin > max) return max + 1;
    prevMin = rowMin;
    [before, prev, row] = [prev, row, before];
  }
  return Math.min(prev[n] ?? 0, max + 1);
}
