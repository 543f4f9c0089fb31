import { formatDate } from "./format.ts";
import { claimStatusLabel, severityLabel, type ClaimStatus, type Severity } from "./levels.ts";
import type { QuizDueReason } from "./quiz-rules.ts";

// Notifications (PRODUCT.md §8): what happened, said in one plain sentence, for one person, with
// the page it is about. The model writes them in the transaction of the change that caused them
// (ADR 017); this file holds the words, the daily digest's text, and the digest's timing rules.

export const NOTIFICATION_KINDS = [
  "VERDICT",
  "DISPUTE_OPENED",
  "DISPUTE_RESOLVED",
  "QUESTION_ANSWERED",
  "CANDIDATES_TO_CONFIRM",
  "QUIZ_DUE",
  "CERTIFICATION_EXPIRING",
  "SURVEY_NOT_DELIVERED",
  "CLAIMS_PAST_TARGET",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const KIND_LABELS: Record<NotificationKind, string> = {
  VERDICT: "Verdict",
  DISPUTE_OPENED: "Dispute opened",
  DISPUTE_RESOLVED: "Dispute resolved",
  QUESTION_ANSWERED: "Answer from an engineer",
  CANDIDATES_TO_CONFIRM: "Claims to confirm",
  QUIZ_DUE: "Quiz due",
  CERTIFICATION_EXPIRING: "Certification expiring",
  SURVEY_NOT_DELIVERED: "Unhappy customer",
  CLAIMS_PAST_TARGET: "Verification target",
};

/** The short tag the inbox shows beside a notification; an unknown kind (older data) reads "Notice". */
export function notificationKindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string | undefined>)[kind] ?? "Notice";
}

/** One notification as the model stores it. `dedupeKey` is unique per user: a second draft with the same key is dropped. */
export interface NotificationDraft {
  userId: string;
  kind: NotificationKind;
  text: string;
  href: string;
  dedupeKey: string | null;
}

/** What a notice says and where it points, before it is addressed to anyone. */
export type Notice = Omit<NotificationDraft, "userId">;

export function addressed(notice: Notice, userIds: Iterable<string>): NotificationDraft[] {
  return [...new Set(userIds)].map((userId) => ({ ...notice, userId }));
}

/** "3 Dec 2026": the day as every page shows it (dates are shown in UTC, ADR 010). */
export function dayInWords(date: Date): string {
  return formatDate(date);
}

/** A quotation short enough for one line of an inbox: whole words, an ellipsis when cut. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A claim named the way its salesperson remembers it: the account and the words, or the capability. */
export interface ClaimFacts {
  claimId: string;
  accountName: string;
  statement: string;
  capabilityTitle: string | null;
}

function claimPhrase(claim: ClaimFacts): string {
  const about = claim.capabilityTitle ? ` about ${claim.capabilityTitle}` : "";
  return `your claim to ${claim.accountName}${about} (“${excerpt(claim.statement, 60)}”)`;
}

function verdictPhrase(status: ClaimStatus, severity: Severity | null): string {
  const label = claimStatusLabel(status);
  return severity ? `${label} (${severityLabel(severity).toLowerCase()} severity)` : label;
}

/** A verdict on my claim (the salesperson). */
export function verdictNotice(
  claim: ClaimFacts & { status: ClaimStatus; severity: Severity | null; verifierName: string },
): Notice {
  return {
    kind: "VERDICT",
    text: `${claim.verifierName} judged ${claimPhrase(claim)}: ${verdictPhrase(claim.status, claim.severity)}.`,
    href: `/claims/${claim.claimId}`,
    dedupeKey: `verdict:${claim.claimId}`,
  };
}

/** A dispute opened, for the managers of the salesperson's team. */
export function disputeOpenedNotice(
  dispute: { disputeId: string; salespersonName: string; reason: string } & ClaimFacts,
): Notice {
  return {
    kind: "DISPUTE_OPENED",
    text: `${dispute.salespersonName} disputes the verdict on a claim to ${dispute.accountName}: “${excerpt(dispute.reason)}”`,
    href: "/disputes",
    dedupeKey: `dispute-opened:${dispute.disputeId}`,
  };
}

/** A dispute resolved, for the salesperson who raised it. */
export function disputeResolvedNotice(
  dispute: {
    disputeId: string;
    outcome: "UPHELD" | "OVERTURNED";
    resolverName: string;
    newStatus: ClaimStatus | null;
    newSeverity: Severity | null;
  } & ClaimFacts,
): Notice {
  const outcome =
    dispute.outcome === "OVERTURNED" && dispute.newStatus
      ? `overturned the verdict: it is now ${verdictPhrase(dispute.newStatus, dispute.newSeverity)}`
      : "upheld the verdict: it stands";
  return {
    kind: "DISPUTE_RESOLVED",
    text: `${dispute.resolverName} ${outcome} on ${claimPhrase(dispute)}.`,
    href: `/claims/${dispute.claimId}`,
    dedupeKey: `dispute-resolved:${dispute.disputeId}`,
  };
}

/** An answer to my question (the asker). */
export function questionAnsweredNotice(question: {
  questionId: string;
  question: string;
  answererName: string;
  capabilityUpdated: boolean;
}): Notice {
  const update = question.capabilityUpdated ? " and updated the capability matrix" : "";
  return {
    kind: "QUESTION_ANSWERED",
    text: `${question.answererName} answered your question “${excerpt(question.question)}”${update}.`,
    href: `/ask/${question.questionId}`,
    dedupeKey: `answer:${question.questionId}`,
  };
}

/** Candidate claims found in an imported conversation, for the salesperson to confirm or dismiss. */
export function candidatesNotice(conversation: {
  conversationId: string;
  count: number;
  accountName: string;
  importerName: string;
  decisionDays: number;
}): Notice {
  const found = plural(conversation.count, "possible claim");
  return {
    kind: "CANDIDATES_TO_CONFIRM",
    text: `${conversation.importerName} imported a conversation with ${conversation.accountName}: ${found} to confirm or dismiss within ${plural(conversation.decisionDays, "day")}.`,
    href: `/conversations/${conversation.conversationId}`,
    dedupeKey: `candidates:${conversation.conversationId}`,
  };
}

/** What a quiz notice says, by why the quiz is due. */
function quizDueText(title: string, reason: QuizDueReason, until: Date | null): string {
  switch (reason) {
    case "CERTIFICATION_EXPIRING":
      return `Your certification in “${title}” runs out on ${until ? dayInWords(until) : "a day soon"}. Take the quiz again before then.`;
    case "REQUIRED_NOT_PASSED":
      return until
        ? `Your certification in “${title}” ran out on ${dayInWords(until)}. The quiz counts towards your pay: pass it again.`
        : `“${title}” counts towards your pay and you have not passed it yet.`;
    case "NOT_ATTEMPTED":
      return `You have not taken “${title}” yet.`;
  }
}

/**
 * A quiz on the salesperson's "quizzes due" list (quizDueReason). The key names the lapse it is
 * about — never passed, or the certification that runs or ran out on a given day — so the daily
 * scan says it once per lapse, however often it runs.
 */
export function quizNotice(quiz: {
  quizId: string;
  title: string;
  reason: QuizDueReason;
  certifiedUntil: Date | null;
}): Notice {
  const until = quiz.certifiedUntil;
  const lapse = until ? until.toISOString().slice(0, 10) : "never";
  const expiring = quiz.reason === "CERTIFICATION_EXPIRING";
  return {
    kind: expiring ? "CERTIFICATION_EXPIRING" : "QUIZ_DUE",
    text: quizDueText(quiz.title, quiz.reason, until),
    href: `/quizzes/${quiz.quizId}`,
    dedupeKey: `${expiring ? "certification-expiring" : "quiz-due"}:${quiz.quizId}:${lapse}`,
  };
}

/** A customer answered NO to "did the product do what you were told": for the salesperson, and for their managers. */
export function surveyNotDeliveredNotice(survey: {
  surveyId: string;
  salespersonId: string;
  salespersonName: string;
  accountName: string;
  forSalesperson: boolean;
}): Notice {
  const whose = survey.forSalesperson ? "your" : `${survey.salespersonName}'s`;
  return {
    kind: "SURVEY_NOT_DELIVERED",
    text: `The customer at ${survey.accountName} (${whose} deal) says the product did not do what they were told.`,
    href: `/people/${survey.salespersonId}`,
    dedupeKey: `survey-no:${survey.surveyId}`,
  };
}

/** Claims waiting past the 3-working-day verification target (engineers): one notice per day at most. */
export function claimsPastTargetNotice(backlog: { count: number; oldestWorkingDays: number; day: string }): Notice {
  const claims = backlog.count === 1 ? "1 claim is" : `${backlog.count} claims are`;
  return {
    kind: "CLAIMS_PAST_TARGET",
    text: `${claims} past the 3-working-day verification target; the oldest has waited ${plural(backlog.oldestWorkingDays, "working day")}.`,
    href: "/verify",
    dedupeKey: `claims-past-target:${backlog.day}`,
  };
}

// ---------------------------------------------------------------- the daily digest

/** The hour (UTC) the digest goes out when DIGEST_HOUR_UTC is not set. */
export const DEFAULT_DIGEST_HOUR_UTC = 7;
/** Attempts at sending one day's digest before it is given up as FAILED. */
export const MAX_DIGEST_ATTEMPTS = 4;
/** The newest unread notifications a digest lists; the rest are counted. */
export const DIGEST_LISTED = 20;
/** How long a claimed delivery is held by the run that claimed it before another run may try it (a crashed run). */
export const DIGEST_LEASE_MINUTES = 10;

// The waits after the first, second and third failed attempt.
const RETRY_MINUTES = [5, 30, 120] as const;

/** The YYYY-MM-DD (UTC) day a digest run belongs to: the DigestDelivery row's `day`. */
export function digestDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * When to try a failed digest again, after `attempts` failed attempts: 5 minutes, 30 minutes,
 * 2 hours; null once MAX_DIGEST_ATTEMPTS have failed (it is given up).
 */
export function nextDigestTry(attempts: number, failedAt: Date): Date | null {
  if (attempts >= MAX_DIGEST_ATTEMPTS) return null;
  const minutes = RETRY_MINUTES[Math.min(Math.max(attempts, 1), RETRY_MINUTES.length) - 1] ?? RETRY_MINUTES[0];
  return new Date(failedAt.getTime() + minutes * 60_000);
}

/** Whether the day's digests may go out at `now`: from DIGEST_HOUR_UTC on, that UTC day. */
export function digestHourReached(now: Date, hourUtc: number): boolean {
  return now.getUTCHours() >= hourUtc;
}

export interface DigestCandidate {
  active: boolean;
  emailDigest: boolean;
  unread: number;
  /** The day's DigestDelivery row, if any run has claimed it. */
  claimedToday: boolean;
}

/**
 * Is a digest due for this user on this day: they chose it, can still sign in, have something
 * unread, nobody has claimed their digest for the day, and the day's hour has come.
 */
export function isDigestDue(user: DigestCandidate, now: Date, hourUtc: number): boolean {
  return user.active && user.emailDigest && user.unread > 0 && !user.claimedToday && digestHourReached(now, hourUtc);
}

export interface DigestItem {
  kind: string;
  text: string;
  href: string;
  createdAt: Date;
}

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** A link into Candor: the origin and a path of ours, never anything else. */
function absolute(origin: string, href: string): string {
  const path = href.startsWith("/") && !href.startsWith("//") ? href : "/inbox";
  return `${origin.replace(/\/+$/, "")}${path}`;
}

/**
 * The digest email: the newest unread notifications (at most DIGEST_LISTED, each with its link)
 * and how many more wait in the inbox, as plain text and as simple HTML.
 */
export function digestEmail(input: {
  name: string;
  origin: string;
  unread: number;
  items: readonly DigestItem[];
}): DigestEmail {
  const { name, origin, unread, items } = input;
  const listed = items.slice(0, DIGEST_LISTED);
  const more = unread - listed.length;
  const subject = `Candor: ${plural(unread, "unread notification")}`;
  const inbox = absolute(origin, "/inbox");
  const lines = listed.map(
    (item) => `- ${item.text} (${dayInWords(item.createdAt)})\n  ${absolute(origin, item.href)}`,
  );
  const text = [
    `Hello ${name},`,
    "",
    `You have ${plural(unread, "unread notification")} in Candor${more > 0 ? `; the newest ${listed.length} are below` : ""}:`,
    "",
    ...lines,
    ...(more > 0 ? ["", `…and ${plural(more, "more notification")} in your inbox.`] : []),
    "",
    `Your inbox: ${inbox}`,
    "",
    "You receive this daily digest because you chose it in your inbox; untick it there to stop it.",
  ].join("\n");
  const htmlItems = listed
    .map(
      (item) =>
        `<li><a href="${escapeHtml(absolute(origin, item.href))}">${escapeHtml(item.text)}</a> <span style="color:#555">(${escapeHtml(dayInWords(item.createdAt))})</span></li>`,
    )
    .join("");
  const html = [
    `<p>Hello ${escapeHtml(name)},</p>`,
    `<p>You have ${escapeHtml(plural(unread, "unread notification"))} in Candor${more > 0 ? `; the newest ${listed.length} are below` : ""}:</p>`,
    `<ul>${htmlItems}</ul>`,
    more > 0 ? `<p>…and ${escapeHtml(plural(more, "more notification"))} in your inbox.</p>` : "",
    `<p><a href="${escapeHtml(inbox)}">Open your inbox</a></p>`,
    `<p style="color:#555">You receive this daily digest because you chose it in your inbox; untick it there to stop it.</p>`,
  ].join("\n");
  return { subject, text, html };
}
