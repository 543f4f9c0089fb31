// The five charts of PRODUCT.md §5. Each is a ChartFigure: caption, chart (browser only) and
// a table of the same figures whose links drill down to the records behind each point or bar.
import { Link, useLocation } from "@remix-run/react";
import type { Dashboard } from "../../models/dashboard.server.ts";
import { CategoryBarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/chart-figure.tsx";
import { MultiLineChart } from "../charts/line-chart.tsx";
import { PointScatterChart } from "../charts/scatter-chart.tsx";
import type { ScatterForPage } from "../../domain/chart-data.ts";
import { formatCount, formatDate, formatMonth, formatPercent } from "../ui/format.ts";
import { claimsHref, personHref, quizStatsHref } from "./links.ts";
import { searchWith } from "../data-table/table-url.ts";
import type { SimpleColumn, SimpleColumns } from "../ui/simple-table.tsx";

type View = Pick<Dashboard, "monthly" | "scatter" | "capabilities" | "quiz" | "backlog" | "periodDays">;

function monthRange(month: string): { from: string; to: string } {
  const [year = 0, monthNumber = 1] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0));
  return { from: `${month}-01`, to: last.toISOString().slice(0, 10) };
}

/** A bar chart's category: its label, a figure per series and where each figure's records are. */
interface Category {
  label: string;
  values: number[];
  hrefs: Array<string | null>;
}

/** A column of one series' counts, each linking to the claims behind it ("0" when there are none). */
function countColumn(header: string, index: number): SimpleColumn<Category> {
  return {
    header,
    key: index,
    numeric: true,
    cell: (category) => {
      const value = category.values[index];
      return value ? <Link to={category.hrefs[index] ?? "/claims"}>{formatCount(value)}</Link> : "0";
    },
  };
}

export function AccuracyByMonth({ monthly }: Pick<View, "monthly">) {
  const series = monthly.teams.map((team, teamIndex) => ({
    name: team.name,
    values: monthly.accuracy[teamIndex] ?? [],
    hrefs: monthly.months.map((month) => claimsHref({ team: team.id, ...monthRange(month) })),
  }));
  const hasData = monthly.accuracy.some((row) => row.some((value) => value !== null));
  return (
    <ChartFigure
      id="accuracy-by-month"
      caption="Claim accuracy by month, per team: severity-weighted share of verdicts that were right, over the twelve months ending with the period. Click a point to see that team's claims of that month."
      empty={hasData ? undefined : "No claim has a verdict in these twelve months yet."}
      chart={() => <MultiLineChart categories={monthly.months.map(formatMonth)} series={series} />}
      table={{
        label: "Claim accuracy by month and team",
        columns: [
          { header: "Month", rowHeader: true, cell: (month: string) => formatMonth(month) },
          ...monthly.teams.map((team, teamIndex) => ({
            header: team.name,
            key: team.id,
            numeric: true,
            cell: (_month: string, monthIndex: number) => {
              const claims = monthly.claims[teamIndex]?.[monthIndex] ?? 0;
              const value = monthly.accuracy[teamIndex]?.[monthIndex] ?? null;
              return claims === 0 ? (
                <span className="muted">—</span>
              ) : (
                <Link to={series[teamIndex]?.hrefs[monthIndex] ?? "/claims"}>
                  {formatPercent(value)} <span className="small muted">({formatCount(claims)} claims)</span>
                </Link>
              );
            },
          })),
        ],
        rows: monthly.months,
        rowKey: (month) => month,
      }}
    />
  );
}

/** The scatter as the dashboard's loader sends it (scatterForPage). */
export type ScatterView = Omit<View["scatter"], "points"> & ScatterForPage<View["scatter"]["points"][number]>;

/**
 * Rows of the scatter's table until the reader asks for every one (`?scatter=all`): the lowest
 * accuracies are what a reader looks for there, and a company's thousand salespeople would make
 * the page several hundred kilobytes of table that the chart above already draws.
 */
export const SCATTER_TABLE_ROWS = 25;

export function AccuracyVsSatisfaction({ scatter }: { scatter: ScatterView }) {
  const window = scatter.days;
  const { search } = useLocation();
  const { chart } = scatter;
  const rows = scatter.rows.map((point) => ({ ...point, href: claimsHref({ salesperson: point.id, ...window }) }));
  const allHref = `${searchWith(new URLSearchParams(search), { scatter: "all" })}#accuracy-vs-satisfaction-caption`;
  return (
    <ChartFigure
      id="accuracy-vs-satisfaction"
      caption={`Do honest salespeople have happier customers? Each point is a salesperson: claim accuracy (across) against six-month satisfaction of their customers (up), ${formatDate(window.from)} to ${formatDate(window.to)}. Click a point to see their claims.`}
      empty={
        scatter.count ? undefined : "No salesperson has both verdicts and answered surveys in these twelve months yet."
      }
      note={
        scatter.total > scatter.count
          ? `Showing ${formatCount(scatter.count)} of ${formatCount(scatter.total)} salespeople, including the extremes; the scorecard lists everyone.`
          : undefined
      }
      chart={() => (
        <PointScatterChart
          points={chart.ids.map((id, index) => ({
            x: chart.x[index] ?? 0,
            y: chart.y[index] ?? 0,
            label: chart.labels[index] ?? "",
            href: claimsHref({ salesperson: id, ...window }),
          }))}
          xLabel="Claim accuracy"
          yLabel="Six-month satisfaction"
        />
      )}
      table={{
        label: "Claim accuracy and six-month satisfaction per salesperson, lowest accuracy first",
        columns: SCATTER_COLUMNS,
        rows,
        rowKey: (point) => point.id,
      }}
      tableFooter={
        rows.length < scatter.count ? (
          <p className="small">
            The {formatCount(rows.length)} lowest accuracies of {formatCount(scatter.count)}.{" "}
            <Link to={allHref} preventScrollReset>
              Show all {formatCount(scatter.count)} salespeople
            </Link>
          </p>
        ) : null
      }
    />
  );
}

type ScatterPoint = View["scatter"]["points"][number] & { href: string };

const SCATTER_COLUMNS: SimpleColumns<ScatterPoint> = [
  { header: "Salesperson", rowHeader: true, cell: (point) => <Link to={personHref(point.id)}>{point.name}</Link> },
  { header: "Team", cell: (point) => point.teamName },
  {
    header: "Claim accuracy",
    numeric: true,
    cell: (point) => (
      <Link to={point.href} aria-label={`Claims of ${point.name}: accuracy ${formatPercent(point.x)}`}>
        {formatPercent(point.x)}
      </Link>
    ),
  },
  { header: "Six-month satisfaction", numeric: true, cell: (point) => formatPercent(point.y) },
  { header: "Claims", numeric: true, cell: (point) => formatCount(point.claims) },
  { header: "Surveys answered", numeric: true, cell: (point) => formatCount(point.surveys) },
];

export function MisrepresentedCapabilities({ capabilities, periodDays }: Pick<View, "capabilities" | "periodDays">) {
  const categories = capabilities.map((capability) => ({
    label: `${capability.title} (${capability.productName})`,
    values: [capability.overstated, capability.inaccurate],
    hrefs: [
      claimsHref({
        product: capability.productSlug,
        capability: capability.key,
        matrixCheck: "OVERSTATES",
        ...periodDays,
      }),
      claimsHref({ product: capability.productSlug, capability: capability.key, status: "INACCURATE", ...periodDays }),
    ],
  }));
  return (
    <ChartFigure
      id="misrepresented-capabilities"
      caption="Most-misrepresented capabilities in the period: claims that overstated the capability matrix, and claims an engineer judged inaccurate. Click a bar to see those claims."
      empty={categories.length ? undefined : "No claim in this period overstated the matrix or was judged inaccurate."}
      chart={() => (
        <CategoryBarChart
          categories={categories}
          series={["Overstated the matrix", "Judged inaccurate"]}
          layout="vertical"
          height={Math.max(200, 40 * categories.length + 60)}
        />
      )}
      table={{
        label: "Most-misrepresented capabilities",
        columns: [
          { header: "Capability", rowHeader: true, cell: (category: Category) => category.label },
          ...["Overstated the matrix", "Judged inaccurate"].map((header, index) => countColumn(header, index)),
        ],
        rows: categories,
        rowKey: (category) => category.label,
      }}
    />
  );
}

const binLabel = (index: number, bins: number) =>
  `${Math.round((index * 100) / bins)}–${Math.round(((index + 1) * 100) / bins)}%`;

export function QuizScoreDistribution({ quiz }: Pick<View, "quiz">) {
  const bins = quiz.counts.length;
  const categories = quiz.counts.map((counts, index) => ({
    label: binLabel(index, bins),
    values: counts,
    hrefs: quiz.quizzes.map((item) => quizStatsHref(item.id)),
  }));
  return (
    <ChartFigure
      id="quiz-scores"
      caption={`Quiz score distribution: the ${formatCount(quiz.attempts)} attempts submitted in the period, by score, per quiz. Click a bar to open that quiz's statistics.`}
      empty={quiz.attempts ? undefined : "No quiz attempt was submitted in this period."}
      chart={() => <CategoryBarChart categories={categories} series={quiz.quizzes.map((item) => item.title)} stacked />}
      table={{
        label: "Quiz attempts by score and quiz",
        columns: [
          { header: "Score", rowHeader: true, cell: (category: Category) => category.label },
          ...quiz.quizzes.map((item, index) => ({
            header: (
              <>
                <Link to={quizStatsHref(item.id)}>{item.title}</Link>
                <span className="small muted"> (pass mark {formatPercent(item.passMark)})</span>
              </>
            ),
            key: item.id,
            numeric: true,
            cell: (category: Category) => formatCount(category.values[index] ?? 0),
          })),
        ],
        rows: categories,
        rowKey: (category) => category.label,
      }}
    />
  );
}

/**
 * `samePoint`: how many claims were waiting as far into the previous period as today is into
 * this one — the fair comparison for a backlog, which a closed quarter has long since drained.
 */
export function VerificationBacklog({
  backlog,
  team,
  samePoint = null,
}: Pick<View, "backlog"> & { team: string | null; samePoint?: { periodName: string; count: number } | null }) {
  const categories = backlog.map((bucket) => ({
    label: bucket.label,
    values: [bucket.count],
    hrefs: [
      claimsHref({
        status: "PENDING",
        ...(team ? { team } : {}),
        ...(bucket.from ? { from: bucket.from } : {}),
        to: bucket.to,
      }),
    ],
  }));
  const total = backlog.reduce((sum, bucket) => sum + bucket.count, 0);
  return (
    <ChartFigure
      id="verification-backlog"
      caption={`Verification backlog today: the ${formatCount(total)} claims still waiting for a verdict, by how many days ago they were made (the target is a verdict within 3 working days).${samePoint ? ` At the same point of ${samePoint.periodName}, ${formatCount(samePoint.count)} were waiting.` : ""} Click a bar to see those claims.`}
      empty={total ? undefined : "No claim is waiting for a verdict."}
      chart={() => <CategoryBarChart categories={categories} series={["Claims waiting"]} />}
      table={{
        label: "Claims waiting for a verdict, by age",
        columns: [
          { header: "Made", rowHeader: true, cell: (category: Category) => <>{category.label} ago</> },
          countColumn("Claims waiting", 0),
        ],
        rows: categories,
        rowKey: (category) => category.label,
      }}
    />
  );
}
