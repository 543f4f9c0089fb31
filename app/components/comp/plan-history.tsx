import type { CompPlanParams } from "../../domain/comp-plan.ts";
import { formatDateTime } from "../ui/format.ts";
import { TableScroll } from "../ui/table-scroll.tsx";

export interface PlanVersionRow {
  version: number;
  createdAt: string | Date;
  createdBy: string | null;
  params: CompPlanParams;
  requiredQuizzes: string[] | null;
  periods: string[];
}

export function PlanHistory({ history }: { history: PlanVersionRow[] }) {
  return (
    <section aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">History</h2>
      <TableScroll label="Every plan version, newest first">
        <table>
          <caption className="visually-hidden">Every plan version, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Weights A / Q / S</th>
              <th scope="col">Priors kA, mA · kS, mS</th>
              <th scope="col">Curve (C, M)</th>
              <th scope="col">Caps: high-severity inaccurate claim · quiz below pass mark</th>
              <th scope="col">Required quizzes</th>
              <th scope="col">Periods</th>
            </tr>
          </thead>
          <tbody>
            {history.length === 0 ? (
              <tr>
                <td colSpan={8} className="muted">
                  No plan has been saved yet.
                </td>
              </tr>
            ) : null}
            {history.map((plan) => (
              <tr key={plan.version}>
                <th scope="row">v{plan.version}</th>
                <td>
                  {formatDateTime(plan.createdAt)}
                  {plan.createdBy ? ` by ${plan.createdBy}` : ""}
                </td>
                <td>
                  {plan.params.weights.accuracy} / {plan.params.weights.quiz} / {plan.params.weights.satisfaction}
                </td>
                <td>
                  {plan.params.accuracyPrior.k}, {plan.params.accuracyPrior.m} · {plan.params.satisfactionPrior.k},{" "}
                  {plan.params.satisfactionPrior.m}
                </td>
                <td>{plan.params.curve.map(([c, m]) => `(${c}, ${m})`).join(" ")}</td>
                <td>
                  {plan.params.gates.highSeverityInaccurateCap} · {plan.params.gates.quizBelowPassMarkCap}
                </td>
                <td>
                  {plan.requiredQuizzes === null ? (
                    <span className="muted">as flagged on the quizzes</span>
                  ) : (
                    plan.requiredQuizzes.join(", ") || "none"
                  )}
                </td>
                <td>{plan.periods.length ? plan.periods.join(", ") : <span className="muted">none yet</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
