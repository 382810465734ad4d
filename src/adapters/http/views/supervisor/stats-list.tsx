/** Numbers as a definition list: each label beside its value, the way the dashboard shows them. */
export function StatsList({
  rows,
}: {
  rows: ReadonlyArray<readonly [label: string, value: string | number]>;
}) {
  return (
    <dl class="stats">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** A median or maximum that may not exist yet (nothing finished): a dash instead of a number. */
export function orDash(n: number | null): string {
  return n === null ? '-' : String(n);
}
