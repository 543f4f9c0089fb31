import type { DismissReason } from "./candidate-rules.ts";
import type {
  CapabilityLevel,
  Channel,
  ClaimSource,
  ClaimStatus,
  Delivered,
  MatrixCheckResult,
  QuestionType,
  Severity,
} from "./levels.ts";
import type { Role } from "./permissions.ts";

// The one vocabulary of labels: what a person reads for every enum value Candor stores
// (prisma/schema.prisma). Pages, CSV exports, statement reasons, a claim's history and the audit
// log all take their words from here, so a verdict reads "Partially accurate" everywhere and
// never PARTIALLY_ACCURATE. The machine codes stay in the database, in URLs and filters, in the
// JSON API (/api/v1) and in payroll.csv, whose columns feed payroll systems (PRODUCT.md §3).
//
// Why a new file rather than growing levels.ts: levels.ts is the claim vocabulary's values and
// type guards, which the rules import; labels are a separate concern that spans every enum
// (roles, deals, periods, disputes, conversations…), so they live together in one file keyed by
// the Prisma enum's name. levels.ts, permissions.ts (ROLE_LABEL) and candidate-rules.ts keep
// their exported label functions and read them from here. A unit test derives the enums from
// the generated Prisma client, so a new enum value without a label fails it.
// Audit actions, entity types and field names are words too; they live beside these, in
// audit-vocabulary.ts.

export const ENUM_LABELS = {
  Role: { SALES: "Salesperson", ENGINEER: "Engineer", MANAGER: "Manager", ADMIN: "Admin" },
  // "On the roadmap" rather than "Roadmap": the sentence a customer hears is "that is on the roadmap".
  CapabilityStatus: {
    SUPPORTED: "Supported",
    PARTIAL: "Partial",
    NOT_SUPPORTED: "Not supported",
    ROADMAP: "On the roadmap",
  },
  Channel: { CALL: "Call", EMAIL: "Email", DEMO: "Demo", MEETING: "Meeting", RFP: "RFP", CHAT: "Chat" },
  // Where a claim came from (PRODUCT.md §7), said the way a reader of the claims table asks it.
  ClaimSource: {
    SELF: "Logged by the salesperson",
    OBSERVED: "Observed",
    CUSTOMER: "Reported by the customer",
    CONVERSATION: "Found in a conversation",
  },
  ConversationFormat: {
    VTT: "Call transcript (WebVTT)",
    SRT: "Call transcript (SubRip)",
    TEXT: "Transcript (plain text)",
    EMAIL: "Email thread",
  },
  CandidateStatus: { PENDING: "Waiting for a decision", CONFIRMED: "Confirmed", DISMISSED: "Dismissed" },
  DismissReason: {
    NOT_A_CLAIM: "Not a claim",
    OTHER_CAPABILITY: "About another capability",
    CUSTOMER_SAID_IT: "The customer said it",
    OTHER: "Other",
  },
  MatrixCheck: {
    CONSISTENT: "Consistent with the matrix",
    OVERSTATES: "Overstates the matrix",
    UNDERSTATES: "Understates the matrix",
    NO_MATRIX_ROW: "No matrix row",
    MATRIX_STALE: "Matrix row overdue for review",
  },
  ClaimStatus: {
    PENDING: "Pending",
    ACCURATE: "Accurate",
    PARTIALLY_ACCURATE: "Partially accurate",
    INACCURATE: "Inaccurate",
    UNVERIFIABLE: "Unverifiable",
  },
  Severity: { LOW: "Low", MEDIUM: "Medium", HIGH: "High" },
  DisputeStatus: { OPEN: "Open", UPHELD: "Upheld", OVERTURNED: "Overturned" },
  EngineerQuestionStatus: { OPEN: "Open", ANSWERED: "Answered" },
  DealStatus: { OPEN: "Open", WON: "Won", LOST: "Lost" },
  QuestionType: { SINGLE: "Single choice", MULTI: "Multiple choice", TRUE_FALSE: "True or false" },
  QuestionState: { ACTIVE: "Active", NEEDS_REVIEW: "Needs review", RETIRED: "Retired" },
  Delivered: { YES: "Yes", PARTLY: "Partly", NO: "No" },
  SurveySource: { LINK: "Answered through the survey link", IMPORT: "Imported" },
  PeriodStatus: { OPEN: "Open", LOCKED: "Locked" },
} as const satisfies {
  // The domain's own unions must be covered value for value; the test covers the rest against Prisma.
  Role: Record<Role, string>;
  CapabilityStatus: Record<CapabilityLevel, string>;
  Channel: Record<Channel, string>;
  ClaimSource: Record<ClaimSource, string>;
  DismissReason: Record<DismissReason, string>;
  MatrixCheck: Record<MatrixCheckResult, string>;
  ClaimStatus: Record<ClaimStatus, string>;
  Severity: Record<Severity, string>;
  QuestionType: Record<QuestionType, string>;
  Delivered: Record<Delivered, string>;
  [name: string]: Record<string, string>;
};

export type EnumName = keyof typeof ENUM_LABELS;
export type EnumValue<E extends EnumName> = keyof (typeof ENUM_LABELS)[E] & string;

/** The label of one value of a named enum; a value the enum does not hold is returned as it came. */
export function enumLabel<E extends EnumName>(name: E, value: EnumValue<E> | (string & {})): string {
  const labels: Readonly<Record<string, string>> = ENUM_LABELS[name];
  return Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
}

/** Every value of a named enum with its label, in the schema's order: the options of a select. */
export function enumOptions<E extends EnumName>(name: E): Array<{ value: EnumValue<E>; label: string }> {
  return Object.entries(ENUM_LABELS[name]).map(([value, label]) => ({ value: value as EnumValue<E>, label }));
}

// A code seen without its enum (stored text, an audit value) is read through the first enum that
// holds it. Codes shared by several enums ("OPEN") read alike in each, except PENDING, which
// means a claim's verdict far more often than a candidate's, so the claim enums come first.
const CODE_LABELS: ReadonlyMap<string, string> = (() => {
  const first: EnumName[] = ["ClaimStatus", "Severity", "CapabilityStatus", "MatrixCheck"];
  const order = [...first, ...(Object.keys(ENUM_LABELS) as EnumName[]).filter((name) => !first.includes(name))];
  const map = new Map<string, string>();
  for (const name of order) {
    for (const [code, label] of Object.entries(ENUM_LABELS[name])) if (!map.has(code)) map.set(code, label);
  }
  return map;
})();

/** The label of a code of any enum, or null when no enum holds it. */
export function labelOfCode(code: string): string | null {
  return CODE_LABELS.get(code) ?? null;
}

/** enumLabel for one enum, taking its values only: `enumLabeller("DealStatus")("WON")` is "Won". */
export function enumLabeller<E extends EnumName>(name: E): (value: EnumValue<E>) => string {
  return (value) => enumLabel(name, value);
}

export const dealStatusLabel = enumLabeller("DealStatus");
export const disputeStatusLabel = enumLabeller("DisputeStatus");
export const periodStatusLabel = enumLabeller("PeriodStatus");
export const conversationFormatLabel = enumLabeller("ConversationFormat");

/** Yes/No for a flag, the words the CSV exports and the audit log use. */
export const yesNo = (value: boolean): string => (value ? "Yes" : "No");
