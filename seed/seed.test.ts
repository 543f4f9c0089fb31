import { describe, expect, it } from "vitest";
import { checkClaimAgainstMatrix, revisionInForce } from "../app/domain/matrix-check.ts";
import { gradeQuestion } from "../app/domain/quiz-grading.ts";
import { surveyDueAt } from "../app/domain/survey-schedule.ts";
import { buildDemoDataset } from "./demo.ts";
import { HONEST_EMAIL, OVERPROMISER_EMAIL, sourceStoryProblems, storyProblems } from "./story-checks.ts";
import { toSqlite } from "./write-sqlite.ts";

// The demo data must be reproducible and must obey the product's own rules, or the pages built
// on it would show contradictions (a verdict by the person who logged the claim, a survey due
// on the wrong day, a score that is not the mean of its credits).

const TODAY = new Date("2026-11-26T00:00:00Z");
const { data, checks, sources, problems } = buildDemoDataset(TODAY, "scrypt$test");
const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

describe("demo seed", () => {
  it("is deterministic for a reference date", () => {
    const again = buildDemoDataset(TODAY, "scrypt$test");
    expect(JSON.stringify(again.data)).toBe(JSON.stringify(data));
  });

  it("tells the honest and over-promiser stories in every locked period", () => {
    expect(checks.filter((c) => c.email === "sales@candor.test")).toHaveLength(4);
    expect(storyProblems(checks)).toEqual([]);
  });

  it("has the demo accounts, lower-case and unique", () => {
    const emails = data.users.map((u) => u.email);
    for (const email of [
      "admin@candor.test",
      "manager@candor.test",
      "engineer@candor.test",
      "sales@candor.test",
      "overpromiser@candor.test",
    ]) {
      expect(emails).toContain(email);
    }
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((e) => e === e.toLowerCase())).toBe(true);
  });

  it("stores the matrix check against the revision in force when the claim was made", () => {
    const capabilities = byId(data.capabilities);
    const products = byId(data.products);
    for (const claim of data.claims) {
      const revisions = data.revisions.filter((r) => r.capabilityId === claim.capabilityId);
      const revision = claim.capabilityId === null ? null : revisionInForce(revisions, claim.madeAt);
      expect(claim.revisionId).toBe(revision?.id ?? null);
      const product = products.get(claim.productId);
      const capability = claim.capabilityId === null ? null : capabilities.get(claim.capabilityId);
      expect(capability === undefined || capability === null || capability.productId === claim.productId).toBe(true);
      // A customer's report nobody has mapped yet says nothing the matrix could check.
      const expected =
        claim.assertedLevel === null
          ? "NO_MATRIX_ROW"
          : checkClaimAgainstMatrix({
              assertedLevel: claim.assertedLevel,
              madeAt: claim.madeAt,
              revision,
              reviewCycleDays: product?.reviewCycleDays ?? 90,
            });
      expect(claim.matrixCheck).toBe(expected);
    }
  });

  it("has verdicts only from engineers who did not log the claim, after it was logged", () => {
    const users = byId(data.users);
    for (const claim of data.claims) {
      if (claim.status === "PENDING") {
        expect(claim.verifiedById).toBeNull();
        continue;
      }
      expect(claim.verifiedById).not.toBe(claim.loggedById);
      expect(users.get(claim.verifiedById ?? "")?.role).toBe("ENGINEER");
      expect((claim.verifiedAt ?? TODAY).getTime()).toBeGreaterThan(claim.createdAt.getTime());
    }
  });

  it("keeps every seeded moment before the reference date", () => {
    const moments = [
      ...data.claims.flatMap((c) => [c.madeAt, c.createdAt, c.verifiedAt, c.customerCorrectedAt]),
      ...data.attempts.map((a) => a.submittedAt),
      ...data.surveys.map((s) => s.respondedAt),
      ...data.deals.map((d) => d.closedAt),
      ...data.revisions.map((r) => r.validFrom),
    ];
    for (const moment of moments) if (moment !== null) expect(moment.getTime()).toBeLessThan(TODAY.getTime());
  });

  it("has one survey per WON deal, due six calendar months after the close", () => {
    const deals = byId(data.deals);
    expect(data.surveys).toHaveLength(data.deals.filter((d) => d.status === "WON").length);
    for (const survey of data.surveys) {
      const closedAt = deals.get(survey.dealId)?.closedAt ?? null;
      expect(closedAt).not.toBeNull();
      if (closedAt !== null) expect(survey.dueAt.toISOString()).toBe(surveyDueAt(closedAt).toISOString());
      if (survey.respondedAt !== null) expect(survey.dueAt.getTime()).toBeLessThan(TODAY.getTime());
    }
  });

  it("grades attempts from their frozen snapshot", () => {
    const quizzes = byId(data.quizzes);
    for (const attempt of data.attempts) {
      const snapshot: unknown = JSON.parse(attempt.snapshotJson);
      expect(Array.isArray(snapshot)).toBe(true);
      const answers = data.answers.filter((a) => a.attemptId === attempt.id);
      const credits = answers.map((a) => a.credit ?? 0);
      expect(attempt.score).toBeCloseTo(credits.reduce((s, c) => s + c, 0) / credits.length, 10);
      expect(attempt.passed).toBe((attempt.score ?? 0) >= (quizzes.get(attempt.quizId)?.passMark ?? 1) - 1e-9);
    }
    const sample = data.answers[0];
    const attempt = data.attempts.find((a) => a.id === sample?.attemptId);
    if (sample === undefined || attempt === undefined) throw new Error("no attempts seeded");
    const questions: { type: "SINGLE" | "MULTI" | "TRUE_FALSE"; correct: number[] }[] = JSON.parse(
      attempt.snapshotJson,
    );
    const question = questions[sample.position];
    if (question === undefined) throw new Error("answer without a question");
    expect(sample.credit).toBe(gradeQuestion(question.type, question.correct, JSON.parse(sample.chosenJson)));
  });

  it("has the volumes the brief asks for", () => {
    expect(data.claims.length).toBeGreaterThanOrEqual(1500);
    expect(data.claims.length).toBeLessThanOrEqual(2500);
    expect(data.deals.length).toBeGreaterThanOrEqual(300);
    // ~490 generated deals plus the deals of the story people's conversations (seed/content/conversations.ts).
    expect(data.deals.length).toBeLessThanOrEqual(550);
    expect(data.periods.filter((p) => p.status === "LOCKED").map((p) => p.name)).toEqual([
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
    ]);
    expect(data.periods.find((p) => p.status === "OPEN")?.name).toBe("2026-Q4");
  });

  it("sets the company's name the survey page shows", () => {
    expect(data.settings).toEqual([expect.objectContaining({ key: "companyName", value: "Brightwater Software" })]);
  });

  // Reference dates across a quarter: the answers depend on the date the demo is built for.
  const REFERENCE_DAYS = ["2026-10-06", "2026-11-17", "2026-11-26", "2026-12-03"];
  const datasets = REFERENCE_DAYS.map((day) => ({
    day,
    built: day === "2026-11-26" ? data : buildDemoDataset(new Date(`${day}T00:00:00Z`), "scrypt$test").data,
  }));

  it("has survey answers that agree with themselves: no “delivered as promised” from an unhappy customer, no “not delivered” from a happy one", () => {
    for (const { day, built } of datasets) {
      const answered = built.surveys.filter((s) => s.respondedAt !== null);
      expect(answered.length, day).toBeGreaterThan(50);
      const contradictions = answered.filter(
        (s) =>
          (s.deliveredAsPromised === "YES" && (s.csat ?? 5) <= 2) ||
          (s.deliveredAsPromised === "NO" && (s.csat ?? 1) >= 4),
      );
      expect(contradictions.map((s) => `${day}: CSAT ${s.csat}, delivered ${s.deliveredAsPromised}`)).toEqual([]);
    }
  });

  it("never has an over-promiser's customer say the product did everything he promised", () => {
    for (const { day, built } of datasets) {
      const over = built.users.find((u) => u.email === OVERPROMISER_EMAIL);
      const answers = built.surveys
        .filter((s) => s.salespersonId === over?.id && s.respondedAt !== null)
        .map((s) => s.deliveredAsPromised);
      expect(answers.length, day).toBeGreaterThan(5);
      expect(
        answers.filter((answer) => answer === "YES"),
        day,
      ).toEqual([]);
      // Mostly a plain "no", as his story says.
      expect(answers.filter((answer) => answer === "NO").length * 2, day).toBeGreaterThanOrEqual(answers.length * 0.8);
    }
  });
});

describe("claims that do not depend on the salesperson's own log", () => {
  const story = (email: string) => {
    const found = sources.find((s) => s.email === email);
    if (found === undefined) throw new Error(`${email} is not one of the demo manager's salespeople`);
    return found;
  };
  const over = story(OVERPROMISER_EMAIL);
  const honest = story(HONEST_EMAIL);

  it("tells the over-promiser's story from his conversations and his customers, not his own log", () => {
    expect(problems).toEqual([]);
    expect(sourceStoryProblems(sources)).toEqual([]);
    expect(over.claims.SELF * 3).toBeLessThan(honest.claims.SELF);
    expect(over.claims.CUSTOMER).toBeGreaterThanOrEqual(3);
    expect(over.claims.CONVERSATION).toBeGreaterThanOrEqual(5);
    const others = sources.filter((s) => s !== over);
    const coverage = (s: (typeof sources)[number]) =>
      s.coverage.won === 0 ? null : s.coverage.covered / s.coverage.won;
    for (const other of others) {
      if (coverage(other) !== null) expect(coverage(other)).toBeGreaterThan(coverage(over) ?? 1);
      if (other.accuracy !== null) expect(other.accuracy).toBeGreaterThan(over.accuracy ?? 1);
    }
    expect(coverage(honest)).toBeGreaterThanOrEqual(0.9);
  });

  it("reads the over-promiser's calls and emails in every format the importer takes", () => {
    const overId = data.users.find((u) => u.email === OVERPROMISER_EMAIL)?.id;
    const formats = data.conversations.filter((c) => c.salespersonId === overId).map((c) => c.format);
    expect(formats.filter((f) => f === "VTT").length).toBeGreaterThanOrEqual(2);
    for (const format of ["SRT", "TEXT", "EMAIL"] as const) expect(formats).toContain(format);
    expect(data.conversationSentences.length).toBeGreaterThan(300);
  });

  it("checks every candidate against the revision in force on the day of the conversation", () => {
    const conversations = byId(data.conversations);
    const sentences = byId(data.conversationSentences);
    const products = byId(data.products);
    for (const candidate of data.candidateClaims) {
      const conversation = conversations.get(candidate.conversationId);
      const sentence = sentences.get(candidate.sentenceId);
      if (conversation === undefined || sentence === undefined)
        throw new Error("candidate without its conversation or sentence");
      expect(sentence.speaker).toBe(conversation.salespersonSpeaker);
      expect(sentence.conversationId).toBe(conversation.id);
      const revision = revisionInForce(
        data.revisions.filter((r) => r.capabilityId === candidate.capabilityId),
        conversation.occurredAt,
      );
      expect(candidate.revisionId).toBe(revision?.id ?? null);
      const reviewCycleDays = products.get(candidate.productId)?.reviewCycleDays ?? 90;
      expect(candidate.matrixCheck).toBe(
        checkClaimAgainstMatrix({
          assertedLevel: candidate.assertedLevel,
          madeAt: conversation.occurredAt,
          revision,
          reviewCycleDays,
        }),
      );
      expect(candidate.status === "PENDING").toBe(candidate.decidedAt === null);
      expect(candidate.status === "DISMISSED").toBe(candidate.dismissReason !== null);
    }
  });

  it("turns each confirmed candidate into one CONVERSATION claim with the sentence's words", () => {
    const candidates = byId(data.candidateClaims);
    const sentences = byId(data.conversationSentences);
    const found = data.claims.filter((claim) => claim.source === "CONVERSATION");
    expect(found).toHaveLength(data.candidateClaims.filter((c) => c.status === "CONFIRMED").length);
    for (const claim of found) {
      const candidate = candidates.get(claim.candidateId ?? "");
      expect(candidate?.status).toBe("CONFIRMED");
      expect(claim).toMatchObject({
        capabilityId: candidate?.capabilityId,
        assertedLevel: candidate?.assertedLevel,
        matrixCheck: candidate?.matrixCheck,
        createdAt: candidate?.decidedAt,
      });
      expect(claim.statement).toBe(sentences.get(candidate?.sentenceId ?? "")?.text);
    }
    expect(found.some((claim) => claim.status === "PENDING")).toBe(true);
    expect(
      found.filter(
        (claim) =>
          claim.salespersonId === data.users.find((u) => u.email === OVERPROMISER_EMAIL)?.id &&
          (claim.status === "INACCURATE" || claim.status === "PARTIALLY_ACCURATE"),
      ).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it("records each customer's untrue-claim answer as one CUSTOMER claim on the deal's owner", () => {
    const surveys = byId(data.surveys);
    const deals = byId(data.deals);
    const reported = data.claims.filter((claim) => claim.source === "CUSTOMER");
    expect(reported).toHaveLength(data.surveys.filter((s) => s.untrueClaim !== null).length);
    for (const claim of reported) {
      const survey = surveys.get(claim.surveyId ?? "");
      expect(survey?.untrueClaim).toBe(claim.statement);
      expect(survey?.deliveredAsPromised === "NO" || survey?.deliveredAsPromised === "PARTLY").toBe(true);
      expect(claim.dealId).toBe(survey?.dealId);
      expect(claim.salespersonId).toBe(deals.get(claim.dealId ?? "")?.ownerId);
      expect(claim.madeAt).toEqual(deals.get(claim.dealId ?? "")?.closedAt);
      expect(claim.capabilityId === null).toBe(claim.assertedLevel === null);
      if (claim.assertedLevel === null) expect(claim.status).toBe("PENDING");
    }
    expect(over.unmappedCustomerClaims).toBeGreaterThanOrEqual(2);
  });
});

describe("toSqlite", () => {
  it("writes values as the Prisma better-sqlite3 adapter does", () => {
    expect(toSqlite(new Date("2026-01-02T03:04:05.006Z"))).toBe("2026-01-02T03:04:05.006+00:00");
    expect(toSqlite(true)).toBe(1);
    expect(toSqlite(false)).toBe(0);
    expect(toSqlite(null)).toBeNull();
    expect(toSqlite("PENDING")).toBe("PENDING");
  });
});
