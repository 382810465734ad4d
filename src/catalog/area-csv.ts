/**
 * A small RFC 4180 reader for the idn-area-data CSVs: quoted fields may hold commas
 * ("Lubuk Pakam I,II") and doubled quotes ("Ra""as"), which a split on commas gets wrong.
 */

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Rows of fields, header included; a trailing newline does not make an empty row. An unquoted
 * run is taken as one slice, since the villages file is large and read at every start-up; only
 * quoted fields go character by character.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === QUOTE && field === '') {
      // A quoted field: up to the lone closing quote, "" standing for one quote.
      i++;
      for (;;) {
        if (i >= n) throw new SyntaxError('CSV ends inside a quoted field');
        const q = text.indexOf('"', i);
        if (q < 0) throw new SyntaxError('CSV ends inside a quoted field');
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    // An unquoted run, up to the next comma or line end.
    const start = i;
    while (i < n && (c = text.charCodeAt(i)) !== COMMA && c !== LF && c !== CR) i++;
    field += text.slice(start, i);
    if (i >= n) break;
    row.push(field);
    field = '';
    if (c !== COMMA) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      rows.push(row);
      row = [];
    }
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Rows as objects keyed by the header, so a column moved by a new package version still reads
 * right; a missing column throws instead of quietly reading blanks.
 */
export function csvRecords<K extends string>(text: string, columns: readonly K[]): Array<Record<K, string>> {
  const [header, ...rows] = parseCsv(text);
  const index = columns.map((name) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`CSV has no column "${name}" (header: ${header?.join(',') ?? 'none'})`);
    return [name, i] as const;
  });
  const records: Array<Record<K, string>> = [];
  for (const r of rows) {
    if (r.length <= 1 && (r[0] ?? '') === '') continue;
    const record = {} as Record<K, string>;
    for (const [name, i] of index) record[name] = r[i] ?? '';
    records.push(record);
  }
  return records;
}
