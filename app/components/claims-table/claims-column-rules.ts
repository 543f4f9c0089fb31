// Which of the claims table's columns would say the same thing on every row for this reader,
// and so are left out (the table has to fit the screen: PRODUCT.md §3, "Claims"): a
// salesperson reads only their own claims, so their name and their team are on every row; a
// manager of one team sees that team on every row. Left-out columns are not offered in the
// "Columns" list either. Pure, so it is unit-tested.
import type { Scope } from "../../domain/permissions.ts";

/** The ids (as in claims-columns.tsx) of the columns to leave out for this reader. */
export function claimsColumnsToOmit(reader: { scope: Scope; teamCount: number }): string[] {
  if (reader.scope === "own") return ["salesperson", "team"];
  if (reader.teamCount <= 1) return ["team"];
  return [];
}
