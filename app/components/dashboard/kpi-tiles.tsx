import { Link } from "@remix-run/react";
import { KPI_COMPARISON, type Delta } from "../../domain/chart-data.ts";
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

function Change({
  delta,
  unit,
  previousName,
  samePoint,
}: {
  delta: Delta;
  unit: Unit;
  previousName: string | null;
  samePoint: boolean;
}) {
  if (!previousName) return <div className="small muted">No earlier period to compare with</div>;
  // A backlog figure is compared with the previous period as many days into it as we are now.
  const against = samePoint ? `${previousName} at the same point` : previousName;
  if (delta.change === null) return <div className="small muted">No figure for {against} to compare with</div>;
  return (
    <div className={`small kpi-change kpi-${delta.trend}`}>
      {delta.trend === "same"
        ? `Same as ${against}`
        : `${formatChange(delta.change, unit)} against ${against} (${TREND_WORD[delta.trend]})`}
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
  {
    key: "accuracy",
    label: "Claim accuracy (weighted by severity)",
    unit: "percent",
    detail: (k) => `${formatCount(k.claims)} claims made in the period`,
  },
  { key: "pending", label: "Claims still waiting for a verdict", unit: "count", detail: () => null },
  { key: "medianDaysToVerdict", label: "Median time from logging to verdict", unit: "days", detail: () => null },
  { key: "overstatedShare", label: "Claims that overstate the matrix", unit: "percent", detail: () => null },
  {
    key: "quizPassRate",
    label: "Quiz pass rate",
    unit: "percent",
    detail: (k) => `${formatCount(k.quizAttempts)} attempts submitted`,
  },
  {
    key: "meanCsat",
    label: "Six-month CSAT",
    unit: "csat",
    detail: (k) => `${formatCount(k.surveysAnswered)} surveys answered`,
  },
  { key: "deliveredRate", label: "Customers who say “delivered as promised”", unit: "percent", detail: () => null },
  {
    key: "coverage",
    label: "Coverage: won deals with a logged claim",
    unit: "percent",
    detail: (k) =>
      k.wonDeals === 0
        ? "No won deals closed in the period"
        : `${describeCoverage({ won: k.wonDeals, covered: k.coveredDeals })} (any source)`,
  },
  {
    key: "responseRate",
    label: "Survey response rate",
    unit: "percent",
    detail: (k) => `${formatCount(k.surveysAnswered)} answered of ${formatCount(k.surveysDue)} due so far`,
  },
];

/** The KPI tiles of PRODUCT.md §5, each with its change against the previous period. */
export function KpiTiles({
  kpis,
  deltas,
  previousName,
  openDisputes,
}: {
  kpis: Kpis;
  deltas: Record<KpiKey, Delta>;
  previousName: string | null;
  /** Open disputes in the teams in view, now; the tile is left out when not given. */
  openDisputes?: number;
}) {
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
            <Change
              delta={deltas[tile.key]}
              unit={tile.unit}
              previousName={previousName}
              samePoint={KPI_COMPARISON[tile.key].compareAt === "same point"}
            />
          </li>
        );
      })}
      {openDisputes === undefined ? null : <OpenDisputesTile count={openDisputes} />}
    </ul>
  );
}

// Disputes wait until a manager resolves them, so the tile counts them now rather than per period.
function OpenDisputesTile({ count }: { count: number }) {
  return (
    <li className="tile">
      <div className="tile-label">Open disputes</div>
      <div className="tile-value" data-kpi="openDisputes">
        {formatCount(count)}
      </div>
      <div className="small">
        <Link to="/disputes">
          {count === 0 ? "None waiting: see recent decisions" : "Resolve them on the disputes page"}
        </Link>
      </div>
    </li>
  );
}
