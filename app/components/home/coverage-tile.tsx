import { coverageShare, describeCoverage } from "../../domain/coverage.ts";
import type { PeriodCoverage } from "../../models/coverage.server.ts";
import { formatPercent } from "../ui/format.ts";

/**
 * The salesperson's coverage on their home scorecard (PRODUCT.md §7): how many of their won
 * deals have a claim on record, whoever logged it. Without won deals it says so, never 0 %.
 */
export function CoverageTile({ coverage }: { coverage: PeriodCoverage | null }) {
  if (!coverage) return null;
  const { period, counts } = coverage;
  return (
    <div className="tile">
      <div className="tile-label">Won deals with a logged claim, {period.name}</div>
      <div className="tile-value">{counts.won === 0 ? "No won deals" : formatPercent(coverageShare(counts))}</div>
      <div className="small muted">
        {counts.won === 0
          ? `No deal of yours closed as won in ${period.name} yet.`
          : `${describeCoverage(counts)}: yours, one a colleague heard, your customer's or one found in a conversation.`}
      </div>
    </div>
  );
}
