import { auditActionLabel, describeAuditChanges } from "./audit-vocabulary.ts";
import { formatDate } from "./format.ts";
import { enumLabel } from "./labels.ts";

// A claim's history in plain words (PRODUCT.md §1 AuditEvent, §3 "one claim"): who did what to
// it, with verdicts, levels and dates through the one vocabulary of labels. The audit events
// hold machine codes and ids; this turns each into a sentence a salesperson reads, naming
// people, capabilities and products by name and never showing an id or a code.

export interface ClaimHistoryEvent {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

/** Names of the rows an event refers to by id, looked up by the model. */
export interface HistoryNames {
  capabilities: ReadonlyMap<string, string>;
  products: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

export interface ClaimHistoryLine {
  id: number;
  at: Date;
  /** "Priya Nair judged the claim accurate (high severity)." */
  text: string;
  /** Notes, reasons and changed fields, each a short line under the sentence. */
  details: string[];
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;
const quoted = (value: string) => `“${value}”`;

function verdictWords(status: unknown, severity: unknown): string {
  const verdict = typeof status === "string" ? enumLabel("ClaimStatus", status).toLowerCase() : "judged";
  return typeof severity === "string"
    ? `${verdict} (${enumLabel("Severity", severity).toLowerCase()} severity)`
    : verdict;
}

// Ids, versions and bookkeeping never reach the page; everything else changed is listed.
const HIDDEN_FIELD = /(^id$|Id$|Ids$|^version$|^ip$|^requestId$)/;

function changedFields(before: unknown, after: unknown): string[] {
  return describeAuditChanges("Claim", before, after)
    .filter((change) => !HIDDEN_FIELD.test(change.key))
    .map((change) =>
      change.before === "—"
        ? `${change.field}: ${change.after}`
        : `${change.field}: ${change.before} → ${change.after}`,
    );
}

/** One event as a sentence with its details. */
export function describeClaimEvent(event: ClaimHistoryEvent, names: HistoryNames): ClaimHistoryLine {
  const who = event.actorName ?? "Candor";
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  const line = (sentence: string, details: Array<string | null> = []): ClaimHistoryLine => ({
    id: event.id,
    at: event.at,
    text: sentence,
    details: details.filter((detail): detail is string => detail !== null),
  });
  const levelDetail = (value: unknown) =>
    typeof value === "string" ? `What the customer was told: ${enumLabel("CapabilityStatus", value)}` : null;
  const checkDetail = (value: unknown) =>
    typeof value === "string" ? `Matrix check: ${enumLabel("MatrixCheck", value)}` : null;
  const capabilityName = (value: unknown) =>
    typeof value === "string" ? (names.capabilities.get(value) ?? "a capability") : null;

  switch (event.action) {
    case "claim.create": {
      const source = typeof after.source === "string" ? after.source : "SELF";
      const salesperson = typeof after.salespersonId === "string" ? names.users.get(after.salespersonId) : undefined;
      const sentence =
        source === "CONVERSATION"
          ? `${who} confirmed this claim, found in a conversation.`
          : source === "OBSERVED" && salesperson !== undefined
            ? `${who} logged this claim, heard from ${salesperson}.`
            : `${who} logged this claim.`;
      const made =
        after.madeAt instanceof Date || typeof after.madeAt === "string" ? `Made on ${formatDate(after.madeAt)}` : null;
      return line(sentence, [levelDetail(after.assertedLevel), checkDetail(after.matrixCheck), made]);
    }
    case "claim.customer-report":
      return line("The customer reported this claim in the six-month survey.", [
        text(after.statement) === null ? null : `In their words: ${quoted(text(after.statement) ?? "")}`,
      ]);
    case "claim.customer-report.update":
      return line("The customer's words were replaced by their newer survey answer.", [
        text(after.statement) === null ? null : `Now: ${quoted(text(after.statement) ?? "")}`,
      ]);
    case "claim.map": {
      const capability = capabilityName(after.capabilityId);
      const product = typeof after.productId === "string" ? names.products.get(after.productId) : undefined;
      const target = capability ?? (product === undefined ? "no row of the matrix" : `no row of ${product}'s matrix`);
      return line(`${who} mapped the customer's report to ${target}.`, [
        levelDetail(after.assertedLevel),
        checkDetail(after.matrixCheck),
      ]);
    }
    case "claim.verify":
      return line(`${who} judged the claim ${verdictWords(after.status, after.severity)}.`, [
        text(after.verdictNote) === null ? null : `Note: ${quoted(text(after.verdictNote) ?? "")}`,
      ]);
    case "claim.dispute": {
      const disputed =
        typeof after.disputedStatus === "string"
          ? ` (${enumLabel("ClaimStatus", after.disputedStatus).toLowerCase()})`
          : "";
      return line(`${who} disputed the verdict${disputed}.`, [
        text(after.reason) === null ? null : `Reason: ${quoted(text(after.reason) ?? "")}`,
      ]);
    }
    case "claim.dispute.resolve": {
      const note = text(after.resolutionNote) === null ? null : `Note: ${quoted(text(after.resolutionNote) ?? "")}`;
      if (after.dispute === "OVERTURNED") {
        return line(`${who} overturned the verdict: the claim is now ${verdictWords(after.status, after.severity)}.`, [
          note,
        ]);
      }
      return line(
        `${who} upheld the verdict: it stands as ${verdictWords(before.status ?? after.status, before.severity ?? after.severity)}.`,
        [note],
      );
    }
    case "claim.customer-corrected":
      return line(`${who} recorded that the customer was told the truth.`);
    default:
      return line(`${auditActionLabel(event.action)}, by ${who}.`, changedFields(event.before, event.after));
  }
}

/** The ids an event names, so the model can look their names up in one query each. */
export function idsNamedBy(events: readonly ClaimHistoryEvent[]): {
  capabilities: string[];
  products: string[];
  users: string[];
} {
  const capabilities = new Set<string>();
  const products = new Set<string>();
  const users = new Set<string>();
  for (const event of events) {
    const after = fieldsOf(event.after);
    if (typeof after.capabilityId === "string") capabilities.add(after.capabilityId);
    if (typeof after.productId === "string") products.add(after.productId);
    if (typeof after.salespersonId === "string") users.add(after.salespersonId);
  }
  return { capabilities: [...capabilities], products: [...products], users: [...users] };
}
