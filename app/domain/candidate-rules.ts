import { readAssertedLevel } from "./claim-level-cues.ts";
import { MS_PER_DAY } from "./dates.ts";
import { ENUM_LABELS } from "./labels.ts";
import type { Channel, MatrixCheckResult } from "./levels.ts";
import { checkClaimAgainstMatrix, revisionInForce, type MatrixRevision } from "./matrix-check.ts";
import type { Scope } from "./permissions.ts";

// Who decides a candidate claim found in a conversation, and when (PRODUCT.md §7 and §2 "confirm
// or dismiss candidate claims": own / – / own teams (after 7 days, or any time) / yes).

/**
 * A sentence found to speak of a capability, judged as its candidate claim: the level its words
 * assert, with their cue words, and the matrix check against the capability's revision in force
 * on the day it was said (`revisions` in the order they were written).
 */
export function judgeFoundSentence<R extends MatrixRevision>(
  text: string,
  capability: { revisions: readonly R[]; reviewCycleDays: number },
  at: Date,
) {
  const { level, cues } = readAssertedLevel(text);
  const revision = revisionInForce(capability.revisions, at);
  const matrixCheck = checkClaimAgainstMatrix({
    assertedLevel: level,
    madeAt: at,
    revision,
    reviewCycleDays: capability.reviewCycleDays,
  });
  return { level, cues, revision, matrixCheck };
}

/** The salesperson has this many days to decide; undecided candidates then go to the manager. */
export const DECISION_WINDOW_DAYS = 7;

export const DISMISS_REASONS = ["NOT_A_CLAIM", "OTHER_CAPABILITY", "CUSTOMER_SAID_IT", "OTHER"] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export function dismissReasonLabel(reason: DismissReason): string {
  return ENUM_LABELS.DismissReason[reason];
}

export const CANDIDATE_STATUSES = ["PENDING", "CONFIRMED", "DISMISSED"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Whole days of the salesperson's window left at `now`: 7 on the day of import, 0 once it has passed. */
export function decisionDaysLeft(createdAt: Date, now: Date): number {
  const elapsed = Math.floor((now.getTime() - createdAt.getTime()) / MS_PER_DAY);
  return Math.max(0, Math.min(DECISION_WINDOW_DAYS, DECISION_WINDOW_DAYS - elapsed));
}

/** Created before this instant, an undecided candidate waits for the salesperson's manager. */
export function waitingForManagerBefore(now: Date): Date {
  return new Date(now.getTime() - DECISION_WINDOW_DAYS * MS_PER_DAY);
}

export function isWaitingForManager(createdAt: Date, now: Date): boolean {
  return createdAt.getTime() < waitingForManagerBefore(now).getTime();
}

export interface CandidateDecider {
  userId: string;
  /** The decider's scope of "decide:candidate", or null when the role holds none. */
  scope: Scope | null;
  /** The teams the decider manages (used for the "team" scope). */
  managedTeamIds: readonly string[];
}

export type CandidateDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the decider may confirm or dismiss a candidate of `salesperson`. A salesperson keeps
 * their own candidates after the 7 days too: the window says when the manager is asked, not when
 * the salesperson loses the say.
 */
export function canDecideCandidate(
  decider: CandidateDecider,
  salesperson: { id: string; teamId: string | null },
): CandidateDecision {
  switch (decider.scope) {
    case null:
      return {
        allowed: false,
        reason: "Engineers do not confirm or dismiss candidate claims; the salesperson or their manager does.",
      };
    case "own":
      return salesperson.id === decider.userId
        ? { allowed: true }
        : { allowed: false, reason: "Only the salesperson or their manager decides this candidate." };
    case "team":
      return salesperson.teamId !== null && decider.managedTeamIds.includes(salesperson.teamId)
        ? { allowed: true }
        : { allowed: false, reason: "Only managers of the salesperson's team decide this candidate." };
    case "any":
      return { allowed: true };
  }
}

/** A confirmed transcript was a call; an email thread was email. */
export function channelOfConversation(format: "VTT" | "SRT" | "TEXT" | "EMAIL"): Channel {
  return format === "EMAIL" ? "EMAIL" : "CALL";
}

/** Overstating candidates first (PRODUCT.md §7), then in the order they were said. */
export function compareCandidates(
  a: { matrixCheck: MatrixCheckResult; position: number },
  b: { matrixCheck: MatrixCheckResult; position: number },
): number {
  const overstates = Number(b.matrixCheck === "OVERSTATES") - Number(a.matrixCheck === "OVERSTATES");
  return overstates !== 0 ? overstates : a.position - b.position;
}

/** The evidence stored on a confirmed claim: the sentence's neighbours as said, and where they came from. */
export function candidateEvidence(input: {
  fileName: string;
  before: { speaker: string; text: string } | null;
  sentence: { speaker: string; text: string };
  after: { speaker: string; text: string } | null;
}): string {
  const lines = [input.before, input.sentence, input.after].flatMap((line) =>
    line ? [`${line.speaker}: ${line.text}`] : [],
  );
  return [...lines, `(from ${input.fileName})`].join("\n");
}
