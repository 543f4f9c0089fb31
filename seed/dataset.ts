import type {
  Account, Capability, CapabilityRevision, Claim, ClaimDispute, CompPeriod, CompPlan, CompStatement, Deal, EngineerQuestion,
  Product, Question, Quiz, QuizAnswer, QuizAttempt, Survey, Team, TeamManager, User,
} from "../app/generated/prisma/client.ts";
import type { AuditRow } from "./generate/comp.ts";

// Every row of a seed, typed as the Prisma models (every column present), in insertion order:
// a table comes after the tables its foreign keys point to.

export interface Dataset {
  teams: Team[];
  users: User[];
  teamManagers: TeamManager[];
  products: Product[];
  capabilities: Capability[];
  revisions: CapabilityRevision[];
  accounts: Account[];
  deals: Deal[];
  claims: Claim[];
  disputes: ClaimDispute[];
  engineerQuestions: EngineerQuestion[];
  quizzes: Quiz[];
  questions: Question[];
  attempts: QuizAttempt[];
  answers: QuizAnswer[];
  surveys: Survey[];
  plans: CompPlan[];
  periods: CompPeriod[];
  statements: CompStatement[];
  audit: AuditRow[];
}

/** The SQL table of each part, in insertion order. */
export const TABLES: readonly (readonly [keyof Dataset, string])[] = [
  ["teams", "Team"],
  ["users", "User"],
  ["teamManagers", "TeamManager"],
  ["products", "Product"],
  ["capabilities", "Capability"],
  ["revisions", "CapabilityRevision"],
  ["accounts", "Account"],
  ["deals", "Deal"],
  ["claims", "Claim"],
  ["disputes", "ClaimDispute"],
  ["engineerQuestions", "EngineerQuestion"],
  ["quizzes", "Quiz"],
  ["questions", "Question"],
  ["attempts", "QuizAttempt"],
  ["answers", "QuizAnswer"],
  ["surveys", "Survey"],
  ["plans", "CompPlan"],
  ["periods", "CompPeriod"],
  ["statements", "CompStatement"],
  ["audit", "AuditEvent"],
];

export function emptyDataset(): Dataset {
  return {
    teams: [], users: [], teamManagers: [], products: [], capabilities: [], revisions: [], accounts: [], deals: [], claims: [],
    disputes: [], engineerQuestions: [], quizzes: [], questions: [], attempts: [], answers: [], surveys: [], plans: [],
    periods: [], statements: [], audit: [],
  };
}

export function countsOf(data: Dataset): Record<string, number> {
  return Object.fromEntries(TABLES.map(([key, table]) => [table, data[key].length]));
}
