import { describe, expect, it } from "vitest";
import { matrixQuestionsFor } from "./matrix-questions.ts";

const utc = (iso: string) => new Date(iso);

describe("matrixQuestionsFor", () => {
  const now = utc("2026-06-01T00:00:00Z");
  const capabilities = [
    // 1 April + 90 days = 30 June: fresh.
    {
      id: "excel",
      title: "Excel export",
      status: "PARTIAL" as const,
      conditions: " xlsx only; .xls is not supported ",
      verifiedAt: utc("2026-04-01T00:00:00Z"),
    },
    // 3 March + 90 days = 1 June 00:00, exactly now: still within the cycle.
    {
      id: "sso",
      title: "SAML single sign-on",
      status: "SUPPORTED" as const,
      conditions: "",
      verifiedAt: utc("2026-03-03T00:00:00Z"),
    },
    // 2 March + 90 days = 31 May: overdue, not asked.
    {
      id: "api",
      title: "a public REST API",
      status: "SUPPORTED" as const,
      conditions: "",
      verifiedAt: utc("2026-03-02T00:00:00Z"),
    },
    { id: "never", title: "offline mode", status: "NOT_SUPPORTED" as const, conditions: "", verifiedAt: null },
    {
      id: "ai",
      title: "AI summaries",
      status: "ROADMAP" as const,
      conditions: "Planned for Q4",
      verifiedAt: utc("2026-05-30T00:00:00Z"),
    },
    {
      id: "mobile",
      title: "a mobile app",
      status: "NOT_SUPPORTED" as const,
      conditions: "Use the web app",
      verifiedAt: utc("2026-05-30T00:00:00Z"),
    },
  ];
  const questions = matrixQuestionsFor("Ledgerly", capabilities, now, 90);

  it("asks only about rows verified within their review cycle", () => {
    expect(questions.map((q) => q.capabilityId)).toEqual(["excel", "sso", "ai", "mobile"]);
  });

  it("asks the customer's question with the four levels in fixed order", () => {
    expect(questions[0]).toEqual({
      capabilityId: "excel",
      type: "SINGLE",
      prompt: "A customer asks whether Ledgerly supports Excel export: what is the accurate answer?",
      choices: ["Supported", "Partial", "Not supported", "On the roadmap"],
      correct: [1],
      explanation: "xlsx only; .xls is not supported",
    });
  });

  it("marks the current status correct", () => {
    expect(questions.map((q) => q.correct)).toEqual([[1], [0], [3], [2]]);
  });

  it("says so when there are no conditions", () => {
    expect(questions[1]?.explanation).toBe("Supported: engineering lists no conditions or limitations.");
  });

  it("returns nothing for an empty matrix", () => {
    expect(matrixQuestionsFor("Ledgerly", [], now, 90)).toEqual([]);
  });
});
