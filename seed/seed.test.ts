import { describe, expect, it } from "vitest";
import { checkClaimAgainstMatrix, revisionInForce } from "../app/domain/matrix-check.ts";
import { gradeQuestion } from "../app/domain/quiz-grading.ts";
import { surveyDueAt } from "../app/domain/survey-schedule.ts";
import { buildDemoDataset } from "./demo.ts";
import { storyProblems } from "./story-checks.ts";
import { toSqlite } from "./write-sqlite.ts";

// The demo data must be reproducible and must obey the product's own rules, or the pages built
// on it would show contradictions (a verdict by the person who logged the claim, a survey due
// on the wrong day, a score that is not the mean of its credits).

const TODAY = new Date("2026-11-26T00:00:00Z");
const { data, checks } = buildDemoDataset(TODAY, "scrypt$test");
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
    for (const email of ["admin@candor.test", "manager@candor.test", "engineer@candor.test", "sales@candor.test", "overpromiser@candor.test"]) {
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
      const expected = checkClaimAgainstMatrix({ assertedLevel: claim.assertedLevel, madeAt: claim.madeAt, revision, reviewCycleDays: product?.reviewCycleDays ?? 90 });
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
    const questions: { type: "SINGLE" | "MULTI" | "TRUE_FALSE"; correct: number[] }[] = JSON.parse(attempt.snapshotJson);
    const question = questions[sample.position];
    if (question === undefined) throw new Error("answer without a question");
    expect(sample.credit).toBe(gradeQuestion(question.type, question.correct, JSON.parse(sample.chosenJson)));
  });

  it("has the volumes the brief asks for", () => {
    expect(data.claims.length).toBeGreaterThanOrEqual(1500);
    expect(data.claims.length).toBeLessThanOrEqual(2500);
    expect(data.deals.length).toBeGreaterThanOrEqual(300);
    expect(data.deals.length).toBeLessThanOrEqual(500);
    expect(data.periods.filter((p) => p.status === "LOCKED").map((p) => p.name)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(data.periods.find((p) => p.status === "OPEN")?.name).toBe("2026-Q4");
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
