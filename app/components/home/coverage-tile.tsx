import { coverageShare, describeCoverage } from "../../domain/coverage.ts";
import type { PeriodCoverage } from "../../models/coverage.server.ts";
import { formatPercent } from "../ui/format.ts";
import { Tile } from "../ui/tile.tsx";

/**
 * The salesperson's coverage on their home scorecard (PRODUCT.md §7): how many of their won
 * deals have a claim on record, whoever logged it. Without won deals it says so, never 0 %.
 */
export function CoverageTile({ coverage }: { coverage: PeriodCoverage | null }) {
  if (!coverage) return null;
  const { period, counts } = coverage;
  return (
    <Tile
      label={<>Won deals with a logged claim, {period.name}</>}
      value={counts.won === 0 ? "No won deals" : formatPercent(coverageShare(counts))}
      note={
        counts.won === 0
          ? `No deal of yours closed as won in ${period.name} yet.`
          : `${describeCoverage(counts)}: yours, one a colleague heard, your customer's or one found in a conversation.`
      }
    />
  );
}
