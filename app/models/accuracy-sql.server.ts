// PRODUCT.md §4 step 1 as SQL fragments over a claim table alias, built from the weights and
// credits of app/domain/verdicts.ts so the dashboard's figures and the comp formula can never
// disagree. A final verdict without a severity weighs as MEDIUM, as in the formula.
import { Prisma } from "../generated/prisma/client.ts";
import { FINAL_VERDICTS, SEVERITY_WEIGHT, VERDICT_CREDIT } from "../domain/verdicts.ts";

const ALIAS = /^[a-z]$/;

function alias(name: string): string {
  // Only a one-letter alias written in our own code ever reaches Prisma.raw.
  if (!ALIAS.test(name)) throw new Error(`Not a table alias: ${name}`);
  return name;
}

/** The claim's weight when its verdict is final, else 0. */
export function weightSql(table = "c"): Prisma.Sql {
  const t = alias(table);
  return Prisma.raw(
    `(CASE WHEN ${t}."status" IN (${FINAL_VERDICTS.map((status) => `'${status}'`).join(",")}) THEN (CASE ${t}."severity" WHEN 'LOW' THEN ${SEVERITY_WEIGHT.LOW} WHEN 'HIGH' THEN ${SEVERITY_WEIGHT.HIGH} ELSE ${SEVERITY_WEIGHT.MEDIUM} END) ELSE 0 END)`,
  );
}

/** The claim's weight × credit when its verdict is final, else 0. */
export function weightedCreditSql(table = "c"): Prisma.Sql {
  const t = alias(table);
  const credit = `(CASE ${t}."status" ${FINAL_VERDICTS.map((status) => `WHEN '${status}' THEN ${VERDICT_CREDIT[status].toFixed(1)}`).join(" ")} ELSE 0.0 END)`;
  return Prisma.raw(`(${weightSql(t).text} * ${credit})`);
}

/**
 * One survey's six-month satisfaction s of PRODUCT.md §4 step 3: the mean of (csat − 1)/4 and
 * delivered (YES 1, PARTLY 0.5, NO 0), a missing item left out; NULL when both are missing.
 */
export function surveyScoreSql(table = "s"): Prisma.Sql {
  const t = alias(table);
  const csat = `((${t}."csat" - 1) / 4.0)`;
  const delivered = `(CASE ${t}."deliveredAsPromised" WHEN 'YES' THEN 1.0 WHEN 'PARTLY' THEN 0.5 WHEN 'NO' THEN 0.0 END)`;
  return Prisma.raw(
    `(CASE WHEN ${t}."csat" IS NULL THEN ${delivered} WHEN ${t}."deliveredAsPromised" IS NULL THEN ${csat} ELSE (${csat} + ${delivered}) / 2.0 END)`,
  );
}

/** 1 when the survey says delivered as promised, 0 for PARTLY or NO, NULL when unanswered. */
export function deliveredYesSql(table = "s"): Prisma.Sql {
  const t = alias(table);
  return Prisma.raw(
    `(CASE WHEN ${t}."deliveredAsPromised" IS NULL THEN NULL WHEN ${t}."deliveredAsPromised" = 'YES' THEN 1.0 ELSE 0.0 END)`,
  );
}
