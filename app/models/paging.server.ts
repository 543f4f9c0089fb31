import { pageWindow } from "../domain/paging.ts";

/** One page of a list: its rows, the page shown, and how many pages the list has. */
interface Page<Row> {
  rows: Row[];
  page: number;
  pageCount: number;
}

/**
 * Reads the page of a list of `total` rows, `pageSize` a page, that page `requested` asks for (a
 * page past the end shows the last one; domain/paging.ts). `read` fetches the rows of the list's
 * order from `skip`, `take` of them.
 */
export async function readPage<Row>(
  total: number,
  requested: number | undefined,
  pageSize: number,
  read: (slice: { skip: number; take: number }) => Promise<Row[]>,
): Promise<Page<Row>> {
  const { page, pageCount, skip, take } = pageWindow(total, requested, pageSize);
  return { rows: await read({ skip, take }), page, pageCount };
}
