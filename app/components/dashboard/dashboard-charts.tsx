// The five charts of PRODUCT.md §5. Each is a ChartFigure: caption, chart (browser only) and
// a table of the same figures whose links drill down to the records behind each point or bar.
import { Link } from "@remix-run/react";
import type { Dashboard } from "../../models/dashboard.server.ts";
import { CategoryBarChart } from "../charts/bar-chart.tsx";
import { ChartFigure } from "../charts/chart-figure.tsx";
import { MultiLineChart } from "../charts/line-chart.tsx";
import { PointScatterChart } from "../charts/scatter-chart.tsx";
import { formatCount, formatDate, formatPercent } from "../ui/format.ts";
import { claimsHref, personHref, quizStatsHref } from "./links.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

type View = Pick<Dashboard, "monthly" | "scatter" | "capabilities" | "quiz" | "backlog" | "periodDays">;

function monthRange(month: string): { from: string; to: string } {
  const [year = 0, monthNumber = 1] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0));
  return { from: `${month}-01`, to: last.toISOString().slice(0, 10) };
}

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

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
      chart={() => <MultiLineChart categories={monthly.months.map(monthLabel)} series={series} />}
      table={
        <TableScroll label="Claim accuracy by month and team">
          <table>
            <caption className="visually-hidden">Claim accuracy by month and team</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                {monthly.teams.map((team) => (
                  <th scope="col" className="num" key={team.id}>
                    {team.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthly.months.map((month, monthIndex) => (
                <tr key={month}>
                  <th scope="row">{monthLabel(month)}</th>
                  {monthly.teams.map((team, teamIndex) => {
                    const claims = monthly.claims[teamIndex]?.[monthIndex] ?? 0;
                    const value = monthly.accuracy[teamIndex]?.[monthIndex] ?? null;
                    return (
                      <td className="num" key={team.id}>
                        {claims === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <Link to={series[teamIndex]?.hrefs[monthIndex] ?? "/claims"}>
                            {formatPercent(value)} <span className="small muted">({formatCount(claims)} claims)</span>
                          </Link>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    />
  );
}

export function AccuracyVsSatisfaction({ scatter }: Pick<View, "scatter">) {
  const window = scatter.days;
  const points = scatter.points.map((point) => ({ ...point, href: claimsHref({ salesperson: point.id, ...window }) }));
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  return (
    <ChartFigure
      id="accuracy-vs-satisfaction"
      caption={`Do honest salespeople have happier customers? Each point is a salesperson: claim accuracy (across) against six-month satisfaction of their customers (up), ${formatDate(window.from)} to ${formatDate(window.to)}. Click a point to see their claims.`}
      empty={
        points.length ? undefined : "No salesperson has both verdicts and answered surveys in these twelve months yet."
      }
      note={
        scatter.total > points.length
          ? `Showing ${formatCount(points.length)} of ${formatCount(scatter.total)} salespeople, including the extremes; the scorecard lists everyone.`
          : undefined
      }
      chart={() => (
        <PointScatterChart
          points={points.map((point) => ({ x: point.x, y: point.y, label: point.name, href: point.href }))}
          xLabel="Claim accuracy"
          yLabel="Six-month satisfaction"
        />
      )}
      table={
        <TableScroll label="Claim accuracy and six-month satisfaction per salesperson, lowest accuracy first">
          <table>
            <caption className="visually-hidden">
              Claim accuracy and six-month satisfaction per salesperson, lowest accuracy first
            </caption>
            <thead>
              <tr>
                <th scope="col">Salesperson</th>
                <th scope="col">Team</th>
                <th scope="col" className="num">
                  Claim accuracy
                </th>
                <th scope="col" className="num">
                  Six-month satisfaction
                </th>
                <th scope="col" className="num">
                  Claims
                </th>
                <th scope="col" className="num">
                  Surveys answered
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((point) => (
                <tr key={point.id}>
                  <th scope="row">
                    <Link to={personHref(point.id)}>{point.name}</Link>
                  </th>
                  <td>{point.teamName}</td>
                  <td className="num">
                    <Link to={point.href} aria-label={`Claims of ${point.name}: accuracy ${formatPercent(point.x)}`}>
                      {formatPercent(point.x)}
                    </Link>
                  </td>
                  <td className="num">{formatPercent(point.y)}</td>
                  <td className="num">{formatCount(point.claims)}</td>
                  <td className="num">{formatCount(point.surveys)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    />
  );
}

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
      table={
        <TableScroll label="Most-misrepresented capabilities">
          <table>
            <caption className="visually-hidden">Most-misrepresented capabilities</caption>
            <thead>
              <tr>
                <th scope="col">Capability</th>
                <th scope="col" className="num">
                  Overstated the matrix
                </th>
                <th scope="col" className="num">
                  Judged inaccurate
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.label}>
                  <th scope="row">{category.label}</th>
                  {category.values.map((value, index) => (
                    <td className="num" key={index}>
                      {value ? <Link to={category.hrefs[index] ?? "/claims"}>{formatCount(value)}</Link> : "0"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
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
      table={
        <TableScroll label="Quiz attempts by score and quiz">
          <table>
            <caption className="visually-hidden">Quiz attempts by score and quiz</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                {quiz.quizzes.map((item) => (
                  <th scope="col" className="num" key={item.id}>
                    <Link to={quizStatsHref(item.id)}>{item.title}</Link>
                    <span className="small muted"> (pass mark {formatPercent(item.passMark)})</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.label}>
                  <th scope="row">{category.label}</th>
                  {category.values.map((value, index) => (
                    <td className="num" key={quiz.quizzes[index]?.id ?? index}>
                      {formatCount(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
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
      table={
        <TableScroll label="Claims waiting for a verdict, by age">
          <table>
            <caption className="visually-hidden">Claims waiting for a verdict, by age</caption>
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col" className="num">
                  Claims waiting
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.label}>
                  <th scope="row">{category.label} ago</th>
                  <td className="num">
                    {category.values[0] ? (
                      <Link to={category.hrefs[0] ?? "/claims"}>{formatCount(category.values[0])}</Link>
                    ) : (
                      "0"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      }
    />
  );
}
