import type { ClaimStatus, DealStatus, DismissReason, Severity } from "../../app/generated/prisma/enums.ts";

// The demo's conversations (PRODUCT.md §7): real-looking transcripts and an email thread in
// seed/content/conversations/, read by the app's own parser and matcher when the demo is seeded.
// The over-promiser logs few claims himself; these files show what he actually tells customers.
// The honest performer's calls say what she logged and what the matrix says.
//
// A candidate's decision is named by the capability it matched and, where that capability is
// matched in more than one sentence, a fragment of the sentence. Candidates no decision names
// stay PENDING. A decision that matches no candidate is reported by the story checks.

export type Decider = "salesperson" | "manager";

export type CandidateDecisionSpec = {
  capability: string;
  /** A fragment of the salesperson's sentence, when the capability is matched more than once. */
  sentence?: string;
  by: Decider;
  /** Days after the import. */
  afterDays: number;
} & (
  | {
      decision: "CONFIRM";
      verdict?: { status: Exclude<ClaimStatus, "PENDING">; severity: Severity | null; note: string; afterDays: number };
    }
  | { decision: "DISMISS"; reason: DismissReason; note: string }
  /** Dismissed because the salesperson had logged the same words as a claim of her own the day of the call. */
  | { decision: "LOGGED" }
);

export interface ConversationSpec {
  file: string;
  /** Whose conversation: the demo's over-promiser or honest performer (seed/story-checks.ts). */
  salesperson: "overpromiser" | "honest";
  speaker: string;
  product: string;
  /** The conversation took place this many days before the reference date (at `hour` UTC). */
  daysAgo: number;
  hour: number;
  /** Who imported it, and how many days after it took place. */
  importedBy: "salesperson" | "manager" | "engineer";
  importedAfterDays: number;
  /** The deal it belongs to: opened before the conversation; a WON one closed after it. */
  deal: {
    status: Extract<DealStatus, "OPEN" | "WON">;
    openedDaysBefore: number;
    closedDaysAfter?: number;
    amountDollars: number;
    contact: string;
  };
  decisions: readonly CandidateDecisionSpec[];
}

/** The dismissal note of a LOGGED decision. */
export const ALREADY_LOGGED_NOTE = "Already logged as my own claim after the call, in the same words.";

export const CONVERSATIONS: readonly ConversationSpec[] = [
  {
    file: "kessler-ledgerline-confirmation.eml",
    salesperson: "overpromiser",
    speaker: "Brad Kessler",
    product: "ledgerline",
    daysAgo: 135,
    hour: 16,
    importedBy: "manager",
    importedAfterDays: 3,
    deal: { status: "WON", openedDaysBefore: 70, closedDaysAfter: 4, amountDollars: 410_000, contact: "Greg Holloway" },
    decisions: [
      {
        capability: "excel-export",
        by: "salesperson",
        afterDays: 5,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "HIGH",
          afterDays: 2,
          note: "Not true, and in writing: Ledgerline exports xlsx only (Excel 2007 and later); .xls is not supported, so the subsidiaries' Excel 2003 workbooks cannot open the files. The customer needs a written correction.",
        },
      },
      {
        capability: "sso-saml",
        by: "salesperson",
        afterDays: 5,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "MEDIUM",
          afterDays: 2,
          note: "Correct: generic SAML 2.0 with SP- and IdP-initiated login shipped in release 2026.3.",
        },
      },
      {
        capability: "scim-provisioning",
        by: "salesperson",
        afterDays: 5,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "HIGH",
          afterDays: 3,
          note: "Not true on the day: SCIM was on the roadmap with no committed date. Even the later Okta beta has no group push, so roles are never provisioned.",
        },
      },
      {
        capability: "ifrs16-leases",
        by: "salesperson",
        afterDays: 5,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "MEDIUM",
          afterDays: 3,
          note: "Wrong: lease accounting was dropped from the roadmap two months earlier. The customer should use a lease-accounting partner and import the journals.",
        },
      },
      {
        capability: "audit-trail",
        by: "salesperson",
        afterDays: 5,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "LOW", afterDays: 2, note: "Correct: seven-year retention." },
      },
    ],
  },
  {
    file: "kessler-ledgerline-discovery.vtt",
    salesperson: "overpromiser",
    speaker: "Brad Kessler",
    product: "ledgerline",
    daysAgo: 40,
    hour: 14,
    importedBy: "manager",
    importedAfterDays: 2,
    deal: { status: "OPEN", openedDaysBefore: 30, amountDollars: 520_000, contact: "Linda Park" },
    decisions: [
      {
        capability: "excel-export",
        by: "manager",
        afterDays: 9,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "HIGH",
          afterDays: 1,
          note: "Not true: Ledgerline exports xlsx only (Excel 2007 and later); .xls is not supported. The customer named it a deal-breaker, so this needs a correction before signature.",
        },
      },
      {
        capability: "sso-saml",
        by: "manager",
        afterDays: 9,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "MEDIUM",
          afterDays: 2,
          note: "Correct: any SAML 2.0 identity provider, SP- and IdP-initiated login.",
        },
      },
      {
        capability: "scim-provisioning",
        by: "manager",
        afterDays: 9,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "HIGH",
          afterDays: 2,
          note: "Not true: SCIM is Okta only and group push is not supported, so roles are assigned by hand. The customer has an audit finding riding on this.",
        },
      },
    ],
  },
  {
    file: "kessler-ledgerline-group-finance.vtt",
    salesperson: "overpromiser",
    speaker: "Brad Kessler",
    product: "ledgerline",
    daysAgo: 20,
    hour: 9,
    importedBy: "manager",
    importedAfterDays: 1,
    deal: { status: "OPEN", openedDaysBefore: 45, amountDollars: 760_000, contact: "Tomasz Nowak" },
    decisions: [
      {
        capability: "sap-connector",
        sentence: "direct SAP connector",
        by: "manager",
        afterDays: 8,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "HIGH",
          afterDays: 1,
          note: "Not true: the SAP connector reads S/4HANA Cloud only; on-premise ECC is not supported and needs the flat-file workaround.",
        },
      },
      {
        capability: "intercompany-elimination",
        by: "manager",
        afterDays: 8,
        decision: "CONFIRM",
        verdict: {
          status: "PARTIALLY_ACCURATE",
          severity: "MEDIUM",
          afterDays: 2,
          note: "Half right: one-to-one matches are eliminated automatically; many-to-many matches still need a manual journal.",
        },
      },
      { capability: "ai-variance-commentary", by: "manager", afterDays: 8, decision: "CONFIRM" },
      {
        capability: "multi-currency",
        sentence: "core of the product",
        by: "salesperson",
        afterDays: 2,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "LOW",
          afterDays: 3,
          note: "Correct: up to 60 currencies, ECB or custom rate tables.",
        },
      },
      {
        capability: "on-premises",
        sentence: "Including ECC on premise",
        by: "salesperson",
        afterDays: 2,
        decision: "DISMISS",
        reason: "OTHER_CAPABILITY",
        note: "This is about where their SAP runs, not about hosting Ledgerline.",
      },
      {
        capability: "on-premises",
        sentence: "own servers",
        by: "salesperson",
        afterDays: 2,
        decision: "DISMISS",
        reason: "OTHER",
        note: "Hypothetical; I said we would take it offline with the solutions engineer.",
      },
    ],
  },
  {
    file: "kessler-relay-integration-review.srt",
    salesperson: "overpromiser",
    speaker: "Brad Kessler",
    product: "relay",
    daysAgo: 9,
    hour: 15,
    importedBy: "engineer",
    importedAfterDays: 0,
    deal: { status: "OPEN", openedDaysBefore: 25, amountDollars: 380_000, contact: "Dana Whitfield" },
    decisions: [
      {
        capability: "salesforce-sync",
        sentence: "real-time and two-way",
        by: "manager",
        afterDays: 7.5,
        decision: "CONFIRM",
        verdict: {
          status: "INACCURATE",
          severity: "HIGH",
          afterDays: 0.6,
          note: "Not true: Salesforce sync is near-real-time (1–5 minutes), not instant. The customer's billing use case depends on it.",
        },
      },
      {
        capability: "salesforce-sync",
        sentence: "where Relay shines",
        by: "manager",
        afterDays: 7.5,
        decision: "DISMISS",
        reason: "NOT_A_CLAIM",
        note: "Sales talk; the promise is in the next sentence.",
      },
      {
        capability: "exactly-once",
        sentence: "guarantees exactly-once",
        by: "manager",
        afterDays: 7.5,
        decision: "CONFIRM",
      },
      {
        capability: "webhooks",
        sentence: "Even on retries",
        by: "manager",
        afterDays: 7.5,
        decision: "DISMISS",
        reason: "OTHER_CAPABILITY",
        note: "About the delivery guarantee, not webhooks.",
      },
    ],
  },
  {
    file: "kessler-ledgerline-budget-call.txt",
    salesperson: "overpromiser",
    speaker: "Brad Kessler",
    product: "ledgerline",
    daysAgo: 4,
    hour: 11,
    importedBy: "manager",
    importedAfterDays: 1,
    deal: { status: "OPEN", openedDaysBefore: 35, amountDollars: 290_000, contact: "Sandra Liu" },
    decisions: [],
  },
  {
    file: "chen-ledgerline-security-review.vtt",
    salesperson: "honest",
    speaker: "Maya Chen",
    product: "ledgerline",
    daysAgo: 25,
    hour: 13,
    importedBy: "salesperson",
    importedAfterDays: 0,
    deal: { status: "OPEN", openedDaysBefore: 40, amountDollars: 150_000, contact: "Owen Gallagher" },
    decisions: [
      { capability: "excel-export", by: "salesperson", afterDays: 0.2, decision: "LOGGED" },
      { capability: "scim-provisioning", by: "salesperson", afterDays: 0.2, decision: "LOGGED" },
      { capability: "on-premises", by: "salesperson", afterDays: 0.2, decision: "LOGGED" },
      {
        capability: "sso-saml",
        by: "salesperson",
        afterDays: 0.2,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "MEDIUM",
          afterDays: 1,
          note: "Correct, and precise about both login flows.",
        },
      },
      {
        capability: "audit-trail",
        by: "salesperson",
        afterDays: 0.2,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "LOW", afterDays: 1, note: "Correct: seven-year retention." },
      },
      {
        capability: "ai-variance-commentary",
        by: "salesperson",
        afterDays: 0.2,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "MEDIUM",
          afterDays: 2,
          note: "Accurate: planned, no committed date, and she told them not to count on it.",
        },
      },
      {
        capability: "multi-currency",
        by: "salesperson",
        afterDays: 0.2,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "LOW", afterDays: 1, note: "Correct." },
      },
    ],
  },
  {
    file: "chen-relay-architecture-call.txt",
    salesperson: "honest",
    speaker: "Maya Chen",
    product: "relay",
    daysAgo: 12,
    hour: 10,
    importedBy: "salesperson",
    importedAfterDays: 0,
    deal: { status: "OPEN", openedDaysBefore: 20, amountDollars: 120_000, contact: "Femi Adeyemi" },
    decisions: [
      { capability: "salesforce-sync", by: "salesperson", afterDays: 0.3, decision: "LOGGED" },
      {
        capability: "exactly-once",
        by: "salesperson",
        afterDays: 0.3,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "HIGH",
          afterDays: 1,
          note: "Correct: at-least-once only, idempotency keys to de-duplicate. Exactly the answer a finance customer needs.",
        },
      },
      {
        capability: "edi-x12",
        by: "salesperson",
        afterDays: 0.3,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "MEDIUM", afterDays: 1, note: "Correct: planned, no committed date." },
      },
      {
        capability: "high-throughput",
        by: "salesperson",
        afterDays: 0.3,
        decision: "CONFIRM",
        verdict: {
          status: "ACCURATE",
          severity: "MEDIUM",
          afterDays: 1,
          note: "Correct: 2,000 messages a second per workspace, a dedicated cluster beyond that.",
        },
      },
      {
        capability: "on-prem-agent",
        by: "salesperson",
        afterDays: 0.3,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "LOW", afterDays: 2, note: "Correct: supported platforms as listed." },
      },
      {
        capability: "webhooks",
        by: "salesperson",
        afterDays: 0.3,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "LOW", afterDays: 2, note: "Correct." },
      },
      {
        capability: "eu-data-residency",
        by: "salesperson",
        afterDays: 0.3,
        decision: "CONFIRM",
        verdict: { status: "ACCURATE", severity: "LOW", afterDays: 2, note: "Correct: Frankfurt region." },
      },
    ],
  },
];
