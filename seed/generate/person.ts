import type {
  Claim,
  ClaimDispute,
  CompStatement,
  Deal,
  EngineerQuestion,
  QuizAnswer,
  QuizAttempt,
  Survey,
} from "../../app/generated/prisma/client.ts";
import type { ConversationSpec } from "../content/conversations.ts";
import type { Rng } from "../random.ts";
import { generateAttempts } from "./attempts.ts";
import { generateClaims, type GeneratedClaim } from "./claims.ts";
import { statementsFor, type LockedPeriod } from "./comp.ts";
import { activeEnd, type SeedContext, type SeedPerson } from "./context.ts";
import { generateDeals, type DealPlan } from "./deals.ts";
import { applyAftermath } from "./disputes.ts";
import { emptyConversationRows, storyConversations, type ConversationRows } from "./conversations.ts";
import { customerClaims } from "./customer-claims.ts";
import { generateEngineerQuestions } from "./engineer-questions.ts";
import { generateConversations } from "./scale-conversations.ts";
import { generateSurvey } from "./surveys.ts";

// Everything one salesperson leaves behind, generated in dependency order: deals, the claims
// made on them, verdicts and disputes, surveys (happier when the claims were true), quiz
// attempts, questions to engineers, and finally the frozen statements of the locked quarters.
// Claims from the other sources of PRODUCT.md §7 join the person's own log before the surveys
// and statements: confirmed candidates from their conversations, and their customers' reports.
// Their rows take ids from a stream of their own, so adding them never renumbers the others.

export interface PersonPlan {
  deals: DealPlan;
  claims: number;
  /** Exact number of quiz attempts (the scale seed); by default the certification schedule decides. */
  attempts?: number;
  questionsPerMonth?: number;
  /** The demo's hand-written conversations of this person (seed/content/conversations.ts). */
  story?: ConversationSpec["salesperson"];
  /** Generated conversations on the person's deals (the scale seed). */
  conversations?: number;
  /** The person's latest customer reports that still wait to be mapped. */
  unmappedCustomerClaims?: number;
}

export interface PersonBundle {
  deals: Deal[];
  claims: Claim[];
  disputes: ClaimDispute[];
  surveys: Survey[];
  attempts: QuizAttempt[];
  answers: QuizAnswer[];
  engineerQuestions: EngineerQuestion[];
  statements: CompStatement[];
  conversations: ConversationRows;
  /** Decisions of the demo's conversation files that matched no candidate. */
  problems: string[];
}

export function generatePerson(
  person: SeedPerson,
  plan: PersonPlan,
  locked: readonly LockedPeriod[],
  ctx: SeedContext,
  rng: Rng,
): PersonBundle {
  const deals = generateDeals(person, plan.deals, ctx, rng.fork("deals"));
  const generated = generateClaims(person, deals, plan.claims, ctx, rng.fork("claims"));
  const disputes = applyAftermath(person, generated, ctx, rng.fork("aftermath"));

  const sourceIds = rng.fork("source-ids");
  let conversations = emptyConversationRows();
  const problems: string[] = [];
  if (plan.story !== undefined) {
    const story = storyConversations(person, plan.story, ctx, rng.fork("story"), sourceIds);
    deals.push(...story.deals);
    generated.push(...story.claims);
    conversations = story.rows;
    problems.push(...story.problems);
  } else if (plan.conversations !== undefined && plan.conversations > 0) {
    const found = generateConversations(person, deals, plan.conversations, ctx, rng.fork("conversations"), sourceIds);
    generated.push(...found.claims);
    conversations = found.rows;
  }

  const byDeal = new Map<string, GeneratedClaim[]>();
  for (const claim of generated) {
    if (claim.deal === null) continue;
    const list = byDeal.get(claim.deal.row.id) ?? [];
    list.push(claim);
    byDeal.set(claim.deal.row.id, list);
  }
  const surveyRng = rng.fork("surveys");
  const surveys = deals.flatMap(
    (deal) => generateSurvey(person, deal, byDeal.get(deal.row.id) ?? [], ctx, surveyRng) ?? [],
  );
  const reported = customerClaims(person, surveys, deals, ctx, rng.fork("customer-claims"), sourceIds, {
    unmappedLatest: plan.unmappedCustomerClaims,
  });
  generated.push(...reported);

  const taker = {
    userId: person.id,
    skill: person.profile.quizSkill,
    activeFrom: person.activeFrom,
    activeUntil: activeEnd(person, ctx),
  };
  const { attempts, answers } = generateAttempts(taker, ctx, rng.fork("attempts"), plan.attempts);

  const claims = generated.map((claim) => claim.row);
  const statements = statementsFor(person, { claims, disputes, attempts, surveys }, locked, ctx);
  return {
    deals: deals.map((deal) => deal.row),
    claims,
    disputes,
    surveys,
    attempts,
    answers,
    engineerQuestions: generateEngineerQuestions(person, ctx, rng.fork("questions"), plan.questionsPerMonth),
    statements,
    conversations,
    problems,
  };
}
