/** One `<option>` per value, the current one selected; what every filter form's selects share. */
export function OptionList({
  options,
  current,
}: {
  options: ReadonlyArray<readonly [value: string, label: string]>;
  current?: string | undefined;
}) {
  return (
    <>
      {options.map(([value, label]) => (
        <option value={value} selected={value === current}>
          {label}
        </option>
      ))}
    </>
  );
}
