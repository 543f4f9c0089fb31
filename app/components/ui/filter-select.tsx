import { SelectOptions } from "./field.tsx";

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled select for a GET filter form. The empty first option means "no filter", so an
 * unfiltered list is the plain URL and a cleared filter drops out of the query string.
 */
export function FilterSelect({
  id,
  name,
  label,
  options,
  defaultValue,
  anyLabel,
}: {
  /** Defaults to `filter-<name>`. */
  id?: string;
  name: string;
  label: string;
  options: ReadonlyArray<FilterOption>;
  defaultValue: string | null | undefined;
  anyLabel: string;
}) {
  const selectId = id ?? `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} name={name} defaultValue={defaultValue ?? ""}>
        <option value="">{anyLabel}</option>
        <SelectOptions options={options} />
      </select>
    </div>
  );
}
