import { tableViewParams } from "./table-url.ts";

/** Hidden fields repeating the current parameters (less `omit`), so a GET form keeps the rest of the view. */
export function SearchParamInputs({ search, omit = [] }: { search: URLSearchParams; omit?: readonly string[] }) {
  return (
    <>
      {[...search.entries()]
        .filter(([name]) => !omit.includes(name))
        .map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
    </>
  );
}

/**
 * For a page's filter form: keeps the table's sort, page size and hidden columns when the
 * filters change, and leaves out the page number, since new filters start again at page 1.
 */
export function TableStateInputs({ search }: { search: URLSearchParams }) {
  return <SearchParamInputs search={tableViewParams(search)} />;
}
