import { DEFAULT_COMP_PLAN, validateCompPlan, type CompPlanParams } from "../domain/comp-plan.ts";
import { fieldError, invalid, ok, type Outcome } from "../domain/outcome.ts";
import { prisma } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

// The compensation plan, versioned (PRODUCT.md §1, §4; ADR 007). A saved plan is never edited:
// saving creates the next version, which the open periods then use; locked periods keep theirs.
// The required quizzes are the quizzes flagged requiredForComp; a plan version records the list
// that was in force when it was saved, for history.

export interface StoredPlan {
  params: CompPlanParams;
  requiredQuizIds: string[] | null;
}

/** A plan's stored JSON as parameters; a row that no longer validates is reported, never paid from. */
export function parsePlanJson(json: string): StoredPlan {
  const value: unknown = JSON.parse(json);
  const validation = validateCompPlan(value);
  if (!validation.ok || typeof value !== "object" || value === null)
    throw new Error("A stored compensation plan is invalid.");
  const { weights, accuracyPrior, satisfactionPrior, curve, gates } = value as CompPlanParams;
  const ids =
    "requiredQuizIds" in value && Array.isArray(value.requiredQuizIds)
      ? value.requiredQuizIds.filter((id): id is string => typeof id === "string")
      : null;
  return { params: { weights, accuracyPrior, satisfactionPrior, curve, gates }, requiredQuizIds: ids };
}

const planSelect = {
  id: true,
  version: true,
  paramsJson: true,
  createdAt: true,
  createdBy: { select: { name: true } },
} as const;

/** The newest plan version; the default plan of §4 as version 0 when none was ever saved. */
export async function getCurrentPlan() {
  const row = await prisma.compPlan.findFirst({ orderBy: { version: "desc" }, select: planSelect });
  if (row === null)
    return { id: null, version: 0, params: DEFAULT_COMP_PLAN, requiredQuizIds: null, createdAt: null, createdBy: null };
  return {
    id: row.id,
    version: row.version,
    ...parsePlanJson(row.paramsJson),
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
  };
}

export async function getPlanPage() {
  const [plans, quizzes, current] = await Promise.all([
    prisma.compPlan.findMany({
      orderBy: { version: "desc" },
      select: {
        ...planSelect,
        _count: { select: { periods: true } },
        periods: { select: { name: true }, orderBy: { startsAt: "asc" } },
      },
    }),
    prisma.quiz.findMany({
      orderBy: { title: "asc" },
      select: { id: true, title: true, requiredForComp: true, passMark: true, published: true },
    }),
    getCurrentPlan(),
  ]);
  const titles = new Map(quizzes.map((quiz) => [quiz.id, quiz.title]));
  const history = plans.map((plan) => {
    const stored = parsePlanJson(plan.paramsJson);
    return {
      version: plan.version,
      createdAt: plan.createdAt,
      createdBy: plan.createdBy?.name ?? null,
      params: stored.params,
      requiredQuizzes:
        stored.requiredQuizIds === null ? null : stored.requiredQuizIds.map((id) => titles.get(id) ?? "a deleted quiz"),
      periods: plan.periods.map((period) => period.name),
    };
  });
  return { current, history, quizzes };
}

type SavePlanResult = Outcome<{ version: number }>;

/**
 * Saves a new plan version and makes the required-quiz flags match it; the open periods move to
 * the new version (their statements follow at the next compute). One transaction, one audit row.
 */
export async function savePlan(
  ctx: AuditContext,
  params: CompPlanParams,
  requiredQuizIds: readonly string[],
): Promise<SavePlanResult> {
  const validation = validateCompPlan(params);
  if (!validation.ok)
    return invalid(Object.fromEntries(Object.entries(validation.errors).map(([key, message]) => [key, [message]])));
  const ids = [...new Set(requiredQuizIds)];
  const known = await prisma.quiz.count({ where: { id: { in: ids } } });
  if (known !== ids.length)
    return fieldError(
      "requiredQuizIds",
      "One of the chosen quizzes no longer exists. Reload the page and choose again.",
    );
  return prisma.$transaction(async (tx): Promise<SavePlanResult> => {
    const latest = await tx.compPlan.findFirst({
      orderBy: { version: "desc" },
      select: { version: true, paramsJson: true },
    });
    const version = (latest?.version ?? 0) + 1;
    const plan = await tx.compPlan.create({
      data: { version, paramsJson: JSON.stringify({ ...params, requiredQuizIds: ids }), createdById: ctx.actorId },
    });
    await tx.quiz.updateMany({ where: { id: { in: ids } }, data: { requiredForComp: true } });
    await tx.quiz.updateMany({
      where: { id: { notIn: ids }, requiredForComp: true },
      data: { requiredForComp: false },
    });
    const moved = await tx.compPeriod.updateMany({ where: { status: "OPEN" }, data: { planId: plan.id } });
    await recordAudit(tx, ctx, {
      action: "plan.create",
      entityType: "CompPlan",
      entityId: plan.id,
      before: latest === null ? null : { version: latest.version, ...parsePlanJson(latest.paramsJson) },
      after: { version, params, requiredQuizIds: ids, openPeriodsMoved: moved.count },
    });
    return ok({ version });
  });
}
