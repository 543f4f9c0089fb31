import { createHash, randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { throttleDecision, type ThrottleDecision } from "../domain/sign-in-throttle.ts";
import {
  isWellFormedSurveyToken,
  SURVEY_RESPONSE_WINDOW_MINUTES,
  SURVEY_RESPONSES_PER_ADDRESS,
  SURVEY_TOKEN_BYTES,
  surveyLinkPath,
} from "../domain/survey-links.ts";
import { surveyLinkExpiresAt } from "../domain/survey-schedule.ts";
import { untrueClaimAnswer } from "../domain/customer-claims.ts";
import { addDays } from "../domain/dates.ts";
import { SURVEY_LINK_VALID_DAYS } from "../domain/survey-schedule.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma } from "../lib/db.server.ts";
import type { SurveyResponse } from "../schemas/survey-response.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { recordCustomerClaim } from "./customer-claims.server.ts";
import { notifySurveyAnswered } from "./notifications.server.ts";
import { refreshRollups } from "./rollups.server.ts";

// Links to the public survey page (ADR 008): the token exists only in the response that shows
// it (or the email that carries it); the database keeps its sha256.

export function hashSurveyToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return randomBytes(SURVEY_TOKEN_BYTES).toString("base64url");
}

/** Surveys in the outbox: due, unanswered, link not expired, in the sender's teams. */
function outboxWhere(teamIds: string[] | null, now: Date): Prisma.SurveyWhereInput {
  return {
    respondedAt: null,
    dueAt: { lte: now, gt: addDays(now, -SURVEY_LINK_VALID_DAYS) },
    ...(teamIds === null ? {} : { salesperson: { teamId: { in: teamIds } } }),
  };
}

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(teamIds: string[] | null, now: Date, page: number) {
  const where = outboxWhere(teamIds, now);
  const [total, unsent] = await Promise.all([
    prisma.survey.count({ where }),
    prisma.survey.count({ where: { ...where, sentAt: null } }),
  ]);
  const { page: current, pageCount, skip, take } = pageWindow(total, page, OUTBOX_PAGE_SIZE);
  const rows = await prisma.survey.findMany({
    where,
    // Unsent first, then the oldest due: the ones most at risk of expiring.
    orderBy: [{ sentAt: { sort: "asc", nulls: "first" } }, { dueAt: "asc" }],
    skip,
    take,
    select: {
      id: true,
      dueAt: true,
      sentAt: true,
      sendAttempts: true,
      lastSendError: true,
      tokenCreatedAt: true,
      salesperson: { select: { name: true } },
      deal: {
        select: {
          externalId: true,
          account: { select: { name: true } },
          contactName: true,
          contactEmail: true,
          product: { select: { name: true } },
        },
      },
    },
  });
  return {
    total,
    unsent,
    page: current,
    pageCount,
    rows: rows.map((row) => ({
      id: row.id,
      dueAt: row.dueAt,
      expiresAt: surveyLinkExpiresAt(row.dueAt),
      sentAt: row.sentAt,
      sendAttempts: row.sendAttempts,
      lastSendError: row.lastSendError,
      linkCreatedAt: row.tokenCreatedAt,
      salesperson: row.salesperson.name,
      externalId: row.deal.externalId,
      account: row.deal.account.name,
      contactName: row.deal.contactName,
      contactEmail: row.deal.contactEmail,
      product: row.deal.product?.name ?? null,
    })),
  };
}

export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>["rows"][number];

async function findOutboxSurvey(surveyId: string, teamIds: string[] | null, now: Date) {
  return prisma.survey.findFirst({
    where: { id: surveyId, ...outboxWhere(teamIds, now) },
    select: {
      id: true,
      tokenCreatedAt: true,
      sentAt: true,
      salesperson: { select: { teamId: true } },
      deal: { select: { contactName: true, contactEmail: true } },
    },
  });
}

/** A survey of the sender's outbox with its current link's age, for the "replace the link?" question; null when not in it. */
export async function getOutboxSurveyLink(surveyId: string, teamIds: string[] | null, now = new Date()) {
  const survey = await findOutboxSurvey(surveyId, teamIds, now);
  if (!survey) return null;
  return {
    surveyId: survey.id,
    linkCreatedAt: survey.tokenCreatedAt,
    sentAt: survey.sentAt,
    contactName: survey.deal.contactName,
    contactEmail: survey.deal.contactEmail,
  };
}

export type SurveyLinkChange =
  | { kind: "created"; path: string; contactName: string; contactEmail: string }
  | { kind: "not-found" }
  /** The survey's link is no longer the one the sender saw: nothing was written. */
  | { kind: "changed"; linkCreatedAt: Date | null };

async function issueSurveyLink(
  audit: AuditContext,
  surveyId: string,
  teamIds: string[] | null,
  now: Date,
  seen: Date | null | undefined,
): Promise<SurveyLinkChange> {
  const survey = await findOutboxSurvey(surveyId, teamIds, now);
  if (!survey) return { kind: "not-found" };
  const token = newToken();
  const changed = await prisma.$transaction(async (tx) => {
    const replaced = await tx.survey.findUniqueOrThrow({ where: { id: survey.id }, select: { tokenCreatedAt: true } });
    // Checked in the write's transaction, so of two senders only the first replaces without asking.
    if (seen !== undefined && (replaced.tokenCreatedAt?.getTime() ?? null) !== (seen?.getTime() ?? null))
      return { kind: "changed" as const, linkCreatedAt: replaced.tokenCreatedAt };
    await tx.survey.update({
      where: { id: survey.id },
      data: { tokenHash: hashSurveyToken(token), tokenCreatedAt: now },
    });
    await recordAudit(tx, audit, {
      action: "survey.link.create",
      entityType: "Survey",
      entityId: survey.id,
      teamId: survey.salesperson.teamId,
      // Never the token or its hash: the audit log is readable by managers.
      after: { linkCreatedAt: now.toISOString(), replacesLinkOf: replaced.tokenCreatedAt?.toISOString() ?? null },
    });
    return null;
  });
  if (changed) return changed;
  return {
    kind: "created",
    path: surveyLinkPath(token),
    contactName: survey.deal.contactName,
    contactEmail: survey.deal.contactEmail,
  };
}

/**
 * Makes a new link for a survey in the outbox, replacing (and so invalidating) any earlier one.
 * Returns the link's path, to be shown once; null when the survey is not in the sender's outbox.
 */
export async function createSurveyLink(
  audit: AuditContext,
  surveyId: string,
  teamIds: string[] | null,
  now = new Date(),
): Promise<{ path: string; contactName: string; contactEmail: string } | null> {
  const outcome = await issueSurveyLink(audit, surveyId, teamIds, now, undefined);
  return outcome.kind === "created"
    ? { path: outcome.path, contactName: outcome.contactName, contactEmail: outcome.contactEmail }
    : null;
}

/**
 * The outbox's "Create link" and "Yes, replace the link": makes the link only while the survey's
 * current link is the one the sender's page showed (`seen`: when it was made, or null for none).
 * A link made or replaced since — by a colleague, or by the daily send — is never replaced
 * without the sender being asked again.
 */
export async function createSurveyLinkIfUnchanged(
  audit: AuditContext,
  surveyId: string,
  teamIds: string[] | null,
  seen: Date | null,
  now = new Date(),
): Promise<SurveyLinkChange> {
  return issueSurveyLink(audit, surveyId, teamIds, now, seen);
}

/** Records that the link was sent outside Candor (by hand). */
export async function markSurveySent(
  audit: AuditContext,
  surveyId: string,
  teamIds: string[] | null,
  now = new Date(),
): Promise<"sent" | "no-link" | "not-found"> {
  const survey = await prisma.survey.findFirst({
    where: { id: surveyId, ...outboxWhere(teamIds, now) },
    select: { id: true, tokenHash: true, sentAt: true, salesperson: { select: { teamId: true } } },
  });
  if (!survey) return "not-found";
  if (survey.tokenHash === null) return "no-link";
  await prisma.$transaction(async (tx) => {
    await tx.survey.update({ where: { id: survey.id }, data: { sentAt: now, lastSendError: null } });
    await recordAudit(tx, audit, {
      action: "survey.mark-sent",
      entityType: "Survey",
      entityId: survey.id,
      teamId: survey.salesperson.teamId,
      before: { sentAt: survey.sentAt?.toISOString() ?? null },
      after: { sentAt: now.toISOString() },
    });
  });
  return "sent";
}

export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** The site's origin, e.g. https://candor.example.com, for the link in the email. */
  origin: string;
}

/** At most this many emails per "send due surveys", so one click never runs for minutes. */
export const SEND_BATCH = 200;

/**
 * Sends each unsent survey in the outbox: a fresh link, an email with it, and the result
 * recorded on the survey (sentAt, or the attempt count and the error). A failed survey stays
 * unsent and is tried again by the next run.
 */
export async function sendDueSurveys(
  audit: AuditContext,
  teamIds: string[] | null,
  mail: MailSettings,
  now = new Date(),
) {
  const due = await prisma.survey.findMany({
    where: { ...outboxWhere(teamIds, now), sentAt: null },
    orderBy: { dueAt: "asc" },
    take: SEND_BATCH,
    select: {
      id: true,
      sendAttempts: true,
      salesperson: { select: { name: true, teamId: true } },
      deal: { select: { contactName: true, contactEmail: true, product: { select: { name: true } } } },
    },
  });
  const transport = nodemailer.createTransport(mail.smtpUrl);
  let sent = 0;
  let failed = 0;
  try {
    for (const survey of due) {
      const token = newToken();
      const attempt = survey.sendAttempts + 1;
      await prisma.survey.update({
        where: { id: survey.id },
        data: { tokenHash: hashSurveyToken(token), tokenCreatedAt: new Date() },
      });
      const url = `${mail.origin}${surveyLinkPath(token)}`;
      const product = survey.deal.product?.name ?? "our product";
      let error: string | null = null;
      try {
        await transport.sendMail({
          from: mail.from,
          to: { name: survey.deal.contactName, address: survey.deal.contactEmail },
          subject: `Six months with ${product}: two questions`,
          text: [
            `Dear ${survey.deal.contactName},`,
            "",
            `Six months ago you chose ${product}, with ${survey.salesperson.name} as your contact. Did it do what we told you it would?`,
            "Two questions, under a minute:",
            "",
            url,
            "",
            "The link works once and only for you. Thank you.",
          ].join("\n"),
        });
      } catch (caught) {
        error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
      }
      await prisma.$transaction(async (tx) => {
        await tx.survey.update({
          where: { id: survey.id },
          data:
            error === null
              ? { sentAt: new Date(), sendAttempts: attempt, lastSendError: null }
              : { sendAttempts: attempt, lastSendError: error },
        });
        await recordAudit(tx, audit, {
          action: error === null ? "survey.send" : "survey.send.failure",
          entityType: "Survey",
          entityId: survey.id,
          teamId: survey.salesperson.teamId,
          after: { attempt, to: survey.deal.contactEmail, ...(error === null ? {} : { error }) },
        });
      });
      if (error === null) sent++;
      else failed++;
    }
  } finally {
    transport.close();
  }
  return {
    sent,
    failed,
    remaining: Math.max(
      0,
      (await prisma.survey.count({ where: { ...outboxWhere(teamIds, now), sentAt: null } })) - failed,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The public page

export type SurveyByToken =
  | { kind: "invalid" }
  | { kind: "answered"; respondedAt: Date }
  | { kind: "open"; surveyId: string; productName: string | null; salespersonName: string };

/**
 * What a link opens. A malformed, unknown, replaced or expired token is "invalid" — one answer
 * for all, so a guesser learns nothing — but an answered survey says so, however old.
 */
export async function findSurveyByToken(token: string, now = new Date()): Promise<SurveyByToken> {
  if (!isWellFormedSurveyToken(token)) return { kind: "invalid" };
  const survey = await prisma.survey.findUnique({
    where: { tokenHash: hashSurveyToken(token) },
    select: {
      id: true,
      dueAt: true,
      respondedAt: true,
      salesperson: { select: { name: true } },
      deal: { select: { product: { select: { name: true } } } },
    },
  });
  if (!survey) return { kind: "invalid" };
  if (survey.respondedAt) return { kind: "answered", respondedAt: survey.respondedAt };
  if (now.getTime() >= surveyLinkExpiresAt(survey.dueAt).getTime()) return { kind: "invalid" };
  return {
    kind: "open",
    surveyId: survey.id,
    productName: survey.deal.product?.name ?? null,
    salespersonName: survey.salesperson.name,
  };
}

const RESPONSE_ACTIONS = ["survey.respond", "survey.respond.refused"];

/** Responses are limited per client address, counted in the audit log (as sign-in failures are). */
export async function surveyResponseThrottle(ip: string, now = new Date()): Promise<ThrottleDecision> {
  const since = new Date(now.getTime() - SURVEY_RESPONSE_WINDOW_MINUTES * 60_000);
  const rows = await prisma.auditEvent.findMany({
    where: { ip, action: { in: RESPONSE_ACTIONS }, at: { gt: since } },
    select: { at: true },
    orderBy: { at: "desc" },
    take: SURVEY_RESPONSES_PER_ADDRESS,
  });
  return throttleDecision(
    rows.map((row) => row.at),
    now,
    SURVEY_RESPONSES_PER_ADDRESS,
    SURVEY_RESPONSE_WINDOW_MINUTES,
  );
}

/** A submission that stored nothing (bad token, already answered): counted for the rate limit. */
export async function recordRefusedResponse(
  audit: AuditContext,
  reason: "invalid-link" | "already-answered",
  surveyId: string | null,
) {
  await recordAudit(prisma, audit, {
    action: "survey.respond.refused",
    entityType: "Survey",
    entityId: surveyId ?? "unknown",
    after: { reason },
  });
}

export type RecordResponseOutcome = "recorded" | "already-answered" | "invalid";

/** Stores the customer's answers once: of two submissions, exactly one is recorded. */
export async function recordSurveyResponse(
  audit: AuditContext,
  token: string,
  answers: SurveyResponse,
  now = new Date(),
): Promise<RecordResponseOutcome> {
  const found = await findSurveyByToken(token, now);
  if (found.kind === "invalid") {
    await recordRefusedResponse(audit, "invalid-link", null);
    return "invalid";
  }
  if (found.kind === "answered") {
    await recordRefusedResponse(audit, "already-answered", null);
    return "already-answered";
  }
  const values = {
    respondedAt: now,
    csat: answers.csat,
    deliveredAsPromised: answers.deliveredAsPromised,
    nps: answers.nps ?? null,
    leastLiked: answers.leastLiked ? answers.leastLiked : null,
    untrueClaim: untrueClaimAnswer(answers.untrueClaim),
    source: "LINK" as const,
  };
  const outcome = await prisma.$transaction(async (tx) => {
    // The unanswered condition is the write's own guard, so a double submit records one answer.
    // answerRecordedAt: when Candor learnt the answer, which decides whether a locked comp period held it (ADR 007).
    const written = await tx.survey.updateMany({
      where: { id: found.surveyId, respondedAt: null },
      data: { ...values, answerRecordedAt: now },
    });
    if (written.count === 0) return "already-answered" as const;
    const survey = await tx.survey.findUniqueOrThrow({
      where: { id: found.surveyId },
      select: { salesperson: { select: { teamId: true } } },
    });
    await recordAudit(tx, audit, {
      action: "survey.respond",
      entityType: "Survey",
      entityId: found.surveyId,
      teamId: survey.salesperson.teamId,
      after: { ...values, respondedAt: now.toISOString() },
    });
    // PRODUCT.md §7: the customer's "told you something untrue" answer is a claim in the queue,
    // stored with the answer or not at all.
    if (values.untrueClaim !== null) await recordCustomerClaim(tx, audit, found.surveyId, values.untrueClaim);
    // PRODUCT.md §8: a NO to "did it do what you were told" reaches the salesperson and their managers.
    await notifySurveyAnswered(tx, found.surveyId);
    // The dashboard's satisfaction and response figures count the answer (ADR 019).
    await refreshRollups(tx, { surveyIds: [found.surveyId] });
    return "recorded" as const;
  });
  if (outcome === "already-answered") await recordRefusedResponse(audit, "already-answered", found.surveyId);
  return outcome;
}
