import { beforeAll, describe, expect, it } from "vitest";
import { utcDayOf } from "../../app/domain/claim-rules.ts";
import { addDays } from "../../app/domain/dates.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { recordVerdict, resolveDispute } from "../../app/models/claim-verdicts.server.ts";
import { importConversations } from "../../app/models/conversations.server.ts";
import { answerQuestion, askQuestion } from "../../app/models/engineer-questions.server.ts";
import { runDailyScan } from "../../app/models/notifications.server.ts";
import { createSurveyLink, recordSurveyResponse } from "../../app/models/survey-links.server.ts";
import { importSurveyResults } from "../../app/models/survey-results.server.ts";
import { loader as layoutLoader } from "../../app/routes/_app.tsx";
import { action as inboxAction, loader as inboxLoader } from "../../app/routes/_app.inbox.tsx";
import { actorFor, auditOf, disputeVerdict, judgeInaccurate, loggedClaim, type Person } from "./support/claims.ts";
import { refusalOf } from "./support/refusal.ts";
import { load, submit } from "./support/requests.ts";
import { settle } from "./support/sign-in.ts";
import { onPostgres } from "./support/database.ts";
import { dueSurvey } from "./support/surveys.ts";

// PRODUCT.md §8: each event notifies exactly the right people, in the transaction of the write
// that causes it; the daily scan can run any number of times; nobody reads or marks another
// person's notifications.

const SALES = "sales@candor.test";
const MANAGER = "manager@candor.test";
const ENGINEER = "engineer@candor.test";
const DAY = 86_400_000;
const stamp = Date.now().toString(36).toUpperCase();

let maya: Person;
let engineer: Person;
let manager: Person;
/** The active managers of Maya's team: the people a dispute or an unhappy customer of hers concerns. */
let mayasManagers: string[];
let capability: { id: string; productId: string };

beforeAll(async () => {
  [maya, engineer, manager] = await Promise.all([actorFor(SALES), actorFor(ENGINEER), actorFor(MANAGER)]);
  const managers = await prisma.teamManager.findMany({
    where: { teamId: maya.teamId ?? "", user: { active: true } },
    select: { userId: true },
  });
  mayasManagers = managers.map((row) => row.userId).sort();
  expect(mayasManagers).toContain(manager.userId);
  capability = await prisma.capability.findFirstOrThrow({
    where: { key: "excel-export", product: { slug: "ledgerline" } },
    select: { id: true, productId: true },
  });
});

/** Who received notifications under a key, sorted. */
async function recipientsOf(dedupeKey: string): Promise<string[]> {
  const rows = await prisma.notification.findMany({ where: { dedupeKey }, select: { userId: true } });
  return rows.map((row) => row.userId).sort();
}

function pendingClaim(account: string, madeDaysAgo = 4) {
  return loggedClaim(maya, {
    capabilityId: capability.id,
    statement: `Ledgerline exports straight into ${account}'s old xls templates.`,
    accountName: account,
    madeAt: new Date(Date.now() - madeDaysAgo * DAY),
  });
}

describe("events notify the right people", () => {
  it("a verdict notifies its salesperson, a dispute the team's managers, a resolution the salesperson", async () => {
    const before = await prisma.notification.count();
    const claimId = await pendingClaim("Fabrikam Verdicts");
    await judgeInaccurate(engineer, claimId, "Only xlsx is supported.");
    expect(await recipientsOf(`verdict:${claimId}`)).toEqual([maya.userId]);
    const verdict = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: `verdict:${claimId}` } });
    expect(verdict).toMatchObject({ kind: "VERDICT", href: `/claims/${claimId}`, readAt: null });
    expect(verdict.text).toBe(
      `${engineer.name} judged your claim to Fabrikam Verdicts about Excel export (“Ledgerline exports straight into Fabrikam Verdicts's old…”): Inaccurate (high severity).`,
    );

    await disputeVerdict(maya, claimId, "The customer only uses xlsx files.");
    const dispute = await prisma.claimDispute.findUniqueOrThrow({ where: { claimId } });
    expect(await recipientsOf(`dispute-opened:${dispute.id}`)).toEqual(mayasManagers);
    const opened = await prisma.notification.findFirstOrThrow({
      where: { dedupeKey: `dispute-opened:${dispute.id}`, userId: manager.userId },
    });
    expect(opened).toMatchObject({
      kind: "DISPUTE_OPENED",
      href: "/disputes",
      text: `${maya.name} disputes the verdict on a claim to Fabrikam Verdicts: “The customer only uses xlsx files.”`,
    });

    const resolution = {
      outcome: "OVERTURNED" as const,
      resolutionNote: "xlsx is what they use.",
      verdict: { status: "ACCURATE" as const, severity: "LOW" as const, note: "" },
    };
    expect(await resolveDispute(auditOf(manager), manager, claimId, resolution)).toEqual({ ok: true, value: null });
    expect(await recipientsOf(`dispute-resolved:${dispute.id}`)).toEqual([maya.userId]);
    const resolved = await prisma.notification.findFirstOrThrow({
      where: { dedupeKey: `dispute-resolved:${dispute.id}` },
    });
    expect(resolved.text).toMatch(
      new RegExp(
        `^${manager.name} overturned the verdict: it is now Accurate \\(low severity\\) on your claim to Fabrikam Verdicts`,
      ),
    );
    // Exactly these: one verdict, one per manager, one resolution.
    expect(await prisma.notification.count()).toBe(before + 2 + mayasManagers.length);
  });

  it("an answer notifies the asker only", async () => {
    const asked = await askQuestion(auditOf(maya), {
      askedById: maya.userId,
      productId: capability.productId,
      capabilityId: capability.id,
      question: "Can the export write xls for Excel 2003?",
      context: "",
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const answered = await answerQuestion(auditOf(engineer), {
      questionId: asked.value.id,
      answeredById: engineer.userId,
      answer: "No: xlsx only, Excel 2007 and later.",
      capabilityUpdate: null,
    });
    expect(answered.ok).toBe(true);
    expect(await recipientsOf(`answer:${asked.value.id}`)).toEqual([maya.userId]);
    const notice = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: `answer:${asked.value.id}` } });
    expect(notice).toMatchObject({
      kind: "QUESTION_ANSWERED",
      href: `/ask/${asked.value.id}`,
      text: `${engineer.name} answered your question “Can the export write xls for Excel 2003?”.`,
    });
  });

  it("candidate claims from an imported conversation notify the salesperson, unless she imported it herself", async () => {
    await prisma.capability.update({ where: { id: capability.id }, data: { phrases: "xls\nExcel 2003" } });
    const account = await prisma.account.create({ data: { name: "Whitfield Notified" } });
    const deal = await prisma.deal.create({
      data: {
        externalId: `CONV-NOTE-${stamp}`,
        accountId: account.id,
        contactName: "Dana",
        contactEmail: "dana@whitfield.example",
        ownerId: maya.userId,
        productId: capability.productId,
        amountCents: 100_000,
        status: "OPEN",
      },
    });
    const call = (words: string) => ({
      fileName: "call.txt",
      bytes: null,
      text: `Dana Whitfield: Can we export to xls?\nMaya Chen: ${words}`,
      tooLarge: false,
    });
    const request = (words: string) => ({
      dealId: deal.id,
      occurredOn: utcDayOf(addDays(new Date(), -1)),
      items: [call(words)],
      speakerOf: () => "Maya Chen",
      now: new Date(),
    });

    const byManager = await importConversations(
      auditOf(manager),
      manager.userId,
      { kind: "teams", teamIds: [maya.teamId ?? ""] },
      request("Yes, the export works with Excel 2003 and xls files."),
    );
    if (!byManager.ok) throw new Error(JSON.stringify(byManager));
    const conversationId = byManager.value.imported[0]?.id ?? "";
    expect(byManager.value.imported[0]?.candidates).toBeGreaterThan(0);
    expect(await recipientsOf(`candidates:${conversationId}`)).toEqual([maya.userId]);
    const notice = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: `candidates:${conversationId}` } });
    expect(notice).toMatchObject({ kind: "CANDIDATES_TO_CONFIRM", href: `/conversations/${conversationId}` });
    expect(notice.text).toMatch(
      new RegExp(
        `^${manager.name} imported a conversation with Whitfield Notified: \\d+ possible claims? to confirm or dismiss within 7 days\\.$`,
      ),
    );

    const byMaya = await importConversations(
      auditOf(maya),
      maya.userId,
      { kind: "own", userId: maya.userId },
      request("Our xls export handles Excel 2003 workbooks too."),
    );
    if (!byMaya.ok) throw new Error(JSON.stringify(byMaya));
    expect(byMaya.value.imported[0]?.candidates).toBeGreaterThan(0);
    expect(await recipientsOf(`candidates:${byMaya.value.imported[0]?.id ?? ""}`)).toEqual([]);
  });

  it("a survey answered NO on the public page notifies the salesperson and her managers; YES notifies nobody", async () => {
    const unhappy = await dueSurvey({ owner: SALES });
    const happy = await dueSurvey({ owner: SALES });
    for (const [survey, delivered] of [
      [unhappy, "NO"],
      [happy, "YES"],
    ] as const) {
      const link = await createSurveyLink(auditOf(manager), survey.surveyId, null);
      if (!link) throw new Error("no link");
      expect(
        await recordSurveyResponse(auditOf(manager), link.path.replace("/survey/", ""), {
          csat: 2,
          deliveredAsPromised: delivered,
        }),
      ).toBe("recorded");
    }
    expect(await recipientsOf(`survey-no:${unhappy.surveyId}`)).toEqual([maya.userId, ...mayasManagers].sort());
    expect(await recipientsOf(`survey-no:${happy.surveyId}`)).toEqual([]);
    const own = await prisma.notification.findFirstOrThrow({
      where: { dedupeKey: `survey-no:${unhappy.surveyId}`, userId: maya.userId },
    });
    expect(own).toMatchObject({
      kind: "SURVEY_NOT_DELIVERED",
      href: `/people/${maya.userId}`,
      text: `The customer at ${unhappy.accountName} (your deal) says the product did not do what they were told.`,
    });
    const managers = await prisma.notification.findFirstOrThrow({
      where: { dedupeKey: `survey-no:${unhappy.surveyId}`, userId: manager.userId },
    });
    expect(managers.text).toContain(`(${maya.name}'s deal)`);
  });

  it("a NO through the CSV import or the API notifies once, and a rejected import notifies nobody", async () => {
    const csvSurvey = await dueSurvey({ owner: SALES });
    const apiSurvey = await dueSurvey({ owner: SALES });
    const today = utcDayOf(new Date());
    const header = "Deal external ID,Responded at,CSAT,Delivered as promised";
    const bad = await importSurveyResults(
      auditOf(manager),
      [header, `${csvSurvey.externalId},${today},2,NO`, `${csvSurvey.externalId}-MISSING,${today},2,NO`].join("\n"),
      null,
    );
    expect(bad.ok).toBe(false);
    expect(await recipientsOf(`survey-no:${csvSurvey.surveyId}`)).toEqual([]);

    const good = [header, `${csvSurvey.externalId},${today},2,NO`].join("\n");
    expect((await importSurveyResults(auditOf(manager), good, null)).ok).toBe(true);
    expect(await recipientsOf(`survey-no:${csvSurvey.surveyId}`)).toEqual([maya.userId, ...mayasManagers].sort());
    // Imported again, and then updated with another score: still one notification each.
    expect((await importSurveyResults(auditOf(manager), good, null)).ok).toBe(true);
    expect(
      (await importSurveyResults(auditOf(manager), [header, `${csvSurvey.externalId},${today},1,NO`].join("\n"), null))
        .ok,
    ).toBe(true);
    expect(await recipientsOf(`survey-no:${csvSurvey.surveyId}`)).toEqual([maya.userId, ...mayasManagers].sort());

    const values = {
      externalId: apiSurvey.externalId,
      respondedAt: today,
      csat: "1",
      delivered: "no",
      nps: "",
      comment: "",
      untrueClaim: "",
    };
    expect((await importSurveyResults(auditOf(manager), [values], null)).ok).toBe(true);
    expect(await recipientsOf(`survey-no:${apiSurvey.surveyId}`)).toEqual([maya.userId, ...mayasManagers].sort());
  });
});

describe("inside the write's transaction", () => {
  it("a verdict whose notification cannot be stored is not stored either", async () => {
    const claimId = await pendingClaim("Fabrikam Rollback");
    if (onPostgres) {
      await prisma.$executeRawUnsafe(
        `CREATE FUNCTION "test_refuse_notifications"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'notifications refused'; END $$`,
      );
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER "test_refuse_notifications" BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION "test_refuse_notifications"()`,
      );
    } else {
      await prisma.$executeRawUnsafe(
        `CREATE TRIGGER "test_refuse_notifications" BEFORE INSERT ON "Notification" BEGIN SELECT RAISE(ABORT, 'notifications refused'); END`,
      );
    }
    try {
      // (Prisma reports the trigger's abort in its own words; that the write failed is what counts.)
      await expect(
        recordVerdict(auditOf(engineer), engineer, claimId, 1, { status: "ACCURATE", severity: "LOW", note: "" }),
      ).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(
        onPostgres ? `DROP FUNCTION "test_refuse_notifications"() CASCADE` : `DROP TRIGGER "test_refuse_notifications"`,
      );
    }
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim).toMatchObject({ status: "PENDING", version: 1, verifiedById: null });
    expect(await prisma.auditEvent.count({ where: { action: "claim.verify", entityId: claimId } })).toBe(0);
    // With notifications stored again, the same verdict goes through with its notification.
    expect(
      await recordVerdict(auditOf(engineer), engineer, claimId, 1, { status: "ACCURATE", severity: "LOW", note: "" }),
    ).toEqual({ ok: true, value: null });
    expect(await recipientsOf(`verdict:${claimId}`)).toEqual([maya.userId]);
  });
});

describe("the daily scan", () => {
  it("finds quizzes due, certifications expiring and claims past target, and adds nothing when run again", async () => {
    const author = await prisma.user.findUniqueOrThrow({ where: { email: ENGINEER } });
    /** A published five-question quiz by the engineer. */
    const publishedQuiz = (title: string, requiredForComp: boolean, certificationDays: number) =>
      prisma.quiz.create({
        data: {
          title,
          questionCount: 5,
          timeLimitMinutes: 10,
          passMark: 0.8,
          maxAttempts: 3,
          requiredForComp,
          certificationDays,
          published: true,
          createdById: author.id,
        },
      });
    const required = await publishedQuiz(`Required ${stamp}`, true, 180);
    const expiring = await publishedQuiz(`Expiring ${stamp}`, false, 30);
    const passedAt = addDays(new Date(), -25);
    await prisma.quizAttempt.create({
      data: {
        quizId: expiring.id,
        userId: maya.userId,
        startedAt: passedAt,
        deadline: addDays(passedAt, 1),
        submittedAt: passedAt,
        score: 0.9,
        passed: true,
        snapshotJson: "[]",
      },
    });
    const stale = await pendingClaim("Fabrikam Backlog", 20);
    await prisma.claim.update({ where: { id: stale }, data: { createdAt: addDays(new Date(), -14) } });
    // Noon UTC today, so that "a minute later" below is the same day whenever the test runs.
    const now = new Date(new Date().setUTCHours(12, 0, 0, 0));

    const first = await runDailyScan(now);
    expect(first.created).toBeGreaterThan(0);
    const total = await prisma.notification.count();

    const salespeople = (await prisma.user.findMany({ where: { role: "SALES", active: true }, select: { id: true } }))
      .map((user) => user.id)
      .sort();
    expect(await recipientsOf(`quiz-due:${required.id}:never`)).toEqual(salespeople);
    const certifiedUntil = addDays(passedAt, 30).toISOString().slice(0, 10);
    expect(await recipientsOf(`certification-expiring:${expiring.id}:${certifiedUntil}`)).toEqual([maya.userId]);
    const mayasCert = await prisma.notification.findFirstOrThrow({
      where: { userId: maya.userId, dedupeKey: `certification-expiring:${expiring.id}:${certifiedUntil}` },
    });
    expect(mayasCert).toMatchObject({ kind: "CERTIFICATION_EXPIRING", href: `/quizzes/${expiring.id}` });
    // Others never took the optional quiz: it is on their list as not attempted, Maya's is not.
    expect(await recipientsOf(`quiz-due:${expiring.id}:never`)).toEqual(salespeople.filter((id) => id !== maya.userId));

    const engineers = (await prisma.user.findMany({ where: { role: "ENGINEER", active: true }, select: { id: true } }))
      .map((user) => user.id)
      .sort();
    const backlogKey = `claims-past-target:${now.toISOString().slice(0, 10)}`;
    expect(await recipientsOf(backlogKey)).toEqual(engineers);
    const backlog = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: backlogKey } });
    expect(backlog).toMatchObject({ kind: "CLAIMS_PAST_TARGET", href: "/verify" });
    expect(backlog.text).toMatch(
      /^\d+ claims? (is|are) past the 3-working-day verification target; the oldest has waited \d+ working days?\.$/,
    );

    expect(await runDailyScan(now)).toEqual({ created: 0 });
    expect(await runDailyScan(new Date(now.getTime() + 60_000))).toEqual({ created: 0 });
    expect(await prisma.notification.count()).toBe(total);
    // Concurrent runs (two processes at start-up) still store each notification once: neither
    // fails on the other's rows, together they report exactly the rows added, and a third run of
    // the same day finds nothing new. (A day later the backlog notice is new for every engineer;
    // a certification may also enter its warning window, so the total is at least that.)
    const before = await prisma.notification.count();
    const [a, b] = await Promise.all([runDailyScan(addDays(now, 1)), runDailyScan(addDays(now, 1))]);
    expect(a.created + b.created).toBe((await prisma.notification.count()) - before);
    expect(a.created + b.created).toBeGreaterThanOrEqual(engineers.length);
    expect(await runDailyScan(addDays(now, 1))).toEqual({ created: 0 });
    expect(await recipientsOf(`claims-past-target:${addDays(now, 1).toISOString().slice(0, 10)}`)).toEqual(engineers);
  });
});

describe("the inbox: one's own, and nobody else's", () => {
  const inboxOf = async (email: string, path = "/inbox") => load(inboxLoader, email, path);
  const act = async (email: string, fields: Record<string, string>) =>
    settle(() => submit(inboxAction, email, "/inbox", fields));
  const navCount = async (email: string) =>
    (await load(layoutLoader, email, "/home")).nav.find((item) => item.to === "/inbox")?.count;

  it("lists the reader's own notifications newest first, with the unread count in the navigation", async () => {
    const claimId = await pendingClaim("Fabrikam Inbox");
    await recordVerdict(auditOf(engineer), engineer, claimId, 1, { status: "ACCURATE", severity: "LOW", note: "" });
    const inbox = await inboxOf(SALES);
    const unread = await prisma.notification.count({ where: { userId: maya.userId, readAt: null } });
    expect(inbox.unread).toBe(unread);
    expect(await navCount(SALES)).toBe(unread);
    expect(inbox.rows[0]).toMatchObject({ href: `/claims/${claimId}`, readAt: null });
    const times = inbox.rows.map((row) => new Date(row.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const others = await prisma.notification.findMany({
      where: { userId: { not: maya.userId } },
      select: { id: true },
    });
    const shown = new Set(inbox.rows.map((row) => row.id));
    expect(others.some((row) => shown.has(row.id))).toBe(false);
    // Pages of 25; a page past the end shows the last one.
    expect(inbox.rows.length).toBeLessThanOrEqual(25);
    expect((await inboxOf(SALES, "/inbox?page=999")).page).toBe(inbox.pageCount);
    // Without SMTP_URL (as in these tests) the digest is not offered.
    expect(inbox.digest).toBeNull();
  });

  it("marks one read; someone else's is 404 and stays unread; mark all read touches only the reader's", async () => {
    const claimId = await pendingClaim("Fabrikam Marking");
    await recordVerdict(auditOf(engineer), engineer, claimId, 1, { status: "ACCURATE", severity: "LOW", note: "" });
    const mine = await prisma.notification.findFirstOrThrow({ where: { dedupeKey: `verdict:${claimId}` } });

    const refused = await act(MANAGER, { intent: "read", notificationId: mine.id });
    expect(await refusalOf(refused)).toMatchObject({ status: 404 });
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    const unknown = await act(SALES, { intent: "read", notificationId: "no-such-notification" });
    expect(await refusalOf(unknown)).toMatchObject({ status: 404 });

    const before = await navCount(SALES);
    const read = await act(SALES, { intent: "read", notificationId: mine.id, page: "1" });
    expect(read).toHaveRedirect("/inbox");
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect(await navCount(SALES)).toBe((before ?? 0) - 1);
    // A second click on the same button changes nothing and is no error.
    expect(await act(SALES, { intent: "read", notificationId: mine.id })).toBeInstanceOf(Response);

    const managersUnread = await prisma.notification.count({ where: { userId: manager.userId, readAt: null } });
    expect(managersUnread).toBeGreaterThan(0);
    expect(await act(SALES, { intent: "read-all" })).toBeInstanceOf(Response);
    expect(await prisma.notification.count({ where: { userId: maya.userId, readAt: null } })).toBe(0);
    expect(await navCount(SALES)).toBe(0);
    expect(await prisma.notification.count({ where: { userId: manager.userId, readAt: null } })).toBe(managersUnread);
  });

  it("refuses a form it does not know, and the digest choice where email is not configured", async () => {
    expect(await act(SALES, { intent: "delete-everything" })).toMatchObject({ init: { status: 400 } });
    expect(await act(SALES, { intent: "digest", emailDigest: "on" })).toMatchObject({
      init: { status: 400 },
      data: { message: expect.stringContaining("Email is not configured") },
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: maya.userId } })).emailDigest).toBe(false);
  });
});
