const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/(?:rb|ribu|k)$/, 1_000],
  [/(?:jt|juta)$/, 1_000_000],
  [/(?:m2|m²|meter|lantai|orang|tahun|thn|unit)$/, 1],
];

/**
 * A number as citizens type it: "120", "1.500.000" (dots group thousands), "2,5" (comma is the
 * decimal mark), "50rb", "2 juta", "120 m2". Undefined when it is not one number.
 */
export function parseNumber(typed: string, integer: boolean): number | undefined {
  let s = typed
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^rp\.?/, '');
  let factor = 1;
  for (const [suffix, multiplier] of MULTIPLIERS) {
    if (suffix.test(s)) {
      s = s.replace(suffix, '');
      factor = multiplier;
      break;
    }
  }
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s) * factor;
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return undefined;
  return n;
}
