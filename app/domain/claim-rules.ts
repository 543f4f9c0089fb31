import { MS_PER_DAY, startOfUtcDay, workingDaysBetween } from "./dates.ts";
import { MAP_BEFORE_VERDICT, needsMapping } from "./customer-claims.ts";
import type { CapabilityLevel, ClaimSource, ClaimStatus, MatrixCheckResult, Severity } from "./levels.ts";
import { permissionScope, userHasPermission, type PersonFacts, type Role } from "./permissions.ts";

// Who may do what to a claim (PRODUCT.md §2), and the rules of the claim forms. Pure, so the
// claim page can ask the same questions as the actions that enforce them.

export interface Actor {
  userId: string;
  role: Role;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };
const refuse = (reason: string): Decision => ({ allowed: false, reason });

// ---------------------------------------------------------------- logging

export type LogDecision = { allowed: true; source: ClaimSource } | { allowed: false; reason: string };

/**
 * Whether `actor` may log a claim made by `salesperson`, and with which source: a salesperson
 * logs their own claims (SELF); anyone else logs what they heard (OBSERVED) — engineers and
 * admins about any salesperson, managers about the salespeople of the teams they manage.
 */
export function canLogClaimFor(actor: Actor, managedTeamIds: readonly string[], salesperson: PersonFacts): LogDecision {
  const scope = permissionScope(actor, "log:claim");
  if (scope === null) return { allowed: false, reason: "You cannot log claims." };
  if (salesperson.role !== "SALES" || !salesperson.active) {
    return { allowed: false, reason: "Claims are logged about active salespeople only." };
  }
  if (scope === "own") {
    return salesperson.id === actor.userId
      ? { allowed: true, source: "SELF" }
      : { allowed: false, reason: "You can log only the claims you made yourself." };
  }
  if (scope === "team" && (salesperson.teamId === null || !managedTeamIds.includes(salesperson.teamId))) {
    return { allowed: false, reason: "You can log claims only about salespeople of the teams you manage." };
  }
  return { allowed: true, source: "OBSERVED" };
}

// The form asks for a calendar day. A claim dated today is stored at the moment of logging, so
// the check uses the matrix as it stands now; an earlier day is stored at 12:00 UTC, the middle
// of the day, because the hour is not known and a revision written that day is as likely to have
// come before the conversation as after it.
export const CLAIM_MAX_AGE_DAYS = 731;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseUtcDay(day: string): Date | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  // Date.UTC rolls 2026-02-30 over to March; a day that does not round-trip does not exist.
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== date)
    return null;
  return parsed;
}

/** Why a claim day (YYYY-MM-DD, a UTC calendar day) cannot be used, or null when it can. */
export function claimDayError(day: string, now: Date): string | null {
  const parsed = parseUtcDay(day);
  if (parsed === null) return "Enter the date the claim was made.";
  const today = startOfUtcDay(now);
  if (parsed.getTime() > today.getTime()) return "The date cannot be in the future.";
  if (today.getTime() - parsed.getTime() > CLAIM_MAX_AGE_DAYS * MS_PER_DAY)
    return "Claims made more than two years ago cannot be logged.";
  return null;
}

/** The stored madeAt for a valid claim day: now for today, 12:00 UTC for an earlier day. */
export function madeAtFromDay(day: string, now: Date): Date | null {
  if (claimDayError(day, now) !== null) return null;
  const parsed = parseUtcDay(day);
  if (parsed === null) return null;
  if (parsed.getTime() === startOfUtcDay(now).getTime()) return now;
  return new Date(parsed.getTime() + MS_PER_DAY / 2);
}

/** Today as a YYYY-MM-DD UTC day, the default and the upper bound of the date field. */
export function utcDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- verdicts

export const VERDICT_STATUSES = ["ACCURATE", "PARTIALLY_ACCURATE", "INACCURATE", "UNVERIFIABLE"] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const OWN_CLAIM_REFUSAL = "You logged this claim, so another engineer must verify it.";

export interface VerifiableClaim {
  loggedById: string;
  status: ClaimStatus;
  /** A customer's report is judged only once an engineer has mapped it (PRODUCT.md §7). */
  source: ClaimSource;
  assertedLevel: CapabilityLevel | null;
}

export type VerifyDecision = { allowed: true } | { allowed: false; reason: string; alreadyDecided: boolean };

/**
 * Engineers verify claims (admins do not, PRODUCT.md §2), never one they logged themselves:
 * whoever heard a claim is a witness, not its judge. Only a PENDING claim takes a verdict;
 * `alreadyDecided` lets the caller answer that case with who decided (409) rather than 403.
 */
export function canVerify(actor: Actor, claim: VerifiableClaim): VerifyDecision {
  if (!userHasPermission(actor, "verify:claim"))
    return { allowed: false, reason: "Only engineers verify claims.", alreadyDecided: false };
  if (claim.loggedById === actor.userId) return { allowed: false, reason: OWN_CLAIM_REFUSAL, alreadyDecided: false };
  if (claim.status !== "PENDING")
    return { allowed: false, reason: "This claim already has a verdict.", alreadyDecided: true };
  if (needsMapping(claim)) {
    return { allowed: false, reason: MAP_BEFORE_VERDICT, alreadyDecided: false };
  }
  return { allowed: true };
}

export interface VerdictInput {
  status: VerdictStatus;
  severity: Severity | null;
  note: string;
}

export type VerdictFieldErrors = Partial<Record<"severity" | "note", string>>;

/**
 * The verdict form's rules: a severity unless the claim could not be verified (it then counts
 * for nothing, §4.1), and a note for anything but ACCURATE, so the salesperson learns what was wrong.
 */
export function verdictFieldErrors(input: VerdictInput): VerdictFieldErrors {
  const errors: VerdictFieldErrors = {};
  if (input.status !== "UNVERIFIABLE" && input.severity === null) {
    errors.severity = "Choose a severity: High if it was material to the customer's decision.";
  }
  if (input.status !== "ACCURATE" && input.note.trim() === "") {
    errors.note = "Explain the verdict: what is true, and what the customer was told.";
  }
  return errors;
}

// ---------------------------------------------------------------- disputes

export interface DisputableClaim {
  salespersonId: string;
  status: ClaimStatus;
  hasDispute: boolean;
}

export const SECOND_DISPUTE_REFUSAL = "You have already disputed this verdict; a verdict can be disputed only once.";

/** A salesperson disputes a verdict on their own claim, once (§1 ClaimDispute). */
export function canDispute(actor: Actor, claim: DisputableClaim): Decision {
  if (permissionScope(actor, "dispute:claim") === null)
    return refuse("Only the salesperson who made a claim can dispute its verdict.");
  if (claim.salespersonId !== actor.userId) return refuse("You can dispute verdicts on your own claims only.");
  if (claim.status === "PENDING") return refuse("This claim has no verdict to dispute yet.");
  if (claim.hasDispute) return refuse(SECOND_DISPUTE_REFUSAL);
  return ALLOWED;
}

export interface ResolvableClaim {
  salespersonTeamId: string | null;
  dispute: { status: "OPEN" | "UPHELD" | "OVERTURNED" } | null;
}

export type ResolveDecision = { allowed: true } | { allowed: false; reason: string; alreadyResolved: boolean };

/**
 * A manager of the salesperson's team, or an admin, resolves an open dispute; `alreadyResolved`
 * lets the caller answer a resolved one with who resolved it (409) rather than 403.
 */
export function canResolveDispute(
  actor: Actor,
  managedTeamIds: readonly string[],
  claim: ResolvableClaim,
): ResolveDecision {
  const scope = permissionScope(actor, "resolve:dispute");
  const inScope =
    scope === "any" ||
    (scope === "team" && claim.salespersonTeamId !== null && managedTeamIds.includes(claim.salespersonTeamId));
  if (!inScope) {
    return {
      allowed: false,
      reason: "Only a manager of the salesperson's team, or an admin, can resolve this dispute.",
      alreadyResolved: false,
    };
  }
  if (claim.dispute === null)
    return { allowed: false, reason: "There is no dispute on this claim.", alreadyResolved: false };
  if (claim.dispute.status !== "OPEN")
    return { allowed: false, reason: "This dispute has already been resolved.", alreadyResolved: true };
  return { allowed: true };
}

export type ResolutionFieldErrors = Partial<Record<"status" | "severity" | "note", string>>;

/** An overturned verdict is replaced by a different one, under the verdict form's rules. */
export function overturnFieldErrors(
  disputedStatus: ClaimStatus,
  verdict: { status: VerdictStatus | null; severity: Severity | null; note: string },
): ResolutionFieldErrors {
  if (verdict.status === null) return { status: "Choose the verdict that replaces the disputed one." };
  if (verdict.status === disputedStatus)
    return { status: "Choose a different verdict, or uphold the dispute instead." };
  return verdictFieldErrors({ status: verdict.status, severity: verdict.severity, note: verdict.note });
}

// ---------------------------------------------------------------- customer correction

export interface CorrectableClaim {
  salespersonId: string;
  loggedById: string;
  matrixCheck: MatrixCheckResult;
  status: ClaimStatus;
  customerCorrectedAt: Date | null;
}

/** Whether the claim told the customer too much, so there is something to correct. */
export function needsCustomerCorrection(claim: Pick<CorrectableClaim, "matrixCheck" | "status">): boolean {
  return claim.matrixCheck === "OVERSTATES" || claim.status === "INACCURATE";
}

/** The salesperson, or whoever logged the claim having heard it, records the correction once. */
export function canMarkCustomerCorrected(actor: Actor, claim: CorrectableClaim): Decision {
  if (actor.userId !== claim.salespersonId && actor.userId !== claim.loggedById) {
    return refuse("Only the salesperson, or whoever logged the claim, can record that the customer was corrected.");
  }
  if (!needsCustomerCorrection(claim))
    return refuse("This claim did not tell the customer more than the matrix, so there is nothing to correct.");
  if (claim.customerCorrectedAt !== null) return refuse("The correction is already recorded.");
  return ALLOWED;
}

// ---------------------------------------------------------------- verification target

/** Engineers aim to verify a claim within 3 working days of it being logged (PRODUCT.md §3). */
export const VERIFICATION_TARGET_WORKING_DAYS = 3;

export type SlaState = "within" | "due-today" | "overdue";

export interface VerificationAge {
  workingDays: number;
  state: SlaState;
}

export function verificationAge(loggedAt: Date, now: Date): VerificationAge {
  const workingDays = Math.max(0, workingDaysBetween(loggedAt, now));
  const state: SlaState =
    workingDays < VERIFICATION_TARGET_WORKING_DAYS
      ? "within"
      : workingDays === VERIFICATION_TARGET_WORKING_DAYS
        ? "due-today"
        : "overdue";
  return { workingDays, state };
}

/**
 * The instant before which a claim logged is at least `workingDays` working days old at `now`
 * (as `verificationAge` counts them), so the database can count claims by age with a plain
 * `createdAt < cutoff` instead of loading them. Age depends only on the UTC day, so the cutoff
 * is always a UTC midnight.
 */
export function loggedBeforeForAge(now: Date, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`workingDays must be a whole number >= 0, got ${workingDays}`);
  const today = startOfUtcDay(now);
  if (workingDays === 0) return new Date(today.getTime() + MS_PER_DAY);
  // Walk back day by day until a day that old is reached; at most workingDays + 3 weekend days per week.
  let day = today;
  while (workingDaysBetween(day, now) < workingDays) day = new Date(day.getTime() - MS_PER_DAY);
  return new Date(day.getTime() + MS_PER_DAY);
}

/** Pending claims logged before this instant are past the verification target at `now`. */
export function verificationOverdueBefore(now: Date): Date {
  return loggedBeforeForAge(now, VERIFICATION_TARGET_WORKING_DAYS + 1);
}

/** How far back /disputes lists recently resolved disputes. */
export const RECENTLY_RESOLVED_DAYS = 30;
