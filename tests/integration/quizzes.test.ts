import { describe, expect, it } from "vitest";
import { refusalMessage } from "../../app/domain/outcome.ts";
import { prisma } from "../../app/lib/db.server.ts";
import { CAPABILITY_LEVELS } from "../../app/domain/levels.ts";
import { ANSWER_GRACE_MS, parseSnapshot } from "../../app/domain/quiz-rules.ts";
import type { AuditContext } from "../../app/models/audit.server.ts";
import { saveAnswer, startAttempt, submitAttempt } from "../../app/models/quiz-attempts.server.ts";
import { getQuizStats } from "../../app/models/quiz-stats.server.ts";
import { listQuestionsAwaitingReview } from "../../app/models/questions.server.ts";
import { getQuizzesDueFor } from "../../app/models/quizzes.server.ts";
import { loader as quizLoader } from "../../app/routes/_app.quizzes.$quizId._index.tsx";
import {
  action as attemptAction,
  loader as attemptLoader,
} from "../../app/routes/_app.quizzes.$quizId.attempts.$attemptId.tsx";
import { action as quizAction } from "../../app/routes/_app.quizzes.$quizId._index.tsx";
import { loader as statsLoader } from "../../app/routes/_app.quizzes.$quizId.stats.tsx";
import { action as capabilityAction } from "../../app/routes/_app.capabilities.$productSlug.$capabilityKey.tsx";
import { action as bankQuestionAction } from "../../app/routes/_app.question-bank.$questionId.tsx";
import { loader as bankLoader } from "../../app/routes/_app.question-bank._index.tsx";
import { action as newQuestionAction } from "../../app/routes/_app.question-bank.new.tsx";
import { action as newQuizAction } from "../../app/routes/_app.quizzes.new.tsx";
import { capabilityEditForm, editableCapability } from "./support/capabilities.ts";
import { fieldErrorsOf, load, submit, statusOf } from "./support/requests.ts";
import { settle } from "./support/sign-in.ts";

const AUDIT: AuditContext = { actorId: null, requestId: "quizzes-test", ip: null };

const user = (email: string) =>
  prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, teamId: true } });

/** A published quiz over one product that draws every question there is, so a draw shows the whole pool. */
async function wholePoolQuiz(
  productSlug: string,
  extra: Partial<{ maxAttempts: number; timeLimitMinutes: number; passMark: number }> = {},
) {
  const product = await prisma.product.findUniqueOrThrow({ where: { slug: productSlug }, select: { id: true } });
  const author = await user("engineer@candor.test");
  return prisma.quiz.create({
    data: {
      title: `Whole pool ${productSlug} ${Math.random()}`,
      productId: product.id,
      questionCount: 500,
      includeMatrixQuestions: true,
      timeLimitMinutes: extra.timeLimitMinutes ?? 30,
      passMark: extra.passMark ?? 0.7,
      maxAttempts: extra.maxAttempts ?? 10,
      certificationDays: 180,
      published: true,
      createdById: author.id,
    },
  });
}

async function startAs(email: string, quizId: string) {
  const response = await submit(quizAction, email, `/quizzes/${quizId}`, {}, { quizId });
  if (!(response instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(response)}`);
  const location = response.headers.get("location") ?? "";
  const attemptId = location.split("/attempts/")[1] ?? "";
  expect(location).toBe(`/quizzes/${quizId}/attempts/${attemptId}`);
  return prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
}

describe("drawing questions", () => {
  it("draws only ACTIVE bank questions and fresh matrix questions, freezing them with the deadline", async () => {
    const quiz = await wholePoolQuiz("ledgerline");
    const retired = await prisma.question.findFirstOrThrow({
      where: { product: { slug: "ledgerline" }, state: "ACTIVE" },
      orderBy: { id: "desc" },
    });
    await prisma.question.update({ where: { id: retired.id }, data: { state: "RETIRED" } });
    const before = Date.now();
    const attempt = await startAs("sales@candor.test", quiz.id);
    const snapshot = parseSnapshot(attempt.snapshotJson);

    const active = await prisma.question.findMany({
      where: { product: { slug: "ledgerline" }, state: "ACTIVE" },
      select: { id: true },
    });
    const excluded = await prisma.question.findMany({
      where: { product: { slug: "ledgerline" }, state: { not: "ACTIVE" } },
      select: { id: true, state: true },
    });
    expect(excluded.map((q) => q.state)).toEqual(expect.arrayContaining(["NEEDS_REVIEW", "RETIRED"]));
    const drawnIds = new Set(snapshot.flatMap((q) => (q.questionId ? [q.questionId] : [])));
    for (const q of excluded) expect(drawnIds.has(q.id)).toBe(false);
    for (const q of active) expect(drawnIds.has(q.id)).toBe(true);
    expect(snapshot.some((q) => q.questionId === null && q.capabilityId !== null)).toBe(true);
    expect(attempt.deadline.getTime() - attempt.startedAt.getTime()).toBe(30 * 60_000);
    expect(attempt.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await prisma.auditEvent.count({ where: { action: "quiz-attempt.start", entityId: attempt.id } })).toBe(1);
  });

  it("after a capability's status changes, its questions need review, are not drawn, and the matrix question has the new answer", async () => {
    const linked = await prisma.question.findFirstOrThrow({
      where: { state: "ACTIVE", capabilityId: { not: null }, product: { slug: "relay" } },
      select: {
        id: true,
        capabilityId: true,
        capability: { select: editableCapability },
      },
    });
    const capability = linked.capability;
    if (!capability) throw new Error("expected a linked capability");
    const newStatus = CAPABILITY_LEVELS.find((level) => level !== capability.status) ?? "ROADMAP";
    const path = `/capabilities/relay/${capability.key}`;
    const response = await submit(
      capabilityAction,
      "engineer@candor.test",
      path,
      capabilityEditForm(capability, {
        status: newStatus,
        conditions: "Changed for the quiz test",
        note: "Re-tested.",
      }),
      { productSlug: "relay", capabilityKey: capability.key },
    );
    expect(response).toBeInstanceOf(Response);
    const linkedNow = await prisma.question.findMany({
      where: { capabilityId: capability.id },
      select: { id: true, state: true },
    });
    expect(linkedNow.length).toBeGreaterThan(0);
    expect(linkedNow.every((q) => q.state !== "ACTIVE")).toBe(true);
    expect(linkedNow.find((q) => q.id === linked.id)?.state).toBe("NEEDS_REVIEW");

    const quiz = await wholePoolQuiz("relay");
    const snapshot = parseSnapshot((await startAs("sales@candor.test", quiz.id)).snapshotJson);
    const linkedIds = new Set(linkedNow.map((q) => q.id));
    expect(snapshot.filter((q) => q.questionId !== null && linkedIds.has(q.questionId))).toEqual([]);
    const matrix = snapshot.find((q) => q.questionId === null && q.capabilityId === capability.id);
    expect(matrix?.correct).toEqual([CAPABILITY_LEVELS.indexOf(newStatus)]);
    expect(matrix?.explanation).toBe("Changed for the quiz test");

    // The bank lists it under "needs review"; re-approving makes it drawable again, audited.
    const bank = await load(bankLoader, "engineer@candor.test", "/question-bank?state=NEEDS_REVIEW");
    expect(bank.rows.map((row) => row.id)).toContain(linked.id);
    const approved = await submit(
      bankQuestionAction,
      "engineer@candor.test",
      `/question-bank/${linked.id}`,
      { intent: "approve" },
      { questionId: linked.id },
    );
    expect(approved).toBeInstanceOf(Response);
    expect((await prisma.question.findUniqueOrThrow({ where: { id: linked.id } })).state).toBe("ACTIVE");
    expect(await prisma.auditEvent.count({ where: { action: "question.approve", entityId: linked.id } })).toBe(1);
  });
});

describe("taking a quiz", () => {
  it("keeps each answer as it is given (a reload shows it) and never sends the answers before submission", async () => {
    const quiz = await wholePoolQuiz("fieldbook");
    const attempt = await startAs("sales@candor.test", quiz.id);
    const snapshot = parseSnapshot(attempt.snapshotJson);
    const params = { quizId: quiz.id, attemptId: attempt.id };
    const path = `/quizzes/${quiz.id}/attempts/${attempt.id}`;
    const first = snapshot[0];
    if (!first) throw new Error("no questions drawn");
    /** The taker choosing an answer to one question, saved at once. */
    const answer = (position: string, choice: string) =>
      submit(attemptAction, "sales@candor.test", path, { intent: "answer", position, choice }, params);
    const saved = await answer("0", String(first.correct[0] ?? 0));
    expect(saved).toEqual({ ok: true, message: "Saved" });

    const page = await load(attemptLoader, "sales@candor.test", path, params);
    expect(page.state).toBe("open");
    if (page.state !== "open") return;
    expect(page.questions[0]?.chosen).toEqual(first.correct.slice(0, 1));
    expect(page.questions[1]?.chosen).toEqual([]);
    const json = JSON.stringify(page);
    expect(json).not.toMatch(/"correct"|"explanation"|"credit"/);
    for (const question of snapshot)
      if (question.explanation.length > 12) expect(json).not.toContain(question.explanation);

    // An impossible answer is refused plainly; a choice out of range never reaches the database.
    const bad = await answer("0", "99");
    expect(statusOf(bad)).toBe(400);

    // Submitting without JavaScript: the form carries every answer.
    const fields: Record<string, string | string[]> = {
      intent: "submit",
      positions: snapshot.map((q) => q.position).join(","),
    };
    for (const q of snapshot) fields[`answer-${q.position}`] = q.correct.map(String);
    const submitted = await submit(attemptAction, "sales@candor.test", path, fields, params);
    expect(submitted).toBeInstanceOf(Response);
    const result = await load(attemptLoader, "sales@candor.test", path, params);
    expect(result.state).toBe("submitted");
    if (result.state !== "submitted") return;
    expect(result.score).toBe(1);
    expect(result.passed).toBe(true);
    expect(result.certifiedUntil).not.toBeNull();
    expect(result.questions[0]).toMatchObject({ correct: first.correct, explanation: first.explanation, credit: 1 });
    expect(await prisma.quizAnswer.count({ where: { attemptId: attempt.id } })).toBe(snapshot.length);
    expect(await prisma.auditEvent.count({ where: { action: "quiz-attempt.submit", entityId: attempt.id } })).toBe(1);

    // Answers can no longer change.
    const late = await answer("0", "1");
    expect(statusOf(late)).toBe(409);
  });

  it("refuses a submission after the deadline plus grace, and grades the attempt on the saved answers", async () => {
    const quiz = await wholePoolQuiz("fieldbook", { timeLimitMinutes: 10 });
    const sales = await user("sales@candor.test");
    const startedAt = new Date(Date.now() - 10 * 60_000 - ANSWER_GRACE_MS - 5_000);
    const started = await startAttempt(AUDIT, sales, quiz.id, startedAt);
    if (!started.ok) throw new Error(refusalMessage(started));
    const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.value.attemptId } });
    const snapshot = parseSnapshot(attempt.snapshotJson);
    const first = snapshot[0];
    if (!first) throw new Error("no questions drawn");
    // Saved in time: the right answer to question 1.
    const inTime = await saveAnswer(
      AUDIT,
      sales,
      { quizId: quiz.id, attemptId: attempt.id },
      0,
      first.correct,
      new Date(startedAt.getTime() + 60_000),
    );
    expect(inTime.ok).toBe(true);
    // Within the grace period an answer is still taken.
    const inGrace = await saveAnswer(
      AUDIT,
      sales,
      { quizId: quiz.id, attemptId: attempt.id },
      1,
      [0],
      new Date(attempt.deadline.getTime() + ANSWER_GRACE_MS - 1000),
    );
    expect(inGrace.ok).toBe(true);

    const path = `/quizzes/${quiz.id}/attempts/${attempt.id}`;
    const fields: Record<string, string | string[]> = {
      intent: "submit",
      positions: snapshot.map((q) => q.position).join(","),
    };
    for (const q of snapshot) fields[`answer-${q.position}`] = q.correct.map(String);
    const refused = await submit(attemptAction, "sales@candor.test", path, fields, {
      quizId: quiz.id,
      attemptId: attempt.id,
    });
    expect(statusOf(refused)).toBe(409);
    expect(JSON.stringify(refused)).toMatch(/Time ran out at .*graded on the answers saved before the deadline/);

    const graded = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    const second = snapshot[1];
    const secondCredit =
      second && second.correct.length === 1 && second.correct[0] === 0
        ? 1
        : second?.type === "MULTI" && second.correct.includes(0)
          ? 1 / second.correct.length
          : 0;
    expect(graded.submittedAt).toEqual(attempt.deadline);
    expect(graded.score).toBeCloseTo((1 + secondCredit) / snapshot.length, 10);
    expect(await prisma.auditEvent.count({ where: { action: "quiz-attempt.expire", entityId: attempt.id } })).toBe(1);
  });

  it("grades an expired open attempt when it is viewed", async () => {
    const quiz = await wholePoolQuiz("fieldbook", { timeLimitMinutes: 5 });
    const sales = await user("sales@candor.test");
    const started = await startAttempt(AUDIT, sales, quiz.id, new Date(Date.now() - 60 * 60_000));
    if (!started.ok) throw new Error(refusalMessage(started));
    const params = { quizId: quiz.id, attemptId: started.value.attemptId };
    const page = await load(
      attemptLoader,
      "sales@candor.test",
      `/quizzes/${quiz.id}/attempts/${params.attemptId}`,
      params,
    );
    expect(page).toMatchObject({ state: "submitted", score: 0, passed: false, expired: true });
  });

  it("refuses a 4th attempt on a 3-attempt quiz with a plain message", async () => {
    const quiz = await wholePoolQuiz("ledgerline", { maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      const attempt = await startAs("overpromiser@candor.test", quiz.id);
      const params = { quizId: quiz.id, attemptId: attempt.id };
      const submitted = await submit(
        attemptAction,
        "overpromiser@candor.test",
        `/quizzes/${quiz.id}/attempts/${attempt.id}`,
        {
          intent: "submit-anyway",
          positions: "",
        },
        params,
      );
      expect(submitted).toBeInstanceOf(Response);
    }
    const fourth = await submit(quizAction, "overpromiser@candor.test", `/quizzes/${quiz.id}`, {}, { quizId: quiz.id });
    expect(statusOf(fourth)).toBe(409);
    expect(JSON.stringify(fourth)).toContain("You have used all 3 attempts at this quiz for now.");
    expect(await prisma.quizAttempt.count({ where: { quizId: quiz.id } })).toBe(3);
    // An engineer's attempts are practice and not limited.
    for (let i = 0; i < 4; i++) {
      const attempt = await startAs("engineer@candor.test", quiz.id);
      await submit(
        attemptAction,
        "engineer@candor.test",
        `/quizzes/${quiz.id}/attempts/${attempt.id}`,
        {
          intent: "submit-anyway",
          positions: "",
        },
        { quizId: quiz.id, attemptId: attempt.id },
      );
    }
  });
});

describe("the review step before submitting", () => {
  it("answers a submission with blanks by keeping the answers and listing the blanks, without using up the attempt; “Submit anyway” then grades it", async () => {
    const quiz = await wholePoolQuiz("fieldbook", { maxAttempts: 1 });
    const attempt = await startAs("overpromiser@candor.test", quiz.id);
    const snapshot = parseSnapshot(attempt.snapshotJson);
    expect(snapshot.length).toBeGreaterThan(3);
    const params = { quizId: quiz.id, attemptId: attempt.id };
    const path = `/quizzes/${quiz.id}/attempts/${attempt.id}`;
    // The form as a browser without JavaScript sends it: questions 1 and 3 answered, the rest blank.
    const answered = [0, 2];
    const fields: Record<string, string | string[]> = {
      intent: "submit",
      positions: snapshot.map((q) => q.position).join(","),
    };
    for (const position of answered) fields[`answer-${position}`] = (snapshot[position]?.correct ?? []).map(String);

    const review = await submit(attemptAction, "overpromiser@candor.test", path, fields, params);
    expect(review).not.toBeInstanceOf(Response);
    const blanks = snapshot.map((q) => q.position).filter((position) => !answered.includes(position));
    expect(review).toEqual({ ok: false, message: null, unanswered: blanks });

    // Nothing was consumed: not submitted, not graded, no submit event, and the quiz still offers the one attempt to finish.
    const stored = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored).toMatchObject({ submittedAt: null, score: null, passed: null });
    expect(await prisma.auditEvent.count({ where: { action: "quiz-attempt.submit", entityId: attempt.id } })).toBe(0);
    const quizPage = await load(quizLoader, "overpromiser@candor.test", `/quizzes/${quiz.id}`, { quizId: quiz.id });
    expect(quizPage.open?.id).toBe(attempt.id);

    // The answers on the form were kept: the page shows them chosen.
    const page = await load(attemptLoader, "overpromiser@candor.test", path, params);
    expect(page.state).toBe("open");
    if (page.state !== "open") return;
    for (const position of answered) expect(page.questions[position]?.chosen).toEqual(snapshot[position]?.correct);
    for (const position of blanks) expect(page.questions[position]?.chosen).toEqual([]);

    // A second "Submit" with one more answer lists only what is still blank.
    const [firstBlank, ...stillBlank] = blanks;
    if (firstBlank === undefined) throw new Error("expected blanks");
    fields[`answer-${firstBlank}`] = ["0"];
    const again = await submit(attemptAction, "overpromiser@candor.test", path, fields, params);
    expect(again).toEqual({ ok: false, message: null, unanswered: stillBlank });

    // Confirmed: graded on what was given, blanks score nothing.
    const confirmed = await submit(
      attemptAction,
      "overpromiser@candor.test",
      path,
      { ...fields, intent: "submit-anyway" },
      params,
    );
    expect(confirmed).toBeInstanceOf(Response);
    const graded = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(graded.submittedAt).not.toBeNull();
    const credits = await prisma.quizAnswer.findMany({
      where: { attemptId: attempt.id },
      orderBy: { position: "asc" },
      select: { position: true, credit: true, chosenJson: true },
    });
    expect(credits).toHaveLength(snapshot.length);
    for (const position of stillBlank) expect(credits[position]).toMatchObject({ credit: 0, chosenJson: "[]" });
    for (const position of answered) expect(credits[position]?.credit).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "quiz-attempt.submit", entityId: attempt.id } })).toBe(1);
  });

  it("submits a fully answered attempt at once, and skips the review once the deadline has passed (within the grace period)", async () => {
    const quiz = await wholePoolQuiz("fieldbook", { timeLimitMinutes: 10 });
    const sales = await user("sales@candor.test");
    const startedAt = new Date(Date.now() - 10 * 60_000 - 5_000);
    const started = await startAttempt(AUDIT, sales, quiz.id, startedAt);
    if (!started.ok) throw new Error(refusalMessage(started));
    const ids = { quizId: quiz.id, attemptId: started.value.attemptId };
    const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: ids.attemptId } });
    // 5 s past the deadline, within the grace period: no time to answer the blanks, so it is graded.
    const late = await submitAttempt(
      AUDIT,
      sales,
      ids,
      new Map([[0, [0]]]),
      new Date(attempt.deadline.getTime() + 5_000),
    );
    expect(late).toMatchObject({ ok: true, value: { submitted: true } });

    const fresh = await wholePoolQuiz("fieldbook");
    const next = await startAttempt(AUDIT, sales, fresh.id);
    if (!next.ok) throw new Error(refusalMessage(next));
    const snapshot = parseSnapshot(
      (await prisma.quizAttempt.findUniqueOrThrow({ where: { id: next.value.attemptId } })).snapshotJson,
    );
    const all = new Map(snapshot.map((q) => [q.position, q.correct]));
    const done = await submitAttempt(AUDIT, sales, { quizId: fresh.id, attemptId: next.value.attemptId }, all);
    expect(done).toMatchObject({ ok: true, value: { submitted: true, score: 1, passed: true } });
  });
});

describe("fair draws on the demo bank", () => {
  it("never asks about one capability twice in an attempt while the pool holds questions about other capabilities", async () => {
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { title: "Ledgerline certification" } });
    expect(quiz.includeMatrixQuestions).toBe(true);
    const engineer = await user("engineer@candor.test");
    // The pool shares capabilities between the bank and the matrix: the old draw could pair them.
    const bankCapabilities = await prisma.question.findMany({
      where: { productId: quiz.productId ?? "", state: "ACTIVE", capabilityId: { not: null } },
      select: { capabilityId: true },
    });
    expect(bankCapabilities.length).toBeGreaterThan(5);
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let draw = 0; draw < 25; draw++) {
      const started = await startAttempt(AUDIT, engineer, quiz.id, new Date(), random);
      if (!started.ok) throw new Error(refusalMessage(started));
      expect(started.value.resumed).toBe(false);
      const snapshot = parseSnapshot(
        (await prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.value.attemptId } })).snapshotJson,
      );
      expect(snapshot).toHaveLength(quiz.questionCount);
      const capabilities = snapshot.flatMap((q) => (q.capabilityId ? [q.capabilityId] : []));
      expect(new Set(capabilities).size).toBe(capabilities.length);
      expect(snapshot.some((q) => q.questionId === null)).toBe(true);
      expect(snapshot.some((q) => q.questionId !== null)).toBe(true);
      const done = await submitAttempt(
        AUDIT,
        engineer,
        { quizId: quiz.id, attemptId: started.value.attemptId },
        new Map(),
        new Date(),
        { whenUnanswered: "submit" },
      );
      expect(done).toMatchObject({ ok: true, value: { submitted: true } });
    }
  });
});

describe("permissions", () => {
  it("shows an attempt only to its taker, and a submitted one to the managers of the taker's team and admins", async () => {
    const quiz = await wholePoolQuiz("fieldbook");
    const attempt = await startAs("sales@candor.test", quiz.id);
    const params = { quizId: quiz.id, attemptId: attempt.id };
    const path = `/quizzes/${quiz.id}/attempts/${attempt.id}`;
    const attemptAs = (email: string) => settle(() => load(attemptLoader, email, path, params));
    expect(statusOf(await attemptAs("overpromiser@candor.test"))).toBe(404);
    expect(statusOf(await attemptAs("manager@candor.test"))).toBe(404); // still open: not the manager's to see yet
    const answer = await settle(() =>
      submit(attemptAction, "overpromiser@candor.test", path, { intent: "answer", position: "0", choice: "0" }, params),
    );
    expect(statusOf(answer)).toBe(404);

    await submit(attemptAction, "sales@candor.test", path, { intent: "submit-anyway", positions: "" }, params);
    expect(await attemptAs("manager@candor.test")).toMatchObject({ state: "submitted", isOwn: false });
    expect(await attemptAs("admin@candor.test")).toMatchObject({ state: "submitted" });
    expect(statusOf(await attemptAs("marcus.bell@candor.test"))).toBe(404);
    expect(statusOf(await attemptAs("overpromiser@candor.test"))).toBe(404);
  });

  it("keeps statistics and authoring from salespeople (403)", async () => {
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { published: true } });
    expect(
      statusOf(
        await settle(() => load(statsLoader, "sales@candor.test", `/quizzes/${quiz.id}/stats`, { quizId: quiz.id })),
      ),
    ).toBe(403);
    expect(statusOf(await settle(() => load(bankLoader, "sales@candor.test", "/question-bank")))).toBe(403);
    expect(statusOf(await settle(() => load(bankLoader, "manager@candor.test", "/question-bank")))).toBe(403);
    const create = await settle(() => submit(newQuizAction, "sales@candor.test", "/quizzes/new", { title: "x" }));
    expect(statusOf(create)).toBe(403);
    const stats = await load(statsLoader, "manager@candor.test", `/quizzes/${quiz.id}/stats`, { quizId: quiz.id });
    expect(stats.summary.attempts).toBeGreaterThan(0);
    expect(stats.teamFigures?.length).toBeGreaterThan(0);
  });
});

describe("authoring", () => {
  it("answers bad input with field errors and stores valid questions and quizzes, audited", async () => {
    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "ledgerline" } });
    const bad = await submit(newQuestionAction, "engineer@candor.test", "/question-bank/new", {
      productId: product.id,
      type: "SINGLE",
      prompt: "Pick one",
      choices: "Yes\nNo",
      correct: "3",
      explanation: "",
    });
    const errors = fieldErrorsOf(bad);
    expect(errors.correct?.[0]).toMatch(/between 1 and 2/);
    expect(errors.explanation?.[0]).toMatch(/Explain/);

    const good = await submit(newQuestionAction, "engineer@candor.test", "/question-bank/new", {
      productId: product.id,
      type: "MULTI",
      prompt: "Which file types export?",
      choices: "xlsx\ncsv\nxls",
      correct: "1, 2",
      explanation: "xls is not supported.",
    });
    expect(good).toBeInstanceOf(Response);
    const id = ((good as Response).headers.get("location") ?? "").replace("/question-bank/", "");
    expect(await prisma.question.findUniqueOrThrow({ where: { id } })).toMatchObject({
      type: "MULTI",
      choicesJson: '["xlsx","csv","xls"]',
      correctJson: "[0,1]",
      state: "ACTIVE",
    });
    expect(await prisma.auditEvent.count({ where: { action: "question.create", entityId: id } })).toBe(1);

    const quizBad = await submit(newQuizAction, "engineer@candor.test", "/quizzes/new", {
      title: "",
      questionCount: "0",
      timeLimitMinutes: "10",
      passMarkPercent: "150",
      maxAttempts: "3",
      certificationDays: "180",
    });
    const quizErrors = fieldErrorsOf(quizBad);
    expect(Object.keys(quizErrors)).toEqual(expect.arrayContaining(["title", "questionCount", "passMarkPercent"]));
    const quizGood = await submit(newQuizAction, "engineer@candor.test", "/quizzes/new", {
      title: "Export basics",
      productId: product.id,
      questionCount: "5",
      timeLimitMinutes: "10",
      passMarkPercent: "80",
      maxAttempts: "2",
      certificationDays: "90",
      published: "on",
    });
    const quizId = ((quizGood as Response).headers.get("location") ?? "").replace("/quizzes/", "");
    expect(await prisma.quiz.findUniqueOrThrow({ where: { id: quizId } })).toMatchObject({
      passMark: 0.8,
      maxAttempts: 2,
      published: true,
      includeMatrixQuestions: false,
    });
    expect(await prisma.auditEvent.count({ where: { action: "quiz.create", entityId: quizId } })).toBe(1);
  });
});

describe("item statistics", () => {
  it("match a hand-computed dataset; practice attempts are left out", async () => {
    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "ledgerline" } });
    const engineer = await user("engineer@candor.test");
    const [salesA, salesB] = await Promise.all([user("sales@candor.test"), user("overpromiser@candor.test")]);
    const quiz = await prisma.quiz.create({
      data: {
        title: "Stats fixture",
        questionCount: 2,
        timeLimitMinutes: 10,
        passMark: 0.5,
        maxAttempts: 9,
        published: true,
        createdById: engineer.id,
      },
    });
    const q1 = await prisma.question.create({
      data: {
        productId: product.id,
        type: "SINGLE",
        prompt: "Q1",
        choicesJson: '["a","b","c"]',
        correctJson: "[0]",
        authorId: engineer.id,
      },
    });
    const q2 = await prisma.question.create({
      data: {
        productId: product.id,
        type: "MULTI",
        prompt: "Q2",
        choicesJson: '["a","b","c"]',
        correctJson: "[0,1]",
        authorId: engineer.id,
      },
    });
    // [taker, Q1 chosen, Q1 credit, Q2 chosen, Q2 credit]
    const rows: Array<[string, number[], number, number[], number]> = [
      [salesA.id, [0], 1, [0, 1], 1],
      [salesA.id, [1], 0, [0], 0.5],
      [salesB.id, [1], 0, [0, 2], 0],
      [salesB.id, [0], 1, [2], 0],
      [engineer.id, [2], 0, [2], 0], // practice: excluded
    ];
    const at = new Date("2026-01-10T10:00:00Z");
    for (const [userId, c1, x1, c2, x2] of rows) {
      const score = (x1 + x2) / 2;
      await prisma.quizAttempt.create({
        data: {
          quizId: quiz.id,
          userId,
          startedAt: at,
          deadline: at,
          submittedAt: at,
          score,
          passed: score >= 0.5,
          snapshotJson: "[]",
          answers: {
            create: [
              { position: 0, questionId: q1.id, chosenJson: JSON.stringify(c1), credit: x1 },
              { position: 1, questionId: q2.id, chosenJson: JSON.stringify(c2), credit: x2 },
            ],
          },
        },
      });
    }
    const stats = await getQuizStats(quiz.id);
    if (!stats) throw new Error("no stats");
    expect(stats.summary).toEqual({ attempts: 4, people: 2, meanScore: 0.4375, passRate: 0.5 });
    const s1 = stats.bankQuestions.find((q) => q.questionId === q1.id);
    const s2 = stats.bankQuestions.find((q) => q.questionId === q2.id);
    // Q1: x = 1,0,0,1 against rest y = 1,0.5,0,0 → cov 0.25, Σdx² 1, Σdy² 0.6875 → r = 0.25 / √0.6875.
    expect(s1).toMatchObject({ answers: 4, facility: 0.5, mostPickedWrong: { choice: "b", picks: 2, share: 0.5 } });
    expect(s1?.discrimination).toBeCloseTo(0.25 / Math.sqrt(0.6875), 10);
    // Q2 mirrors it; its wrong choice "c" was picked twice by salespeople (the engineer's third pick is practice).
    expect(s2).toMatchObject({ answers: 4, facility: 0.375, mostPickedWrong: { choice: "c", picks: 2, share: 0.5 } });
    expect(s2?.discrimination).toBeCloseTo(0.25 / Math.sqrt(0.6875), 10);
    expect(stats.failedMost).toEqual([]); // fewer than five answers each: too few to rank
    expect(stats.matrixQuestions).toEqual([]);
  });

  it("groups the seeded matrix questions by capability and links the questions failed most to their capability page", async () => {
    const quiz = await prisma.quiz.findFirstOrThrow({
      where: { includeMatrixQuestions: true, published: true },
      include: { product: true },
    });
    const stats = await getQuizStats(quiz.id);
    expect(stats?.matrixQuestions.length).toBeGreaterThan(0);
    expect(stats?.failedMost.length).toBeGreaterThan(0);
    for (const row of stats?.failedMost ?? [])
      if (row.capability) expect(row.capability.href).toMatch(/^\/capabilities\/[a-z0-9-]+\/[a-z0-9-]+$/);
  });
});

describe("home sections and the quiz page", () => {
  const SEEDED = ["Fieldbook field guide", "Ledgerline certification", "Relay integration essentials"];

  it("lists the over-promiser's required quizzes as not passed and the unattempted one; the honest salesperson's certifications with expiry", async () => {
    const over = await user("overpromiser@candor.test");
    const overDue = await getQuizzesDueFor(over.id);
    expect(overDue.due.filter((q) => SEEDED.includes(q.title)).map((q) => [q.title, q.reason])).toEqual([
      ["Ledgerline certification", "REQUIRED_NOT_PASSED"],
      ["Relay integration essentials", "REQUIRED_NOT_PASSED"],
      ["Fieldbook field guide", "NOT_ATTEMPTED"],
    ]);
    expect(overDue.certifications.filter((c) => SEEDED.includes(c.title))).toEqual([]);

    const sales = await user("sales@candor.test");
    const salesDue = await getQuizzesDueFor(sales.id);
    const certified = salesDue.certifications.filter((c) => SEEDED.includes(c.title));
    expect(certified.map((c) => c.title)).toEqual(
      expect.arrayContaining(["Ledgerline certification", "Relay integration essentials"]),
    );
    for (const c of certified) expect(c.expired).toBe(c.certifiedUntil.getTime() <= Date.now());
    for (const c of certified.filter((c) => c.title !== "Fieldbook field guide")) expect(c.expired).toBe(false);
    expect(salesDue.due.filter((q) => q.requiredForComp && SEEDED.includes(q.title))).toEqual([]);
  });

  it("shows the over-promiser no attempts left on the quiz they failed three times this round, with the day they may retry", async () => {
    const quiz = await prisma.quiz.findFirstOrThrow({ where: { title: "Ledgerline certification" } });
    const page = await load(quizLoader, "overpromiser@candor.test", `/quizzes/${quiz.id}`, { quizId: quiz.id });
    expect(page).toMatchObject({ attemptsUsed: 3, attemptsLeft: 0, practice: false, certifiedUntil: null });
    expect(page.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    const refused = await submit(
      quizAction,
      "overpromiser@candor.test",
      `/quizzes/${quiz.id}`,
      {},
      { quizId: quiz.id },
    );
    expect(statusOf(refused)).toBe(409);
  });

  it("lists the questions awaiting an engineer's review", async () => {
    const awaiting = await listQuestionsAwaitingReview();
    expect(awaiting.total).toBe(await prisma.question.count({ where: { state: "NEEDS_REVIEW" } }));
    expect(awaiting.total).toBeGreaterThan(0);
    expect(awaiting.rows.every((row) => row.state === "NEEDS_REVIEW")).toBe(true);
  });
});
