import type {
  Account,
  CandidateClaim,
  Capability,
  CapabilityRevision,
  Claim,
  ClaimDispute,
  CompPeriod,
  CompPlan,
  CompStatement,
  Conversation,
  ConversationSentence,
  Deal,
  EngineerQuestion,
  Product,
  Question,
  Quiz,
  QuizAnswer,
  QuizAttempt,
  Setting,
  Survey,
  Team,
  TeamManager,
  User,
} from "../app/generated/prisma/client.ts";
import type { AuditRow } from "./generate/comp.ts";

// Every row of a seed, typed as the Prisma models (every column present), in insertion order:
// a table comes after the tables its foreign keys point to (a claim points to the survey a
// customer reported it in and to the candidate it was confirmed from, so those come first).

export interface Dataset {
  teams: Team[];
  users: User[];
  teamManagers: TeamManager[];
  products: Product[];
  capabilities: Capability[];
  revisions: CapabilityRevision[];
  accounts: Account[];
  deals: Deal[];
  surveys: Survey[];
  conversations: Conversation[];
  conversationSentences: ConversationSentence[];
  candidateClaims: CandidateClaim[];
  claims: Claim[];
  disputes: ClaimDispute[];
  engineerQuestions: EngineerQuestion[];
  quizzes: Quiz[];
  questions: Question[];
  attempts: QuizAttempt[];
  answers: QuizAnswer[];
  plans: CompPlan[];
  periods: CompPeriod[];
  statements: CompStatement[];
  audit: AuditRow[];
  /** Company settings (the company's name the survey page shows). */
  settings: Setting[];
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
  ["surveys", "Survey"],
  ["conversations", "Conversation"],
  ["conversationSentences", "ConversationSentence"],
  ["candidateClaims", "CandidateClaim"],
  ["claims", "Claim"],
  ["disputes", "ClaimDispute"],
  ["engineerQuestions", "EngineerQuestion"],
  ["quizzes", "Quiz"],
  ["questions", "Question"],
  ["attempts", "QuizAttempt"],
  ["answers", "QuizAnswer"],
  ["plans", "CompPlan"],
  ["periods", "CompPeriod"],
  ["statements", "CompStatement"],
  ["audit", "AuditEvent"],
  ["settings", "Setting"],
];

export function emptyDataset(): Dataset {
  return {
    teams: [],
    users: [],
    teamManagers: [],
    products: [],
    capabilities: [],
    revisions: [],
    accounts: [],
    deals: [],
    surveys: [],
    conversations: [],
    conversationSentences: [],
    candidateClaims: [],
    claims: [],
    disputes: [],
    engineerQuestions: [],
    quizzes: [],
    questions: [],
    attempts: [],
    answers: [],
    plans: [],
    periods: [],
    statements: [],
    audit: [],
    settings: [],
  };
}

export function countsOf(data: Dataset): Record<string, number> {
  return Object.fromEntries(TABLES.map(([key, table]) => [table, data[key].length]));
}
