// Builders shared by the domain's unit tests (*.test.ts beside each file).
import type { SortDir, TableQuery } from "./list-query.ts";

/** What a DataTable page reads of its own parameters: sorted by `key`, the first page of 25 and no notes unless `rest` says otherwise. */
export function tableQueryOf<K extends string>(
  key: K,
  dir: SortDir,
  rest: Partial<Omit<TableQuery<K>, "sort">> = {},
): TableQuery<K> {
  return { sort: { key, dir }, page: 1, pageSize: 25, notes: [], ...rest };
}
