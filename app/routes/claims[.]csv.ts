import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseClaimsQuery } from "../domain/claims-filter.ts";
import { toCsv, toCsvRecords } from "../domain/csv-safety.ts";
import { requireUserWithAudience } from "../services/session.server.ts";
import { CLAIMS_CSV_HEADER, iterateClaimsForExport } from "../models/claims-table.server.ts";

// /claims.csv takes the same filters and sort as /claims and answers every matching claim the
// reader may see (all pages). A resource route: it guards itself, and streams the file batch by
// batch so 200,000 rows never sit in memory at once.

export async function loader({ request }: LoaderFunctionArgs) {
  const { audience } = await requireUserWithAudience(request, "read:claim");
  const query = parseClaimsQuery(new URL(request.url).searchParams);
  const batches = iterateClaimsForExport(audience, query.filter, query.sort);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // The BOM makes Excel read the file as UTF-8 (accented names, “quotes”).
      controller.enqueue(encoder.encode(`\uFEFF${toCsv(CLAIMS_CSV_HEADER, [])}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(toCsvRecords(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="candor-claims-${today}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
