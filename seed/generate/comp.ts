import { attemptSubmittedBy, claimAsOf, surveyAnswerKnownAt } from "../../app/domain/comp-as-of.ts";
import type { CompFigures } from "../../app/domain/comp-figures.ts";
import { DEFAULT_COMP_PLAN, computeStatement } from "../../app/domain/comp-formula.ts";
import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import type {
  AuditEvent,
  Claim,
  ClaimDispute,
  CompPeriod,
  CompPlan,
  CompStatement,
  QuizAttempt,
  Survey,
} from "../../app/generated/prisma/client.ts";
import type { Rng } from "../random.ts";
import type { QuizModel, SeedContext, SeedPerson } from "./context.ts";
import type { Quarter, Timeline } from "./timeline.ts";
import { statementColumns } from "../../app/schemas/comp-statement.ts";

// The default plan, the four locked quarters with a frozen statement per salesperson employed
// in them, and the current quarter open without statements. Statements are computed with the
// app's own formula and its own as-of rules (ADR 007): each holds the data as it stood at its
// period's lock, as the app's lock would have frozen it. Survey answers and verdicts that came in
// after a lock are left out, so the seed's first computation of the open period pays them as
// prior-period adjustments with their reasons — the demo shows that rule at work.

export interface LockedPeriod {
  row: CompPeriod;
  quarter: Quarter;
}

export type AuditRow = Omit<AuditEvent, "id">;

export function buildComp(timeline: Timeline, adminId: string, rng: Rng, ids: Rng) {
  const planCreated = addDays(timeline.historyStart, -40);
  const plan: CompPlan = {
    id: ids.id(),
    version: 1,
    paramsJson: JSON.stringify(DEFAULT_COMP_PLAN),
    createdById: adminId,
    createdAt: planCreated,
  };
  const audit: AuditRow[] = [auditRow(planCreated, adminId, "plan.create", "CompPlan", plan.id, null, { version: 1 })];
  const locked: LockedPeriod[] = timeline.lockedPeriods.map((quarter) => {
    // Payroll closes in the first days after a quarter ends, while the last surveys due in it
    // are still being answered: those answers reach people as adjustments in the open period.
    const lockedAt = new Date(quarter.endsAt.getTime() + (2 + rng.float(0, 2)) * MS_PER_DAY);
    const computedAt = new Date(lockedAt.getTime() - 3_600_000);
    // Locking recomputes every statement at the lock instant, so that is the period's last computation.
    const row: CompPeriod = {
      id: ids.id(),
      name: quarter.name,
      startsAt: quarter.startsAt,
      endsAt: quarter.endsAt,
      status: "LOCKED",
      planId: plan.id,
      computedAt: lockedAt,
      lockedAt,
      lockedById: adminId,
      createdAt: quarter.startsAt,
    };
    audit.push(auditRow(computedAt, adminId, "comp.compute", "CompPeriod", row.id, null, { name: quarter.name }));
    audit.push(
      auditRow(lockedAt, adminId, "comp.lock", "CompPeriod", row.id, { status: "OPEN" }, { status: "LOCKED" }),
    );
    return { row, quarter };
  });
  const current = timeline.currentPeriod;
  const open: CompPeriod = {
    id: ids.id(),
    name: current.name,
    startsAt: current.startsAt,
    endsAt: current.endsAt,
    status: "OPEN",
    planId: plan.id,
    computedAt: null,
    lockedAt: null,
    lockedById: null,
    createdAt: current.startsAt,
  };
  return { plan, periods: [...locked.map((p) => p.row), open], locked, audit };
}

function auditRow(
  at: Date,
  actorId: string,
  action: string,
  entityType: string,
  entityId: string,
  before: object | null,
  after: object | null,
): AuditRow {
  return {
    at,
    actorId,
    action,
    entityType,
    entityId,
    teamId: null,
    requestId: null,
    ip: null,
    beforeJson: before === null ? null : JSON.stringify(before),
    afterJson: after === null ? null : JSON.stringify(after),
  };
}

export interface PersonHistory {
  claims: readonly Claim[];
  disputes: readonly ClaimDispute[];
  attempts: readonly QuizAttempt[];
  surveys: readonly Survey[];
}

const within = (date: Date, quarter: Quarter) =>
  date.getTime() >= quarter.startsAt.getTime() && date.getTime() < quarter.endsAt.getTime();

/** The figures of one quarter as the app computes them at `asOf` (its lock): only what was recorded by then. */
export function figuresFor(
  person: SeedPerson,
  history: PersonHistory,
  quarter: Quarter,
  quizzes: readonly QuizModel[],
  asOf: Date,
): CompFigures {
  const disputes = new Map(history.disputes.map((d) => [d.claimId, d]));
  return computeStatement({
    periodEnd: quarter.endsAt,
    targetBonusCents: person.targetBonusCents,
    plan: DEFAULT_COMP_PLAN,
    claims: history.claims.flatMap((c) => {
      if (!within(c.madeAt, quarter)) return [];
      const then = claimAsOf({ ...c, dispute: disputes.get(c.id) ?? null }, asOf);
      return then === null ? [] : [{ id: c.id, ...then }];
    }),
    requiredQuizzes: quizzes
      .filter((q) => q.row.requiredForComp)
      .map((q) => ({
        id: q.row.id,
        title: q.row.title,
        passMark: q.row.passMark,
        certificationDays: q.row.certificationDays,
      })),
    attempts: history.attempts.flatMap((a) =>
      a.submittedAt !== null &&
      a.score !== null &&
      a.submittedAt.getTime() <= quarter.endsAt.getTime() &&
      attemptSubmittedBy(a, asOf)
        ? [{ id: a.id, quizId: a.quizId, score: a.score, submittedAt: a.submittedAt }]
        : [],
    ),
    surveys: history.surveys
      .filter((s) => within(s.dueAt, quarter) && surveyAnswerKnownAt(s, asOf))
      .map((s) => ({ id: s.id, csat: s.csat, delivered: s.deliveredAsPromised })),
  });
}

export function statementsFor(
  person: SeedPerson,
  history: PersonHistory,
  locked: readonly LockedPeriod[],
  ctx: SeedContext,
): CompStatement[] {
  return locked.flatMap(({ row, quarter }) => {
    const employed =
      person.activeFrom < quarter.endsAt && (person.activeUntil === null || person.activeUntil > quarter.startsAt);
    if (!employed) return [];
    const lockedAt = row.lockedAt ?? quarter.endsAt;
    const figures = figuresFor(person, history, quarter, ctx.quizzes, lockedAt);
    return [
      {
        id: ctx.ids.id(),
        periodId: row.id,
        userId: person.id,
        ...statementColumns(figures, 0),
        computedAt: lockedAt,
      },
    ];
  });
}
