import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import {
  canDecideCandidate,
  candidateEvidence,
  channelOfConversation,
  compareCandidates,
  decisionDaysLeft,
  isWaitingForManager,
  judgeFoundSentence,
} from "./candidate-rules.ts";

const maya = { id: "maya", teamId: "east" };
const now = new Date("2026-11-26T12:00:00Z");

describe("who decides a candidate claim", () => {
  it("lets the salesperson decide their own candidates and nobody else's", () => {
    expect(canDecideCandidate({ userId: "maya", scope: "own", managedTeamIds: [] }, maya)).toEqual({ allowed: true });
    expect(canDecideCandidate({ userId: "brad", scope: "own", managedTeamIds: [] }, maya).allowed).toBe(false);
  });

  it("lets a manager decide their teams' candidates only", () => {
    expect(canDecideCandidate({ userId: "priya", scope: "team", managedTeamIds: ["east"] }, maya)).toEqual({
      allowed: true,
    });
    expect(canDecideCandidate({ userId: "marcus", scope: "team", managedTeamIds: ["west"] }, maya).allowed).toBe(false);
    expect(
      canDecideCandidate({ userId: "priya", scope: "team", managedTeamIds: ["east"] }, { id: "gone", teamId: null })
        .allowed,
    ).toBe(false);
  });

  it("refuses engineers with a sentence and lets admins decide any", () => {
    const engineer = canDecideCandidate({ userId: "sam", scope: null, managedTeamIds: [] }, maya);
    expect(engineer).toEqual({
      allowed: false,
      reason: expect.stringContaining("Engineers do not confirm or dismiss"),
    });
    expect(canDecideCandidate({ userId: "alex", scope: "any", managedTeamIds: [] }, maya)).toEqual({ allowed: true });
  });
});

describe("the 7-day window", () => {
  it("counts down the salesperson's days and then hands the candidate to the manager", () => {
    expect(decisionDaysLeft(now, now)).toBe(7);
    expect(decisionDaysLeft(addDays(now, -3), now)).toBe(4);
    expect(decisionDaysLeft(addDays(now, -7), now)).toBe(0);
    expect(decisionDaysLeft(addDays(now, -30), now)).toBe(0);
    expect(isWaitingForManager(addDays(now, -7), now)).toBe(false);
    expect(isWaitingForManager(addDays(now, -7.01), now)).toBe(true);
  });
});

describe("showing and confirming candidates", () => {
  it("shows overstating candidates first, then in the order they were said", () => {
    const rows = [
      { matrixCheck: "CONSISTENT" as const, position: 1 },
      { matrixCheck: "OVERSTATES" as const, position: 9 },
      { matrixCheck: "UNDERSTATES" as const, position: 0 },
      { matrixCheck: "OVERSTATES" as const, position: 4 },
    ];
    expect([...rows].sort(compareCandidates).map((row) => row.position)).toEqual([4, 9, 0, 1]);
  });

  it("records a transcript as a call and an email thread as email", () => {
    expect(channelOfConversation("VTT")).toBe("CALL");
    expect(channelOfConversation("SRT")).toBe("CALL");
    expect(channelOfConversation("TEXT")).toBe("CALL");
    expect(channelOfConversation("EMAIL")).toBe("EMAIL");
  });

  it("keeps the neighbouring sentences and the file name as evidence", () => {
    expect(
      candidateEvidence({
        fileName: "acme-call.vtt",
        before: { speaker: "Dana", text: "Can we export to old Excel?" },
        sentence: { speaker: "Maya", text: "Yes, xls works fine." },
        after: null,
      }),
    ).toBe("Dana: Can we export to old Excel?\nMaya: Yes, xls works fine.\n(from acme-call.vtt)");
  });
});

describe("judging a sentence found about a capability", () => {
  const capability = {
    reviewCycleDays: 90,
    revisions: [
      { id: "r1", status: "PARTIAL" as const, conditions: "xlsx only", validFrom: new Date("2026-01-10T00:00:00Z") },
      { id: "r2", status: "SUPPORTED" as const, conditions: "", validFrom: new Date("2026-06-01T00:00:00Z") },
    ],
  };

  it("reads the level the words assert and checks it against the revision in force that day", () => {
    const judged = judgeFoundSentence("We DON’T support that.", capability, new Date("2026-02-01T00:00:00Z"));
    expect(judged).toEqual({
      level: "NOT_SUPPORTED",
      cues: ["we don’t"],
      revision: capability.revisions[0],
      matrixCheck: "UNDERSTATES",
    });
  });

  it("finds no matrix row before the first revision", () => {
    const judged = judgeFoundSentence("We DON’T support that.", capability, new Date("2025-12-01T00:00:00Z"));
    expect(judged.revision).toBeNull();
    expect(judged.matrixCheck).toBe("NO_MATRIX_ROW");
  });
});
