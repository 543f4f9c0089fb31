import { describe, expect, it } from "vitest";
import { attemptSubmittedBy, claimAsOf, formatDay, surveyAnswerKnownAt, type ClaimRecord } from "./comp-as-of.ts";

const lock = new Date("2026-01-10T20:00:00Z");
const before = new Date("2026-01-05T10:00:00Z");
const later = new Date("2026-01-11T09:00:00Z");

const claim = (over: Partial<ClaimRecord> = {}): ClaimRecord => ({
  status: "ACCURATE",
  severity: "HIGH",
  createdAt: new Date("2025-12-20T10:00:00Z"),
  verifiedAt: before,
  dispute: null,
  ...over,
});

describe("claimAsOf", () => {
  it("keeps a verdict given by the instant and leaves out a claim logged after it", () => {
    expect(claimAsOf(claim(), lock)).toEqual({ status: "ACCURATE", severity: "HIGH", disputed: false });
    expect(claimAsOf(claim({ createdAt: later }), lock)).toBeNull();
  });

  it("reads a verdict given after the instant as still pending", () => {
    expect(claimAsOf(claim({ verifiedAt: later }), lock)).toEqual({
      status: "PENDING",
      severity: null,
      disputed: false,
    });
    expect(claimAsOf(claim({ status: "PENDING", severity: null, verifiedAt: null }), lock)).toEqual({
      status: "PENDING",
      severity: null,
      disputed: false,
    });
  });

  it("counts a verdict under an open dispute as it stands, marked disputed", () => {
    const dispute = {
      status: "OPEN" as const,
      raisedAt: before,
      resolvedAt: null,
      disputedStatus: "ACCURATE" as const,
      disputedSeverity: "HIGH" as const,
    };
    expect(claimAsOf(claim({ dispute }), lock)).toEqual({ status: "ACCURATE", severity: "HIGH", disputed: true });
    // Raised after the instant: not yet disputed then.
    expect(claimAsOf(claim({ dispute: { ...dispute, raisedAt: later } }), lock)?.disputed).toBe(false);
    // Upheld before the instant: no longer disputed.
    expect(claimAsOf(claim({ dispute: { ...dispute, status: "UPHELD", resolvedAt: before } }), lock)?.disputed).toBe(
      false,
    );
  });

  it("reads a verdict overturned after the instant as the disputed one that stood then", () => {
    const overturned = claim({
      status: "INACCURATE",
      severity: "LOW",
      dispute: {
        status: "OVERTURNED",
        raisedAt: before,
        resolvedAt: later,
        disputedStatus: "ACCURATE",
        disputedSeverity: "HIGH",
      },
    });
    expect(claimAsOf(overturned, lock)).toEqual({ status: "ACCURATE", severity: "HIGH", disputed: true });
    expect(claimAsOf(overturned, new Date("2026-02-01T00:00:00Z"))).toEqual({
      status: "INACCURATE",
      severity: "LOW",
      disputed: false,
    });
  });
});

describe("surveyAnswerKnownAt", () => {
  it("knows an answer recorded by the instant, not one answered or recorded after it", () => {
    expect(surveyAnswerKnownAt({ respondedAt: before, answerRecordedAt: before }, lock)).toBe(true);
    expect(surveyAnswerKnownAt({ respondedAt: later, answerRecordedAt: later }, lock)).toBe(false);
    // Imported after the lock with the customer's earlier date: not known at the lock.
    expect(surveyAnswerKnownAt({ respondedAt: before, answerRecordedAt: later }, lock)).toBe(false);
    expect(surveyAnswerKnownAt({ respondedAt: before, answerRecordedAt: null }, lock)).toBe(true);
    expect(surveyAnswerKnownAt({ respondedAt: null, answerRecordedAt: null }, lock)).toBe(false);
    expect(surveyAnswerKnownAt({ respondedAt: lock, answerRecordedAt: lock }, lock)).toBe(true);
  });
});

describe("attemptSubmittedBy and formatDay", () => {
  it("includes the instant itself and writes days the same for every reader", () => {
    expect(attemptSubmittedBy({ submittedAt: lock }, lock)).toBe(true);
    expect(attemptSubmittedBy({ submittedAt: later }, lock)).toBe(false);
    expect(attemptSubmittedBy({ submittedAt: null }, lock)).toBe(false);
    expect(formatDay(new Date("2026-01-11T23:59:00Z"))).toBe("11 Jan 2026");
  });
});
