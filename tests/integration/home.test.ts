import { describe, expect, it } from "vitest";
import { loggedBeforeForAge, verificationOverdueBefore } from "../../app/domain/claim-rules.ts";
import { isCustomerToCorrect } from "../../app/domain/next-steps.ts";
import { getPendingQueueSummary, QUEUE_AGE_BANDS } from "../../app/models/claims.server.ts";
import { listSurveysOfSalesperson, MY_SURVEYS_LIMIT, summariseSurveysOf } from "../../app/models/surveys.server.ts";
import { addDays } from "../../app/domain/dates.ts";
import { surveyState } from "../../app/domain/survey-schedule.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { action as claimAction, loader as claimLoader } from "../../app/routes/_app.claims.$claimId.tsx";
import { loader as homeLoader } from "../../app/routes/_app.home.tsx";
import { loader as quizLoader } from "../../app/routes/_app.quizzes.$quizId._index.tsx";
import { load, submit } from "./support/requests.ts";

// The salesperson's home: "Next to do" leads only where the person can act (PRODUCT.md §3).

async function loadHome(email: string, search = "") {
  const result = await load(homeLoader, email, `/home${search}`);
  if (result instanceof Response) throw new Error(`expected the home page, got a ${result.status}`);
  return result;
}

async function quizPage(email: string, quizId: string) {
  return load(quizLoader, email, `/quizzes/${quizId}`, { quizId });
}

const OVER = "overpromiser@candor.test";

describe("Next to do: quizzes", () => {
  it("never sends the over-promiser to the quiz he has no attempts left for, and says when it opens again", async () => {
    const home = await loadHome(OVER);
    const ledgerline = home.quizzes.due.find((quiz) => quiz.title === "Ledgerline certification");
    expect(ledgerline).toMatchObject({ reason: "REQUIRED_NOT_PASSED", attemptsLeft: 0, openAttemptId: null });
    expect(ledgerline?.nextAttemptAt).not.toBeNull();
    const quizSteps = home.steps.filter((step) => step.href.startsWith("/quizzes/"));
    expect(quizSteps.some((step) => step.href.includes(ledgerline?.id ?? "none"))).toBe(false);

    // Every quiz step leads to a quiz the quiz page itself would let him start.
    expect(quizSteps.length).toBeGreaterThan(0);
    for (const step of quizSteps) {
      const quizId = step.href.split("/")[2] ?? "";
      const page = await quizPage(OVER, quizId);
      expect(page.attemptsLeft === null || page.attemptsLeft > 0 || page.open !== null).toBe(true);
    }
    // The required quiz he can still take is there (Relay: his attempts left the 90-day round).
    const relay = home.quizzes.due.find((quiz) => quiz.title === "Relay integration essentials");
    expect(relay?.attemptsLeft).toBeGreaterThan(0);
    expect(quizSteps.map((step) => step.href)).toContain(`/quizzes/${relay?.id}`);
  });

  it("leads back into an attempt already started rather than to a new one", async () => {
    const engineer = await prisma.user.findUniqueOrThrow({
      where: { email: "engineer@candor.test" },
      select: { id: true },
    });
    const olivia = await prisma.user.findUniqueOrThrow({
      where: { email: "olivia.grant@candor.test" },
      select: { id: true, role: true },
    });
    expect(olivia.role).toBe("SALES");
    const quiz = await prisma.quiz.create({
      data: {
        title: "Fieldbook offline sync",
        questionCount: 5,
        timeLimitMinutes: 20,
        passMark: 0.7,
        maxAttempts: 1,
        requiredForComp: true,
        published: true,
        createdById: engineer.id,
      },
    });
    const now = new Date();
    // Olivia used her one attempt and it is still open: no new attempt could start, but this one can be finished.
    const open = await prisma.quizAttempt.create({
      data: {
        quizId: quiz.id,
        userId: olivia.id,
        startedAt: new Date(now.getTime() - 60_000),
        deadline: new Date(now.getTime() + 19 * 60_000),
        snapshotJson: "[]",
      },
    });
    const home = await loadHome("olivia.grant@candor.test");
    expect(home.quizzes.due.find((due) => due.id === quiz.id)).toMatchObject({
      reason: "REQUIRED_NOT_PASSED",
      attemptsLeft: 0,
      openAttemptId: open.id,
    });
    const step = home.steps.find((candidate) => candidate.href.includes(quiz.id));
    expect(step).toEqual({
      text: "Finish the quiz “Fieldbook offline sync” you started: it counts towards your bonus and you have not passed it yet.",
      href: `/quizzes/${quiz.id}/attempts/${open.id}`,
    });

    // Once it is past its deadline (and grace), nothing is left to do about it this round: no step.
    await prisma.quizAttempt.update({
      where: { id: open.id },
      data: { deadline: new Date(now.getTime() - 10 * 60_000) },
    });
    const later = await loadHome("olivia.grant@candor.test");
    expect(later.quizzes.due.find((due) => due.id === quiz.id)).toMatchObject({ attemptsLeft: 0, openAttemptId: null });
    expect(later.steps.some((candidate) => candidate.href.includes(quiz.id))).toBe(false);
  });
});

describe("Customers to correct", () => {
  const claimsOf = async (email: string) =>
    prisma.claim.findMany({
      where: { salesperson: { email } },
      select: {
        id: true,
        status: true,
        matrixCheck: true,
        customerCorrectedAt: true,
        salespersonId: true,
        loggedById: true,
      },
    });

  it("counts and lists exactly the judged claims still to correct — no pending or accurate ones — with a link to the full list", async () => {
    const claims = await claimsOf(OVER);
    const expected = claims.filter(isCustomerToCorrect);
    // The demo's over-promiser has pending and accurate claims that overstated the matrix: they must not count.
    expect(
      claims.some(
        (claim) => claim.matrixCheck === "OVERSTATES" && (claim.status === "PENDING" || claim.status === "ACCURATE"),
      ),
    ).toBe(true);
    expect(expected.length).toBeGreaterThan(10);

    const home = await loadHome(OVER);
    expect(home.toCorrect.count).toBe(expected.length);
    expect(home.toCorrect.rows).toHaveLength(10);
    expect(home.toCorrect.showingAll).toBe(false);
    for (const row of home.toCorrect.rows) expect(["INACCURATE", "PARTIALLY_ACCURATE"]).toContain(row.status);
    const [first] = home.steps;
    expect(first?.text).toContain(`${expected.length} claims were judged inaccurate or partly accurate`);
    expect(first?.href).toBe("/home?correct=all#to-correct");

    const all = await loadHome(OVER, "?correct=all");
    expect(all.toCorrect.showingAll).toBe(true);
    expect(all.toCorrect.count).toBe(expected.length);
    expect(new Set(all.toCorrect.rows.map((row) => row.id))).toEqual(new Set(expected.map((claim) => claim.id)));
  });

  it("drops a claim from the list once the correction is recorded on its page", async () => {
    const before = await loadHome(OVER);
    const claim = before.toCorrect.rows[0];
    if (!claim) throw new Error("expected a claim to correct");
    const response = await submit(
      claimAction,
      OVER,
      `/claims/${claim.id}`,
      { intent: "correct" },
      { claimId: claim.id },
    );
    expect(response).toBeInstanceOf(Response);
    const after = await loadHome(OVER);
    expect(after.toCorrect.count).toBe(before.toCorrect.count - 1);
    expect(after.toCorrect.rows.map((row) => row.id)).not.toContain(claim.id);
  });

  it("every listed claim can be cleared from its page: the claim page offers the correction for it", async () => {
    const home = await loadHome("sales@candor.test", "?correct=all");
    const claims = await claimsOf("sales@candor.test");
    expect(home.toCorrect.count).toBe(claims.filter(isCustomerToCorrect).length);
    expect(home.toCorrect.count).toBeGreaterThan(0);
    for (const row of home.toCorrect.rows) {
      const page = await load(claimLoader, "sales@candor.test", `/claims/${row.id}`, { claimId: row.id });
      expect(page.canMarkCorrected).toBe(true);
    }
    // The honest top performer's short list has no "show all" step link: everything is already on the home page.
    const short = await loadHome("sales@candor.test");
    if (short.toCorrect.count <= 10) expect(short.steps[0]?.href).toBe("#to-correct");
  });
});

describe("The engineers' queue summary", () => {
  it("counts, by ranges of the queue's index, what a count per band counts, at several instants", async () => {
    const pendingWhere = (createdAt: { lt?: Date; gte?: Date } = {}) => ({ status: "PENDING" as const, createdAt });
    // Now, and instants on which the bands' edges fall across weekends and across the demo's claims.
    const instants = [new Date(), new Date("2026-11-30T09:00:00Z"), new Date("2026-12-05T23:59:00Z")];
    for (const now of instants) {
      const summary = await getPendingQueueSummary(now);
      expect(summary.pending).toBe(await prisma.claim.count({ where: pendingWhere() }));
      expect(summary.overdue).toBe(
        await prisma.claim.count({ where: pendingWhere({ lt: verificationOverdueBefore(now) }) }),
      );
      const bands = await Promise.all(
        QUEUE_AGE_BANDS.map((band) =>
          prisma.claim.count({
            where: pendingWhere({
              lt: loggedBeforeForAge(now, band.from),
              ...(band.to === null ? {} : { gte: loggedBeforeForAge(now, band.to + 1) }),
            }),
          }),
        ),
      );
      expect(summary.bands.map((band) => band.count)).toEqual(bands);
      expect(summary.bands.map((band) => band.label)).toEqual(QUEUE_AGE_BANDS.map((band) => band.label));
      const oldest = await prisma.claim.findFirst({ where: pendingWhere(), orderBy: { createdAt: "asc" } });
      expect(summary.oldestLoggedAt).toEqual(oldest?.createdAt ?? null);
    }
    // The demo has pending claims, some past target, so the comparison is not between zeros.
    const today = await getPendingQueueSummary(new Date());
    expect(today.pending).toBeGreaterThan(0);
    expect(today.bands.filter((band) => band.count > 0).length).toBeGreaterThan(1);
  });
});

describe("The six-month surveys tile", () => {
  it("sums, in one statement, what Prisma's counts, mean and grouping give, for every salesperson and window", async () => {
    const people = await prisma.user.findMany({ where: { role: "SALES" }, select: { id: true } });
    const surveyed = await prisma.survey.groupBy({ by: ["salespersonId"], _count: { _all: true } });
    expect(surveyed.length).toBeGreaterThan(1);
    const now = new Date("2026-11-20T12:00:00Z");
    for (const since of [new Date("2025-11-20T12:00:00Z"), new Date("2026-06-01T00:00:00Z")]) {
      for (const { id: salespersonId } of people) {
        const answeredWhere = { salespersonId, respondedAt: { not: null }, dueAt: { gte: since } };
        const [answered, due, means, delivered] = await Promise.all([
          prisma.survey.count({ where: answeredWhere }),
          prisma.survey.count({ where: { salespersonId, dueAt: { gte: since, lte: now } } }),
          prisma.survey.aggregate({ where: answeredWhere, _avg: { csat: true } }),
          prisma.survey.groupBy({
            by: ["deliveredAsPromised"],
            where: { ...answeredWhere, deliveredAsPromised: { not: null } },
            _count: { _all: true },
          }),
        ]);
        const deliveredTotal = delivered.reduce((sum, group) => sum + group._count._all, 0);
        const yes = delivered.find((group) => group.deliveredAsPromised === "YES")?._count._all ?? 0;
        const summary = await summariseSurveysOf(salespersonId, since, now);
        expect(summary).toMatchObject({ answered, due });
        if (means._avg.csat === null) expect(summary.meanCsat).toBeNull();
        else expect(summary.meanCsat).toBeCloseTo(means._avg.csat, 12);
        if (deliveredTotal === 0) expect(summary.deliveredYesShare).toBeNull();
        else expect(summary.deliveredYesShare).toBeCloseTo(yes / deliveredTotal, 12);
      }
    }
  });
});

describe("Surveys of your deals", () => {
  it("lists, from two statements, what Prisma's relation reads list and count, for every salesperson", async () => {
    const people = await prisma.user.findMany({ where: { role: "SALES" }, select: { id: true } });
    const now = new Date("2026-11-20T12:00:00Z");
    let listed = 0;
    for (const { id: salespersonId } of people) {
      const expected = await prisma.survey.findMany({
        where: { salespersonId, dueAt: { lte: addDays(now, 60) } },
        orderBy: [{ dueAt: "desc" }, { id: "desc" }],
        take: MY_SURVEYS_LIMIT,
        select: {
          id: true,
          dueAt: true,
          sentAt: true,
          respondedAt: true,
          csat: true,
          deliveredAsPromised: true,
          nps: true,
          leastLiked: true,
          source: true,
          deal: {
            select: { externalId: true, account: { select: { name: true } }, product: { select: { name: true } } },
          },
        },
      });
      const mine = await listSurveysOfSalesperson(salespersonId, now);
      expect(mine.total).toBe(await prisma.survey.count({ where: { salespersonId } }));
      expect(mine.answered).toBe(await prisma.survey.count({ where: { salespersonId, respondedAt: { not: null } } }));
      expect(mine.surveys).toEqual(
        expected.map((row) => ({
          id: row.id,
          dueAt: row.dueAt,
          state: surveyState(row, now),
          account: row.deal.account.name,
          externalId: row.deal.externalId,
          product: row.deal.product?.name ?? null,
          csat: row.csat,
          deliveredAsPromised: row.deliveredAsPromised,
          nps: row.nps,
          leastLiked: row.leastLiked,
          source: row.source,
        })),
      );
      listed += mine.surveys.length;
    }
    expect(listed).toBeGreaterThan(MY_SURVEYS_LIMIT);
  });
});
