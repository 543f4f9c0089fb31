import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import { revisionInForce } from "../../app/domain/matrix-check.ts";
import type { EngineerQuestion } from "../../app/generated/prisma/client.ts";
import { ENGINEER_ANSWERS, ENGINEER_QUESTIONS } from "../content/verdicts.ts";
import type { Rng } from "../random.ts";
import type { CatalogCapability, CatalogProduct } from "./catalog.ts";
import { activeEnd, type SeedContext, type SeedPerson } from "./context.ts";
import { capitalise, fill, levelWords } from "./text.ts";
import { instantBetween, laterBy, maxDate } from "./timeline.ts";

// "Ask before you claim": questions from salespeople, answered by the capability's owner within
// a few days; the last few days' questions are still open.

const ASK_RATE: Readonly<Partial<Record<SeedPerson["archetype"], number>>> = {
  HONEST: 0.9,
  CAUTIOUS: 0.7,
  SOLID: 0.5,
  NEWCOMER: 0.9,
  OVERPROMISER: 0.05,
};

function answerText(capability: CatalogCapability, at: Date, rng: Rng): string {
  const revision = revisionInForce(capability.revisions, at);
  const level = capitalise(levelWords(revision?.status ?? "NOT_SUPPORTED"));
  const conditions = revision?.conditions ? `${revision.conditions}.` : "No conditions or limitations.";
  // Only the first answer reads well when there are no conditions to mention.
  const template = revision?.conditions ? rng.pick(ENGINEER_ANSWERS) : (ENGINEER_ANSWERS[0] ?? "{level}.");
  return fill(template, { level, conditions, docsUrl: capability.docsUrl }, rng);
}

function question(
  person: SeedPerson,
  product: CatalogProduct,
  capability: CatalogCapability,
  askedAt: Date,
  ctx: SeedContext,
  rng: Rng,
): EngineerQuestion {
  const text = fill(rng.pick(ENGINEER_QUESTIONS), { action: capability.spec.action }, rng);
  const row: EngineerQuestion = {
    id: ctx.ids.id(),
    askedById: person.id,
    productId: product.id,
    capabilityId: capability.id,
    question: text,
    context: rng.chance(0.5) ? `Deal with ${rng.pick(ctx.accounts).name}.` : "",
    askedAt,
    status: "OPEN",
    answeredById: null,
    answer: null,
    answeredAt: null,
    revisionId: null,
  };
  const answeredAt = laterBy(rng, askedAt, 0.05, 3, ctx.timeline.now);
  const recent = ctx.timeline.now.getTime() - askedAt.getTime() < 4 * MS_PER_DAY;
  if (!recent && answeredAt.getTime() > askedAt.getTime() && rng.chance(0.95)) {
    Object.assign(row, {
      status: "ANSWERED",
      answeredById: capability.ownerId,
      answer: answerText(capability, answeredAt, rng),
      answeredAt,
    } satisfies Partial<EngineerQuestion>);
  }
  return row;
}

export function generateEngineerQuestions(
  person: SeedPerson,
  ctx: SeedContext,
  rng: Rng,
  perMonth?: number,
): EngineerQuestion[] {
  const from = maxDate(ctx.timeline.historyStart, person.activeFrom);
  const until = activeEnd(person, ctx);
  const months = Math.max(0, until.getTime() - from.getTime()) / (30.4 * MS_PER_DAY);
  const count = Math.round((perMonth ?? ASK_RATE[person.archetype] ?? 0.25) * months * rng.float(0.7, 1.3));
  const rows: EngineerQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const product = rng.weighted(person.productWeights);
    rows.push(question(person, product, rng.pick(product.capabilities), instantBetween(rng, from, until), ctx, rng));
  }
  return rows;
}

/** A question whose answer changed the matrix: answered at the moment the revision took effect. */
export function questionsBehindChanges(people: readonly SeedPerson[], ctx: SeedContext, rng: Rng): EngineerQuestion[] {
  const rows: EngineerQuestion[] = [];
  for (const product of ctx.catalog) {
    for (const capability of product.capabilities) {
      for (const revision of capability.revisions.filter((r) => r.changed)) {
        const askedAt = addDays(revision.validFrom, -rng.float(1, 4));
        const askers = people.filter((p) => p.activeFrom < askedAt && activeEnd(p, ctx) > askedAt);
        if (askers.length === 0) continue;
        const row = question(rng.pick(askers), product, capability, askedAt, ctx, rng);
        Object.assign(row, {
          status: "ANSWERED",
          answeredById: revision.authorId,
          answeredAt: revision.validFrom,
          revisionId: revision.id,
          answer: `Good question: the matrix is now updated. ${answerText(capability, revision.validFrom, rng)}`,
        } satisfies Partial<EngineerQuestion>);
        rows.push(row);
      }
    }
  }
  return rows;
}
