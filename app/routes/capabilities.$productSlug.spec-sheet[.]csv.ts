import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../domain/csv-safety.ts";
import { SPEC_SHEET_CSV_HEADER, specSheetCsvRows } from "../domain/spec-sheet.ts";
import { requireUserWithPermission } from "../services/session.server.ts";
import { getSpecSheetData } from "../models/capabilities.server.ts";

// A resource route (no page around it), so it guards itself and answers errors as plain text.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:matrix");
  const product = await getSpecSheetData(params.productSlug ?? "");
  if (!product) {
    throw new Response("There is no product with that address in the capability matrix.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  // The BOM makes Excel read the file as UTF-8 (em dashes, accented names).
  const csv = `\uFEFF${toCsv(SPEC_SHEET_CSV_HEADER, specSheetCsvRows(product, product.capabilities, new Date()))}`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${product.slug}-spec-sheet.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
