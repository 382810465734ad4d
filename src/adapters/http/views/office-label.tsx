/**
 * An office as officers read it: its name with the area code small after it, for those who work
 * by code; the code alone when no office of that id is stored.
 */
export function OfficeLabel({ id, names }: { id: string; names: ReadonlyMap<string, string> }) {
  const name = names.get(id);
  if (!name) return <>{id}</>;
  return (
    <>
      {name} <small class="code">{id}</small>
    </>
  );
}
