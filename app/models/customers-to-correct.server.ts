import type { Prisma } from "../generated/prisma/client.ts";
import { VERDICTS_TO_CORRECT } from "../domain/next-steps.ts";
import { prisma } from "../lib/db.server.ts";
import { claimLineSelect } from "./claims.server.ts";
import { findManyWithCount } from "./counted-list.server.ts";

// "Customers to correct" on the salesperson's home: the SQL form of isCustomerToCorrect
// (app/domain/next-steps.ts) — judged inaccurate or partially accurate, told the customer too
// much (inaccurate, or over the matrix: claim-rules.ts needsCustomerCorrection), no correction
// recorded. tests/integration/home.test.ts checks the two agree claim by claim.

/** The most claims the full list shows at once; the count is always the whole. */
export const CUSTOMERS_TO_CORRECT_FULL_LIST = 500;

export function customersToCorrectWhere(salespersonId: string): Prisma.ClaimWhereInput {
  return {
    salespersonId,
    customerCorrectedAt: null,
    status: { in: [...VERDICTS_TO_CORRECT] },
    OR: [{ status: "INACCURATE" }, { matrixCheck: "OVERSTATES" }],
  };
}

/** A salesperson's claims whose customer still has to be told the truth: newest first, and how many there are in all. */
export async function listCustomersToCorrect(salespersonId: string, take: number) {
  return findManyWithCount(prisma.claim, {
    where: customersToCorrectWhere(salespersonId),
    orderBy: [{ madeAt: "desc" }, { id: "asc" }],
    take,
    // The list names the account and the capability; what was said is on the claim's page.
    select: { ...claimLineSelect, statement: false, status: true, severity: true },
  });
}
