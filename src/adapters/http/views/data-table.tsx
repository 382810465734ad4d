import { toChildArray, type ComponentChildren } from 'preact';

/** What a console list table needs: its column heads, the text for no rows, and the rows. */
export interface DataTableProps {
  /** One `<th>` each, in order; an empty string leaves a blank head (an actions column). */
  headers: readonly string[];
  /** Shown across every column when there are no rows. */
  empty: string;
  id?: string;
  class?: string;
  /** `data-*` attributes the page's scripts read from the table (the live queue's stream, say). */
  attrs?: Readonly<Record<`data-${string}`, string>>;
  /** Class of the no-rows row, for scripts that replace it (the live queue marks it `empty`). */
  emptyClass?: string;
  /** The `<tr>` rows; none at all shows the `empty` row. */
  children?: ComponentChildren;
}

/**
 * The console's list table in its horizontal scroller. One shape for every list so the
 * no-rows row always spans all the columns, and a new list is only its heads and its rows.
 */
export function DataTable({ headers, empty, id, class: cls, attrs, emptyClass, children }: DataTableProps) {
  const rows = toChildArray(children);
  return (
    <div class="scroll">
      <table id={id} class={cls} {...attrs}>
        <thead>
          <tr>
            {headers.map((h) => (
              <th>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr class={emptyClass}>
              <td colspan={headers.length}>{empty}</td>
            </tr>
          ) : (
            rows
          )}
        </tbody>
      </table>
    </div>
  );
}
