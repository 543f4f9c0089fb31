import { DECISION_WINDOW_DAYS } from "../domain/candidate-rules.ts";
import { verificationAge, verificationOverdueBefore } from "../domain/claim-rules.ts";
import {
  addressed,
  candidatesNotice,
  claimsPastTargetNotice,
  digestDay,
  disputeOpenedNotice,
  disputeResolvedNotice,
  questionAnsweredNotice,
  quizNotice,
  surveyNotDeliveredNotice,
  verdictNotice,
  type NotificationDraft,
} from "../domain/notifications.ts";
import { certificationExpiresAt, quizDueReason } from "../domain/quiz-rules.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { pageWindow } from "../domain/paging.ts";
import { prisma, type Db, type Tx } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";
import { takeWriteLock } from "./bulk-insert.server.ts";

// Notifications (PRODUCT.md §8, ADR 017). Events are written by the notify… helpers below, each
// called with the transaction client of the write that causes the event, so a verdict and its
// notification commit together or not at all. Time-based events (a quiz due, claims past the
// verification target) come from the daily scan, which may run any number of times: the
// (userId, dedupeKey) unique index lets each one in once.

// ---------------------------------------------------------------- writing

const KEY_CHUNK = 400;

/**
 * Stores the drafts whose (user, dedupeKey) is not stored yet; drafts without a key are always
 * stored. Returns how many were written. Call it with the transaction of the causing write.
 */
export async function notify(db: Tx | Db, drafts: readonly NotificationDraft[], at?: Date): Promise<number> {
  const seen = new Set<string>();
  const fresh = drafts.filter((draft) => {
    if (draft.dedupeKey === null) return true;
    const key = `${draft.userId}\n${draft.dedupeKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const keyed = fresh.filter((draft) => draft.dedupeKey !== null);
  const stored = new Set<string>();
  for (let i = 0; i < keyed.length; i += KEY_CHUNK) {
    const chunk = keyed.slice(i, i + KEY_CHUNK);
    const rows = await db.notification.findMany({
      where: { OR: chunk.map((draft) => ({ userId: draft.userId, dedupeKey: draft.dedupeKey })) },
      select: { userId: true, dedupeKey: true },
    });
    for (const row of rows) stored.add(`${row.userId}\n${row.dedupeKey ?? ""}`);
  }
  const data = fresh
    .filter((draft) => draft.dedupeKey === null || !stored.has(`${draft.userId}\n${draft.dedupeKey}`))
    .map((draft) => ({ ...draft, ...(at ? { createdAt: at } : {}) }));
  if (data.length === 0) return 0;
  await db.notification.createMany({ data });
  return data.length;
}

/** The active managers of a team; an admin stands in when the team has none, so a dispute never goes unseen. */
async function managersOf(tx: Tx | Db, teamId: string | null): Promise<string[]> {
  const managers = await activeManagersOf(tx, teamId);
  if (managers.length > 0) return managers;
  const admins = await tx.user.findMany({
    where: { role: "ADMIN", active: true },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return admins.map((admin) => admin.id);
}

/** The active managers of a team, and nobody else (a survey answer is the team's business). */
async function activeManagersOf(tx: Tx | Db, teamId: string | null): Promise<string[]> {
  if (!teamId) return [];
  const managers = await tx.teamManager.findMany({
    where: { teamId, user: { active: true } },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  return managers.map((manager) => manager.userId);
}

/** A salesperson a notice is about: named in its text, their team's managers told, left alone once inactive. */
const salespersonFactsSelect = { select: { name: true, teamId: true, active: true } } satisfies Prisma.UserDefaultArgs;

/** What a claim's notices say about it, then the salesperson it is about. */
const claimFactsSelect = {
  id: true,
  accountName: true,
  statement: true,
  capability: { select: { title: true } },
  salespersonId: true,
  salesperson: salespersonFactsSelect,
} satisfies Prisma.ClaimSelect;

function claimFacts(claim: Prisma.ClaimGetPayload<{ select: typeof claimFactsSelect }>) {
  return {
    claimId: claim.id,
    accountName: claim.accountName,
    statement: claim.statement,
    capabilityTitle: claim.capability?.title ?? null,
  };
}

/**
 * The writer of one kind of notice: it reads the row the event is about with the transaction of
 * the write that causes it, and stores the drafts `drafts` makes of that row (none when the event
 * concerns nobody). Returns how many were stored.
 */
function notifier<Row>(
  read: (tx: Tx, id: string) => Promise<Row>,
  drafts: (row: Row, tx: Tx) => NotificationDraft[] | Promise<NotificationDraft[]>,
) {
  return async (tx: Tx, id: string, at?: Date): Promise<number> => notify(tx, await drafts(await read(tx, id), tx), at);
}

/** A verdict on a claim: its salesperson hears who judged it and how. */
export const notifyVerdict = notifier(
  (tx, id) =>
    tx.claim.findUniqueOrThrow({
      where: { id },
      select: { ...claimFactsSelect, status: true, severity: true, verifiedBy: { select: { name: true } } },
    }),
  (claim) =>
    claim.status === "PENDING" || !claim.salesperson.active
      ? []
      : addressed(
          verdictNotice({
            ...claimFacts(claim),
            status: claim.status,
            severity: claim.severity,
            verifierName: claim.verifiedBy?.name ?? "An engineer",
          }),
          [claim.salespersonId],
        ),
);

/** A dispute raised: the managers of the salesperson's team (an admin when it has none). */
export const notifyDisputeOpened = notifier(
  (tx, id) =>
    tx.claimDispute.findUniqueOrThrow({
      where: { id },
      select: { id: true, reason: true, claim: { select: claimFactsSelect } },
    }),
  async (dispute, tx) =>
    addressed(
      disputeOpenedNotice({
        disputeId: dispute.id,
        reason: dispute.reason,
        salespersonName: dispute.claim.salesperson.name,
        ...claimFacts(dispute.claim),
      }),
      await managersOf(tx, dispute.claim.salesperson.teamId),
    ),
);

/** What the notice of a resolved dispute says: the claim, the outcome, and who decided it. */
const resolvedDisputeSelect = {
  claim: { select: claimFactsSelect },
  id: true,
  status: true,
  overturnedStatus: true,
  overturnedSeverity: true,
  raisedById: true,
  resolvedBy: { select: { name: true } },
} satisfies Prisma.ClaimDisputeSelect;

/** A dispute resolved: the salesperson who raised it hears the outcome. */
export const notifyDisputeResolved = notifier(
  (tx, id) => tx.claimDispute.findUniqueOrThrow({ where: { id }, select: resolvedDisputeSelect }),
  (dispute) =>
    dispute.status === "OPEN" || !dispute.claim.salesperson.active
      ? []
      : addressed(
          disputeResolvedNotice({
            disputeId: dispute.id,
            outcome: dispute.status,
            resolverName: dispute.resolvedBy?.name ?? "A manager",
            newStatus: dispute.overturnedStatus,
            newSeverity: dispute.overturnedSeverity,
            ...claimFacts(dispute.claim),
          }),
          [dispute.raisedById],
        ),
);

/** What the notice of an answer says, and whether the asker still wants to hear it. */
const answeredQuestionSelect = {
  id: true,
  question: true,
  askedById: true,
  revisionId: true,
  status: true,
  askedBy: { select: { active: true } },
  answeredBy: { select: { id: true, name: true } },
} satisfies Prisma.EngineerQuestionSelect;

/** An answer to a question: the asker (unless they answered it themselves). */
export const notifyQuestionAnswered = notifier(
  (tx, id) => tx.engineerQuestion.findUniqueOrThrow({ where: { id }, select: answeredQuestionSelect }),
  (question) =>
    question.status !== "ANSWERED" || !question.askedBy.active || question.answeredBy?.id === question.askedById
      ? []
      : addressed(
          questionAnsweredNotice({
            questionId: question.id,
            question: question.question,
            answererName: question.answeredBy?.name ?? "An engineer",
            capabilityUpdated: question.revisionId !== null,
          }),
          [question.askedById],
        ),
);

/** What the notice of an imported conversation says: how many candidates wait, and who imported it. */
const importedConversationSelect = {
  id: true,
  salespersonId: true,
  importedById: true,
  salesperson: { select: { active: true } },
  importedBy: { select: { name: true } },
  deal: { select: { account: { select: { name: true } } } },
  _count: { select: { candidates: { where: { status: "PENDING" } } } },
} satisfies Prisma.ConversationSelect;

/**
 * Candidate claims found in an imported conversation: the salesperson, who decides them within
 * the window — unless they imported it themselves and have just seen them.
 */
export const notifyCandidatesFound = notifier(
  (tx, id) => tx.conversation.findUniqueOrThrow({ where: { id }, select: importedConversationSelect }),
  ({ _count: { candidates: count }, ...conversation }) =>
    count === 0 || conversation.importedById === conversation.salespersonId || !conversation.salesperson.active
      ? []
      : addressed(
          candidatesNotice({
            conversationId: conversation.id,
            count,
            accountName: conversation.deal.account.name,
            importerName: conversation.importedBy.name,
            decisionDays: DECISION_WINDOW_DAYS,
          }),
          [conversation.salespersonId],
        ),
);

/**
 * A survey answered NO to "did the product do what you were told": the deal's salesperson and
 * their team's managers. Anything else (YES, PARTLY, unanswered) notifies nobody.
 */
export const notifySurveyAnswered = notifier(
  (tx, id) =>
    tx.survey.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        deliveredAsPromised: true,
        salespersonId: true,
        salesperson: salespersonFactsSelect,
        deal: { select: { account: { select: { name: true } } } },
      },
    }),
  async (survey, tx) => {
    if (survey.deliveredAsPromised !== "NO") return [];
    const facts = {
      surveyId: survey.id,
      salespersonId: survey.salespersonId,
      salespersonName: survey.salesperson.name,
      accountName: survey.deal.account.name,
    };
    const managers = (await activeManagersOf(tx, survey.salesperson.teamId)).filter(
      (id) => id !== survey.salespersonId,
    );
    return [
      ...(survey.salesperson.active
        ? addressed(surveyNotDeliveredNotice({ ...facts, forSalesperson: true }), [survey.salespersonId])
        : []),
      ...addressed(surveyNotDeliveredNotice({ ...facts, forSalesperson: false }), managers),
    ];
  },
);

// ---------------------------------------------------------------- the daily scan

/** Quizzes on each active salesperson's "quizzes due" list, in a few grouped queries for everyone at once. */
async function quizDrafts(now: Date): Promise<NotificationDraft[]> {
  const [quizzes, people] = await Promise.all([
    prisma.quiz.findMany({
      where: { published: true },
      select: { id: true, title: true, requiredForComp: true, certificationDays: true },
    }),
    prisma.user.findMany({ where: { role: "SALES", active: true }, select: { id: true } }),
  ]);
  if (quizzes.length === 0 || people.length === 0) return [];
  const quizIds = quizzes.map((quiz) => quiz.id);
  const salesOnly = { user: { role: "SALES" as const, active: true }, quizId: { in: quizIds } };
  const [attempted, passes] = await Promise.all([
    prisma.quizAttempt.groupBy({ by: ["userId", "quizId"], where: salesOnly, _count: { _all: true } }),
    prisma.quizAttempt.groupBy({
      by: ["userId", "quizId"],
      where: { ...salesOnly, passed: true },
      _max: { submittedAt: true },
    }),
  ]);
  const key = (userId: string, quizId: string) => `${userId}\n${quizId}`;
  const attemptedSet = new Set(attempted.map((row) => key(row.userId, row.quizId)));
  const lastPass = new Map(
    passes.flatMap((row) =>
      row._max.submittedAt ? [[key(row.userId, row.quizId), row._max.submittedAt] as const] : [],
    ),
  );
  const drafts: NotificationDraft[] = [];
  for (const person of people) {
    for (const quiz of quizzes) {
      const passedAt = lastPass.get(key(person.id, quiz.id));
      const certifiedUntil = passedAt ? certificationExpiresAt(passedAt, quiz.certificationDays) : null;
      const reason = quizDueReason({
        requiredForComp: quiz.requiredForComp,
        certifiedUntil,
        attempted: attemptedSet.has(key(person.id, quiz.id)),
        now,
      });
      if (reason)
        drafts.push({
          ...quizNotice({ quizId: quiz.id, title: quiz.title, reason, certifiedUntil }),
          userId: person.id,
        });
    }
  }
  return drafts;
}

/** The verification backlog past target, once a day to every active engineer (as the engineer's home counts it). */
async function pastTargetDrafts(now: Date): Promise<NotificationDraft[]> {
  const overdue = { status: "PENDING" as const, createdAt: { lt: verificationOverdueBefore(now) } };
  const [count, oldest, engineers] = await Promise.all([
    prisma.claim.count({ where: overdue }),
    prisma.claim.findFirst({ where: overdue, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    prisma.user.findMany({ where: { role: "ENGINEER", active: true }, select: { id: true } }),
  ]);
  if (count === 0 || !oldest) return [];
  const notice = claimsPastTargetNotice({
    count,
    oldestWorkingDays: verificationAge(oldest.createdAt, now).workingDays,
    day: digestDay(now),
  });
  return addressed(
    notice,
    engineers.map((engineer) => engineer.id),
  );
}

const SCAN_BATCH = 500;

/**
 * The daily scan: quizzes due and certifications expiring within 14 days (salespeople), claims
 * past the verification target (engineers). Safe to run any number of times, in any number of
 * processes: a notification already stored under its key is not stored again.
 */
export async function runDailyScan(now = new Date()): Promise<{ created: number }> {
  const drafts = [...(await quizDrafts(now)), ...(await pastTargetDrafts(now))];
  let created = 0;
  for (let i = 0; i < drafts.length; i += SCAN_BATCH) {
    const batch = drafts.slice(i, i + SCAN_BATCH);
    // The write lock first, so the keys notify finds stored stay true until it writes: a scan
    // in another process waits, then finds this one's notifications and adds none of them again.
    created += await prisma.$transaction(async (tx) => {
      await takeWriteLock(tx);
      return notify(tx, batch);
    });
  }
  return { created };
}

// ---------------------------------------------------------------- a database filled by other means

/**
 * The notifications the last `days` days' events would have written, dated when each happened,
 * for a database filled without the app's write paths (the demo seed); those older than
 * `unreadDays` are marked read, as a person who uses Candor would have left them. Keyed like
 * the live ones, so running it again, or after live events, adds nothing twice.
 */
export async function backfillRecentNotifications(now: Date, { days = 14, unreadDays = 3 } = {}): Promise<number> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const window = { gte: since, lte: now };
  const [verdicts, opened, resolved, answered, conversations, surveys] = await Promise.all([
    prisma.claim.findMany({ where: { verifiedAt: window }, select: { id: true, verifiedAt: true } }),
    prisma.claimDispute.findMany({ where: { raisedAt: window }, select: { id: true, raisedAt: true } }),
    prisma.claimDispute.findMany({ where: { resolvedAt: window }, select: { id: true, resolvedAt: true } }),
    prisma.engineerQuestion.findMany({ where: { answeredAt: window }, select: { id: true, answeredAt: true } }),
    prisma.conversation.findMany({ where: { createdAt: window }, select: { id: true, createdAt: true } }),
    prisma.survey.findMany({
      where: { respondedAt: window, deliveredAsPromised: "NO" },
      select: { id: true, respondedAt: true },
    }),
  ]);
  const events: Array<{ at: Date; write: (tx: Tx, at: Date) => Promise<number> }> = [
    ...verdicts.map((row) => ({
      at: row.verifiedAt ?? now,
      write: (tx: Tx, at: Date) => notifyVerdict(tx, row.id, at),
    })),
    ...opened.map((row) => ({ at: row.raisedAt, write: (tx: Tx, at: Date) => notifyDisputeOpened(tx, row.id, at) })),
    ...resolved.map((row) => ({
      at: row.resolvedAt ?? now,
      write: (tx: Tx, at: Date) => notifyDisputeResolved(tx, row.id, at),
    })),
    ...answered.map((row) => ({
      at: row.answeredAt ?? now,
      write: (tx: Tx, at: Date) => notifyQuestionAnswered(tx, row.id, at),
    })),
    ...conversations.map((row) => ({
      at: row.createdAt,
      write: (tx: Tx, at: Date) => notifyCandidatesFound(tx, row.id, at),
    })),
    ...surveys.map((row) => ({
      at: row.respondedAt ?? now,
      write: (tx: Tx, at: Date) => notifySurveyAnswered(tx, row.id, at),
    })),
  ];
  let created = 0;
  await prisma.$transaction(
    async (tx) => {
      for (const event of events) created += await event.write(tx, event.at);
      await tx.notification.updateMany({
        where: { readAt: null, createdAt: { lt: new Date(now.getTime() - unreadDays * 86_400_000) } },
        data: { readAt: now },
      });
    },
    { timeout: 120_000 },
  );
  return created;
}

// ---------------------------------------------------------------- reading and marking

export const INBOX_PAGE_SIZE = 25;

/** The number of unread notifications: one COUNT on the (userId, readAt, createdAt) index, cheap enough for every page. */
export function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

/** One page of the reader's own notifications, newest first. */
export async function listInbox(userId: string, page: number) {
  const [total, unread] = await Promise.all([prisma.notification.count({ where: { userId } }), countUnread(userId)]);
  const { page: current, pageCount, skip, take } = pageWindow(total, page, INBOX_PAGE_SIZE);
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: { id: true, kind: true, text: true, href: true, createdAt: true, readAt: true },
  });
  return { rows, total, unread, page: current, pageCount };
}

export type MarkOutcome = "read" | "already-read" | "not-found";

/**
 * Marks one of the reader's notifications read. Someone else's notification is "not-found",
 * exactly like one that does not exist, so nobody learns another person's notification ids.
 */
export async function markRead(userId: string, notificationId: string, now = new Date()): Promise<MarkOutcome> {
  const { count } = await prisma.notification.updateMany({
    where: { id: notificationId, userId, readAt: null },
    data: { readAt: now },
  });
  if (count === 1) return "read";
  const own = await prisma.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true } });
  return own ? "already-read" : "not-found";
}

/** Marks every unread notification of the reader read; returns how many. */
export async function markAllRead(userId: string, now = new Date()): Promise<number> {
  const { count } = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}

/** Whether the user receives the daily digest. */
export async function getDigestChoice(userId: string): Promise<boolean> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailDigest: true } });
  return user.emailDigest;
}

/** The user chooses (or stops) the daily email digest; audited like other changes to a person. */
export async function setDigestChoice(audit: AuditContext, userId: string, emailDigest: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { emailDigest: true, teamId: true },
    });
    if (before.emailDigest === emailDigest) return;
    await tx.user.update({ where: { id: userId }, data: { emailDigest } });
    await recordAudit(tx, audit, {
      action: "user.email-digest",
      entityType: "User",
      entityId: userId,
      teamId: before.teamId,
      before: { emailDigest: before.emailDigest },
      after: { emailDigest },
    });
  });
}
