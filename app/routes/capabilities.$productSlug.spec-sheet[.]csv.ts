import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../domain/csv-safety.ts";
import { SPEC_SHEET_CSV_HEADER, specSheetCsvRows } from "../domain/spec-sheet.ts";
import { requireSpecSheetProduct, specSheetDownload } from "../services/spec-sheet.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const product = await requireSpecSheetProduct(request, params.productSlug);
  // The BOM makes Excel read the file as UTF-8 (em dashes, accented names).
  const csv = `\uFEFF${toCsv(SPEC_SHEET_CSV_HEADER, specSheetCsvRows(product, product.capabilities, new Date()))}`;
  return specSheetDownload(csv, product.slug, "csv");
}
