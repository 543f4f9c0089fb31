import { describe, expect, it } from "vitest";
import { computeStatement, DEFAULT_COMP_PLAN } from "../domain/comp-formula.ts";
import {
  FROZEN_STATEMENT_VERSION,
  quizLineSchema,
  readFrozenLines,
  readFrozenStatement,
  writeFrozenStatement,
} from "./comp-statement.ts";

const figures = computeStatement({
  periodEnd: new Date("2026-09-30T23:59:59.999Z"),
  targetBonusCents: 1_000_000,
  plan: DEFAULT_COMP_PLAN,
  claims: [
    { id: "c1", status: "ACCURATE", severity: "HIGH" },
    { id: "c2", status: "INACCURATE", severity: "HIGH", disputed: true },
    { id: "c3", status: "PENDING", severity: null },
  ],
  requiredQuizzes: [{ id: "q1", title: "Basics", passMark: 0.7, certificationDays: 90 }],
  attempts: [{ id: "t1", quizId: "q1", score: 0.6, submittedAt: new Date("2026-09-01T10:00:00Z") }],
  surveys: [
    { id: "s1", csat: 4, delivered: "PARTLY" },
    { id: "s2", csat: null, delivered: null },
  ],
});

describe("a statement's stored figures", () => {
  it("are written with their version and read back exactly as computed", () => {
    const json = writeFrozenStatement(figures);
    expect(JSON.parse(json)).toMatchObject({ version: FROZEN_STATEMENT_VERSION });
    expect(readFrozenStatement(json)).toEqual(figures);
  });

  it("reads statements stored before the version field as version 1", () => {
    expect(readFrozenStatement(JSON.stringify(figures))).toEqual(figures);
  });

  it("refuses a stored statement that does not match its schema, naming the field", () => {
    const broken = { ...figures, multiplier: "0.9" };
    expect(() => readFrozenStatement(JSON.stringify(broken))).toThrow(/multiplier/);
    expect(() => readFrozenStatement(JSON.stringify({ ...figures, version: 2 }))).toThrow(/version/);
  });

  it("reads one array of a statement on its own, as SQL extracts it", () => {
    const quizzes = readFrozenLines(quizLineSchema, JSON.stringify(figures.quizzes));
    expect(quizzes).toEqual(figures.quizzes);
    expect(readFrozenLines(quizLineSchema, null)).toEqual([]);
    expect(() => readFrozenLines(quizLineSchema, JSON.stringify([{ quizId: 1 }]))).toThrow();
  });
});
