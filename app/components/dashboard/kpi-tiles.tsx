import type { Delta } from "../../domain/chart-data.ts";
import { describeCoverage } from "../../domain/coverage.ts";
import type { KpiKey, Kpis } from "../../models/dashboard.server.ts";
import { formatCount, formatPercent } from "../ui/format.ts";

type Unit = "percent" | "count" | "days" | "csat";

function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return "—";
  switch (unit) {
    case "percent":
      return formatPercent(value);
    case "count":
      return formatCount(value);
    case "days":
      return `${value.toFixed(1)} days`;
    case "csat":
      return `${value.toFixed(1)} / 5`;
  }
}

function formatChange(change: number, unit: Unit): string {
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  const size = Math.abs(change);
  switch (unit) {
    case "percent":
      return `${sign}${(size * 100).toFixed(1)} points`;
    case "count":
      return `${sign}${formatCount(size)}`;
    case "days":
      return `${sign}${size.toFixed(1)} days`;
    case "csat":
      return `${sign}${size.toFixed(2)}`;
  }
}

const TREND_WORD = { better: "better", worse: "worse", same: "unchanged", unknown: "" } as const;

function Change({ delta, unit, previousName }: { delta: Delta; unit: Unit; previousName: string | null }) {
  if (!previousName) return <div className="small muted">No earlier period to compare with</div>;
  if (delta.change === null) return <div className="small muted">No figure for {previousName} to compare with</div>;
  return (
    <div className={`small kpi-change kpi-${delta.trend}`}>
      {delta.trend === "same" ? `Same as ${previousName}` : `${formatChange(delta.change, unit)} against ${previousName} (${TREND_WORD[delta.trend]})`}
    </div>
  );
}

interface TileSpec {
  key: KpiKey;
  label: string;
  unit: Unit;
  detail: (kpis: Kpis) => string | null;
}

const TILES: TileSpec[] = [
  { key: "accuracy", label: "Claim accuracy (weighted by severity)", unit: "percent", detail: (k) => `${formatCount(k.claims)} claims made in the period` },
  { key: "pending", label: "Claims still waiting for a verdict", unit: "count", detail: () => null },
  { key: "medianDaysToVerdict", label: "Median time from logging to verdict", unit: "days", detail: () => null },
  { key: "overstatedShare", label: "Claims that overstate the matrix", unit: "percent", detail: () => null },
  { key: "quizPassRate", label: "Quiz pass rate", unit: "percent", detail: (k) => `${formatCount(k.quizAttempts)} attempts submitted` },
  { key: "meanCsat", label: "Six-month CSAT", unit: "csat", detail: (k) => `${formatCount(k.surveysAnswered)} surveys answered` },
  { key: "deliveredRate", label: "Customers who say “delivered as promised”", unit: "percent", detail: () => null },
  {
    key: "coverage",
    label: "Coverage: won deals with a logged claim",
    unit: "percent",
    detail: (k) => (k.wonDeals === 0 ? "No won deals closed in the period" : `${describeCoverage({ won: k.wonDeals, covered: k.coveredDeals })} (any source)`),
  },
  { key: "responseRate", label: "Survey response rate", unit: "percent", detail: (k) => `${formatCount(k.surveysAnswered)} answered of ${formatCount(k.surveysDue)} due so far` },
];

/** The KPI tiles of PRODUCT.md §5, each with its change against the previous period. */
export function KpiTiles({ kpis, deltas, previousName }: { kpis: Kpis; deltas: Record<KpiKey, Delta>; previousName: string | null }) {
  return (
    <ul className="tiles kpi-tiles" aria-label="Key figures">
      {TILES.map((tile) => {
        const detail = tile.detail(kpis);
        return (
          <li className="tile" key={tile.key}>
            <div className="tile-label">{tile.label}</div>
            <div className="tile-value" data-kpi={tile.key}>
              {formatValue(kpis[tile.key], tile.unit)}
            </div>
            {detail ? <div className="small muted">{detail}</div> : null}
            <Change delta={deltas[tile.key]} unit={tile.unit} previousName={previousName} />
          </li>
        );
      })}
    </ul>
  );
}
