import type { CompPlanParams } from "../../domain/comp-plan.ts";
import { formatDateTime } from "../ui/format.ts";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

export interface PlanVersionRow {
  version: number;
  createdAt: string | Date;
  createdBy: string | null;
  params: CompPlanParams;
  requiredQuizzes: string[] | null;
  periods: string[];
}

const PLAN_COLUMNS: SimpleColumns<PlanVersionRow> = [
  { header: "Version", rowHeader: true, cell: (plan) => `v${plan.version}` },
  {
    header: "Saved",
    cell: (plan) => (
      <>
        {formatDateTime(plan.createdAt)}
        {plan.createdBy ? ` by ${plan.createdBy}` : ""}
      </>
    ),
  },
  {
    header: "Weights A / Q / S",
    cell: ({ params }) => (
      <>
        {params.weights.accuracy} / {params.weights.quiz} / {params.weights.satisfaction}
      </>
    ),
  },
  {
    header: "Priors kA, mA · kS, mS",
    cell: ({ params }) => (
      <>
        {params.accuracyPrior.k}, {params.accuracyPrior.m} · {params.satisfactionPrior.k}, {params.satisfactionPrior.m}
      </>
    ),
  },
  { header: "Curve (C, M)", cell: (plan) => plan.params.curve.map(([c, m]) => `(${c}, ${m})`).join(" ") },
  {
    header: "Caps: high-severity inaccurate claim · quiz below pass mark",
    cell: ({ params }) => (
      <>
        {params.gates.highSeverityInaccurateCap} · {params.gates.quizBelowPassMarkCap}
      </>
    ),
  },
  {
    header: "Required quizzes",
    cell: (plan) =>
      plan.requiredQuizzes === null ? (
        <span className="muted">as flagged on the quizzes</span>
      ) : (
        plan.requiredQuizzes.join(", ") || "none"
      ),
  },
  {
    header: "Periods",
    cell: (plan) => (plan.periods.length ? plan.periods.join(", ") : <span className="muted">none yet</span>),
  },
];

export function PlanHistory({ history }: { history: PlanVersionRow[] }) {
  return (
    <section aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">History</h2>
      <SimpleTable
        label="Every plan version, newest first"
        hiddenCaption
        columns={PLAN_COLUMNS}
        rows={history}
        rowKey={(plan) => plan.version}
        empty="No plan has been saved yet."
      />
    </section>
  );
}
