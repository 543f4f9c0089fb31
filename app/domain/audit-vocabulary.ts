import { formatCents, formatDateTime, formatIsoInText, NONE } from "./format.ts";
import { enumLabel, labelOfCode, yesNo, type EnumName } from "./labels.ts";

// The audit log in words (PRODUCT.md §1 AuditEvent, §3 Admin: audit log). Every event keeps
// its machine code ("claim.verify"), which admins search by and which the page still shows as a
// secondary detail; a person reads the action's label ("Verdict recorded"), the entity's kind
// and each changed field with its value through the one vocabulary of labels (labels.ts) and
// formats (format.ts). A code this file does not know yet still reads sensibly: it is turned
// into words ("quiz-attempt.start" → "Quiz attempt start").

const ACTION_LABELS: Readonly<Record<string, string>> = {
  "api.request": "API request",
  "api-token.create": "API token created",
  "api-token.revoke": "API token revoked",
  "auth.signin.failure": "Sign-in failed",
  "auth.signin.success": "Signed in",
  "auth.signin.throttled": "Sign-in refused: too many attempts",
  "auth.signout": "Signed out",
  "candidate.confirm": "Candidate claim confirmed",
  "candidate.dismiss": "Candidate claim dismissed",
  "capability.create": "Capability added",
  "capability.pain-point.add": "Pain point added from a customer comment",
  "capability.phrases": "Capability phrases changed",
  "capability.revise": "Capability revised",
  "capability.update": "Capability edited",
  "capability.verify": "Capability marked as verified",
  "claim.create": "Claim logged",
  "claim.customer-corrected": "Customer corrected",
  "claim.customer-report": "Claim reported by a customer",
  "claim.customer-report.update": "Customer's report updated",
  "claim.dispute": "Verdict disputed",
  "claim.dispute.resolve": "Dispute resolved",
  "claim.map": "Customer's report mapped to the matrix",
  "claim.verify": "Verdict recorded",
  "comp.compute": "Period computed",
  "comp.lock": "Period locked",
  "comp.period.create": "Period created",
  "conversation.import": "Conversation imported",
  "deal.import": "Deals imported",
  "engineer-question.answer": "Question answered",
  "engineer-question.ask": "Question asked",
  "plan.create": "Compensation plan saved",
  "product.create": "Product added",
  "product.update": "Product edited",
  "question.approve": "Quiz question approved",
  "question.create": "Quiz question written",
  "question.restore": "Quiz question restored",
  "question.retire": "Quiz question retired",
  "question.update": "Quiz question edited",
  "quiz-attempt.expire": "Quiz attempt timed out",
  "quiz-attempt.start": "Quiz attempt started",
  "quiz-attempt.submit": "Quiz attempt submitted",
  "quiz.create": "Quiz created",
  "quiz.update": "Quiz edited",
  "settings.update": "Settings changed",
  "survey.import": "Survey answer imported",
  "survey.import.update": "Imported survey answer corrected",
  "survey.link.create": "Survey link issued",
  "survey.mark-sent": "Survey marked as sent",
  "survey.respond": "Survey answered",
  "survey.respond.refused": "Survey answer refused",
  "survey.results-import": "Survey results imported",
  "survey.send": "Survey email sent",
  "survey.send.failure": "Survey email failed",
  "team.create": "Team created",
  "team.update": "Team edited",
  "user.create": "User created",
  "user.deactivate": "User deactivated",
  "user.email-digest": "Email digest sent",
  "user.password-reset": "Password reset",
  "user.reactivate": "User reactivated",
  "user.sign-out-everywhere": "Signed out everywhere",
  "user.update": "User edited",
};

const ENTITY_LABELS: Readonly<Record<string, string>> = {
  ApiToken: "API token",
  CandidateClaim: "Candidate claim",
  Capability: "Capability",
  Claim: "Claim",
  CompPeriod: "Compensation period",
  CompPlan: "Compensation plan",
  Conversation: "Conversation",
  DealImport: "Deal import",
  EngineerQuestion: "Question to an engineer",
  Product: "Product",
  Question: "Quiz question",
  Quiz: "Quiz",
  QuizAttempt: "Quiz attempt",
  Setting: "Setting",
  Survey: "Survey",
  SurveyImport: "Survey import",
  Team: "Team",
  User: "User",
};

// Field names whose words are not simply the name split at its capitals.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  assertedLevel: "What the customer was told",
  matrixCheck: "Matrix check",
  status: "Status",
  severity: "Severity",
  verdictNote: "Verdict note",
  disputedStatus: "Disputed verdict",
  disputedSeverity: "Disputed severity",
  dispute: "Dispute",
  resolutionNote: "Resolution note",
  customerCorrectedAt: "Customer corrected",
  deliveredAsPromised: "Delivered as promised",
  csat: "CSAT",
  nps: "NPS",
  leastLiked: "Least liked",
  madeAt: "Made on",
  teamId: "Team",
  role: "Role",
  active: "Active",
  targetBonusCents: "Target bonus",
  amountCents: "Amount",
  passMark: "Pass mark",
  externalId: "CRM id",
};

// Which enum a field holds, by entity where one name means different things.
const FIELD_ENUMS: Readonly<Record<string, EnumName>> = {
  assertedLevel: "CapabilityStatus",
  matrixCheck: "MatrixCheck",
  severity: "Severity",
  disputedStatus: "ClaimStatus",
  disputedSeverity: "Severity",
  overturnedStatus: "ClaimStatus",
  overturnedSeverity: "Severity",
  dispute: "DisputeStatus",
  outcome: "DisputeStatus",
  channel: "Channel",
  role: "Role",
  deliveredAsPromised: "Delivered",
  state: "QuestionState",
  type: "QuestionType",
  format: "ConversationFormat",
};

const STATUS_ENUM_OF_ENTITY: Readonly<Record<string, EnumName>> = {
  Claim: "ClaimStatus",
  Capability: "CapabilityStatus",
  CompPeriod: "PeriodStatus",
  CandidateClaim: "CandidateStatus",
  EngineerQuestion: "EngineerQuestionStatus",
  Deal: "DealStatus",
};

/** Words from a code: "quiz-attempt.start" → "Quiz attempt start", "entityType" → "Entity type". */
export function wordsOf(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s._-]+/)
    .filter((word) => word !== "")
    .map((word) => (/^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase()));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether an action code has a label of its own (rather than words made from the code). */
export function hasAuditActionLabel(action: string): boolean {
  return Object.hasOwn(ACTION_LABELS, action);
}

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? wordsOf(action);
}

export function auditEntityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? wordsOf(entityType);
}

export function auditFieldLabel(key: string): string {
  if (FIELD_LABELS[key] !== undefined) return FIELD_LABELS[key];
  // "verifiedAt" → "Verified at", "capabilityId" → "Capability".
  return wordsOf(key.replace(/Ids?$/, (suffix) => (suffix === "Ids" ? "s" : "")));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function enumOfField(entityType: string, key: string): EnumName | null {
  if (key === "status") return STATUS_ENUM_OF_ENTITY[entityType] ?? null;
  if (key === "source") return entityType === "Survey" ? "SurveySource" : "ClaimSource";
  return FIELD_ENUMS[key] ?? null;
}

/**
 * One recorded value as a person reads it: labels for codes, dates in words, money for cents,
 * Yes/No for flags, "—" for nothing. Text (notes, names) is shown as it was written.
 */
export function auditValueText(entityType: string, key: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return NONE;
  if (typeof value === "boolean") return yesNo(value);
  if (typeof value === "number") {
    if (/Cents$/.test(key)) return formatCents(value);
    return String(value);
  }
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    const known = enumOfField(entityType, key);
    if (known !== null) return enumLabel(known, value);
    const label = /^[A-Z][A-Z_]+$/.test(value) ? labelOfCode(value) : null;
    return label ?? formatIsoInText(value);
  }
  if (Array.isArray(value))
    return value.length === 0 ? NONE : value.map((item) => auditValueText(entityType, key, item)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([inner, innerValue]) => `${auditFieldLabel(inner)}: ${auditValueText(entityType, inner, innerValue)}`)
      .join("; ");
  }
  return String(value);
}

export interface AuditChangeText {
  /** The field's machine name, kept for keys and for admins who search by it. */
  key: string;
  field: string;
  before: string;
  after: string;
}

const BOOKKEEPING = new Set(["version", "sessionId", "requestId"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The fields whose values differ between an event's before and after, each in words. An event
 * with only one side lists every field of that side. Bookkeeping (the optimistic lock's version,
 * a sign-in's session id) is left out: it is no change anyone made.
 */
export function describeAuditChanges(entityType: string, before: unknown, after: unknown): AuditChangeText[] {
  if (before === undefined && after === undefined) return [];
  if (!isRecord(before ?? {}) || !isRecord(after ?? {})) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [
      {
        key: "value",
        field: "Value",
        before: auditValueText(entityType, "value", before),
        after: auditValueText(entityType, "value", after),
      },
    ];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((key) => !BOOKKEEPING.has(key));
  return keys
    .filter((key) => JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .map((key) => ({
      key,
      field: auditFieldLabel(key),
      before: auditValueText(entityType, key, left[key]),
      after: auditValueText(entityType, key, right[key]),
    }));
}
