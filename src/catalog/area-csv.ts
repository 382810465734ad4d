/**
 * A small RFC 4180 reader for the idn-area-data CSVs: quoted fields may hold commas
 * ("Lubuk Pakam I,II") and doubled quotes ("Ra""as"), which a split on commas gets wrong.
 */

/** Rows of fields, header included; a trailing newline does not make an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted field');
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
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(index.map(([name, i]) => [name, r[i] ?? ''])) as Record<K, string>);
}
