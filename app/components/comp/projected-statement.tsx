import { Link } from "@remix-run/react";
import { readableStatementLine } from "../../domain/comp-explanation.ts";
import type { ClaimStatus } from "../../domain/levels.ts";
import { ClaimStatusBadge } from "../ui/badges.tsx";
import { formatCents, formatDate, formatPercent } from "../ui/format.ts";
import { Tile } from "../ui/tile.tsx";

// The salesperson home's "if the period closed today" section. Fed by projectStatementFor
// (app/models/comp-statements.server.ts); nothing here is stored or paid.

export interface ProjectedStatementData {
  period: { name: string; startsAt: string | Date; endsAt: string | Date };
  asOf: string | Date;
  /** Claims of the period whose verdict is under an open dispute: counted as it stands (§4). */
  disputedClaims: Array<{ id: string; accountName: string; statement: string; status: ClaimStatus }>;
  figures: {
    accuracy: number;
    quiz: number | null;
    satisfaction: number;
    composite: number;
    curveMultiplier: number;
    multiplier: number;
    payoutCents: number;
    targetBonusCents: number;
    gates: Array<{ name: string; reason: string; lowered: boolean }>;
    pendingClaims: number;
  };
}

export function ProjectedStatement({ projection }: { projection: ProjectedStatementData | null }) {
  if (projection === null) {
    return (
      <section className="panel" aria-labelledby="projection-title">
        <h2 id="projection-title">Projected pay</h2>
        <p className="muted">There is no open compensation period right now.</p>
      </section>
    );
  }
  const { figures, period } = projection;
  const tiles: Array<[string, string]> = [
    ["Accuracy A", formatPercent(figures.accuracy, 2)],
    ["Quiz Q", figures.quiz === null ? "dropped" : formatPercent(figures.quiz, 2)],
    ["Satisfaction S", formatPercent(figures.satisfaction, 2)],
    ["Composite C", formatPercent(figures.composite, 2)],
    ["Projected multiplier", figures.multiplier.toFixed(4)],
    ["Projected payout", formatCents(figures.payoutCents)],
  ];
  return (
    <section className="panel" aria-labelledby="projection-title">
      <h2 id="projection-title">If {period.name} closed today</h2>
      <p className="muted small">
        Computed just now from your claims, quiz attempts and surveys as of {formatDate(projection.asOf)}, with your
        target bonus of {formatCents(figures.targetBonusCents)}. A projection, not a statement: it moves as verdicts,
        quizzes and surveys come in.
      </p>
      <div className="tiles">
        {tiles.map(([label, value]) => (
          <Tile key={label} label={label} value={value} />
        ))}
      </div>
      {figures.gates.length > 0 ? (
        <ul>
          {figures.gates.map((gate) => (
            <li key={gate.name}>{readableStatementLine(gate.reason)}</li>
          ))}
        </ul>
      ) : (
        <p>No gate applies: your multiplier is the curve&apos;s value for C.</p>
      )}
      {figures.pendingClaims > 0 ? (
        <p className="small">
          {figures.pendingClaims} of your claims in this period {figures.pendingClaims === 1 ? "is" : "are"} still
          pending and not counted yet.
        </p>
      ) : null}
      {projection.disputedClaims.length > 0 ? (
        <div className="small">
          <p>
            Disputed: {projection.disputedClaims.length === 1 ? "this verdict counts" : "these verdicts count"} as{" "}
            {projection.disputedClaims.length === 1 ? "it stands" : "they stand"} until your manager resolves the
            dispute; an overturn moves the figure.
          </p>
          <ul>
            {projection.disputedClaims.map((claim) => (
              <li key={claim.id}>
                <span className="badge warn">Disputed</span> <ClaimStatusBadge status={claim.status} />{" "}
                <Link to={`/claims/${claim.id}`}>
                  {claim.accountName}: {claim.statement}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="small">
        <Link to="/comp">Your statements</Link>
      </p>
    </section>
  );
}
