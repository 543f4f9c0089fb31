import type { LoaderFunctionArgs } from "@remix-run/node";
import { PAYROLL_CSV_HEADER, payrollRow } from "../domain/comp-payroll.ts";
import { toCsv } from "../domain/csv-safety.ts";
import { notFound, requireUserWithAudience } from "../services/session.server.ts";
import { getPeriodByName } from "../models/comp-periods.server.ts";
import { listPayrollStatements } from "../models/comp-statements.server.ts";

// /comp/<period-name>/payroll.csv: one row per statement the reader may see (a salesperson:
// their own; a manager: their teams; an admin: everyone), with exactly the columns of
// PAYROLL_CSV_HEADER. payout_cents is the statement's total paid (the period's own payout plus
// its adjustments); adjustment_cents is the part from earlier periods (ADR 007).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { audience } = await requireUserWithAudience(
    request,
    "read:statement",
    "Payroll exports are for salespeople, their managers and admins.",
  );
  const period = await getPeriodByName(params.periodName ?? "");
  if (period === null) notFound("There is no compensation period with that name.");
  const statements = await listPayrollStatements(period.id, period.name, audience);
  const body = toCsv([...PAYROLL_CSV_HEADER], statements.map(payrollRow));
  const safeName = period.name.replace(/[^A-Za-z0-9_-]/g, "_");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="candor-payroll-${safeName}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
