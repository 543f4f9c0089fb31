import { describe, expect, it } from "vitest";
import { isWellFormedSurveyToken, responseRate } from "./survey-links.ts";
import { checkSurveyResultsImport, type SurveyFacts } from "./survey-results-import.ts";

const HEADER = "Deal external ID,Responded at,CSAT,Delivered as promised,NPS,Comment";
const survey = (overrides: Partial<SurveyFacts> = {}): SurveyFacts => ({
  surveyId: "s-1",
  dueAt: new Date("2026-06-01T00:00:00Z"),
  teamId: "t-east",
  respondedAt: null,
  source: null,
  ...overrides,
});
const lookups = {
  deals: new Map<string, SurveyFacts | null>([
    ["D-1", survey()],
    ["D-2", survey({ surveyId: "s-2", source: "LINK", respondedAt: new Date() })],
    ["D-3", null],
    ["D-4", survey({ surveyId: "s-4", teamId: "t-west" })],
  ]),
  teamIds: ["t-east"],
  now: new Date("2026-11-27T00:00:00Z"),
};

describe("checkSurveyResultsImport", () => {
  it("reads a valid row, with optional items left out", () => {
    expect(checkSurveyResultsImport(`${HEADER}\nD-1,2026-11-01,4,partly,,`, lookups)).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          externalId: "D-1",
          surveyId: "s-1",
          respondedAt: new Date("2026-11-01T12:00:00Z"),
          csat: 4,
          deliveredAsPromised: "PARTLY",
          nps: null,
          leastLiked: null,
          untrueClaim: null,
        },
      ],
    });
  });

  it("reads the optional Untrue claim column: trimmed words become the customer's report, blanks none, over 2,000 characters a problem", () => {
    const header = `${HEADER},Untrue claim`;
    const check = checkSurveyResultsImport(`${header}\nD-1,2026-11-01,2,NO,,,"  They said .xls works.  "`, lookups);
    expect(check.ok && check.rows[0]?.untrueClaim).toBe("They said .xls works.");
    const blank = checkSurveyResultsImport(`${header}\nD-1,2026-11-01,2,NO,,,   `, lookups);
    expect(blank.ok && blank.rows[0]?.untrueClaim).toBeNull();
    const long = checkSurveyResultsImport(`${header}\nD-1,2026-11-01,2,NO,,,${"x".repeat(2001)}`, lookups);
    expect(long.ok ? [] : long.problems).toEqual([
      { line: 2, column: "Untrue claim", reason: "Is longer than 2000 characters." },
    ]);
  });

  it("reports unknown deals, deals without a survey, link answers, other teams and out-of-range values", () => {
    const check = checkSurveyResultsImport(
      [
        HEADER,
        "D-9,2026-11-01,4,YES,,",
        "D-3,2026-11-01,4,YES,,",
        "D-2,2026-11-01,4,YES,,",
        "D-4,2026-11-01,4,YES,,",
        "D-1,2027-01-01,0,SOMEWHAT,10.5,",
      ].join("\n"),
      lookups,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [2, "Deal external ID"],
      [3, "Deal external ID"],
      [4, "Deal external ID"],
      [5, "Deal external ID"],
      [6, "Responded at"],
      [6, "CSAT"],
      [6, "Delivered as promised"],
      [6, "NPS"],
    ]);
  });

  it("answers another team's deal exactly as a deal that does not exist", () => {
    const check = checkSurveyResultsImport(
      [HEADER, "D-4,2026-11-01,4,YES,,", "D-9,2026-11-01,4,YES,,"].join("\n"),
      lookups,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((problem) => problem.reason)).toEqual([
      'No deal has the external id "D-4".',
      'No deal has the external id "D-9".',
    ]);
  });
});

describe("survey links", () => {
  it("accepts only 43-character base64url tokens", () => {
    expect(isWellFormedSurveyToken(Buffer.alloc(32, 1).toString("base64url"))).toBe(true);
    for (const bad of ["", "abc", `${"a".repeat(42)}=`, `${"a".repeat(42)}/`, "a".repeat(44)])
      expect(isWellFormedSurveyToken(bad)).toBe(false);
  });
  it("gives no response rate before any survey came due", () => {
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(3, 4)).toBe(0.75);
  });
});
