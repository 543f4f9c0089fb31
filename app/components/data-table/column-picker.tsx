import { useNavigate } from "@remix-run/react";
import type { FormEvent } from "react";
import { SearchParamInputs } from "./hidden-inputs.tsx";
import { COLUMN_FORM_FIELDS, hideParam, searchWith, TABLE_PARAMS } from "./table-url.ts";

export interface PickableColumn {
  id: string;
  label: string;
  visible: boolean;
}

/**
 * The "Columns" disclosure. Without JavaScript it is a GET form whose "Apply" the loader turns
 * into `hide=…` (columnFormRedirect); with JavaScript each tick updates the address at once.
 */
export function ColumnPicker({
  columns,
  pathname,
  search,
}: {
  columns: PickableColumn[];
  pathname: string;
  search: URLSearchParams;
}) {
  const navigate = useNavigate();
  const go = (hidden: string[]) =>
    navigate(pathname + searchWith(search, { [TABLE_PARAMS.hide]: hideParam(hidden) }), {
      replace: true,
      preventScrollReset: true,
    });
  const hiddenNow = columns.filter((column) => !column.visible).map((column) => column.id);

  const toggle = (id: string, show: boolean) =>
    go(show ? hiddenNow.filter((hidden) => hidden !== id) : [...hiddenNow, id]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const shown = new FormData(event.currentTarget).getAll(COLUMN_FORM_FIELDS.shown);
    go(columns.filter((column) => !shown.includes(column.id)).map((column) => column.id));
  };
  const hiddenCount = hiddenNow.length;

  return (
    <details className="column-picker">
      <summary>Columns{hiddenCount ? ` (${hiddenCount} hidden)` : ""}</summary>
      <form method="get" action={pathname} onSubmit={submit}>
        <SearchParamInputs
          search={search}
          omit={[TABLE_PARAMS.hide, COLUMN_FORM_FIELDS.list, COLUMN_FORM_FIELDS.shown]}
        />
        <input type="hidden" name={COLUMN_FORM_FIELDS.list} value={columns.map((column) => column.id).join(",")} />
        <fieldset>
          <legend>Show these columns</legend>
          {columns.map((column) => (
            <label key={column.id} className="checkbox">
              {/* Uncontrolled, so a tick shows at once; keyed by the URL's state so Back and Forward reset it. */}
              <input
                key={String(column.visible)}
                type="checkbox"
                name={COLUMN_FORM_FIELDS.shown}
                value={column.id}
                defaultChecked={column.visible}
                onChange={(event) => toggle(column.id, event.currentTarget.checked)}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button secondary">
          Apply
        </button>
      </form>
    </details>
  );
}
