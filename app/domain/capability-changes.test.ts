import { describe, expect, it } from "vitest";
import {
  changeSinceClaim,
  describeChangeSinceClaim,
  isReviewOverdue,
  latestChangeAt,
  utcDayLabel,
  utcTimeLabel,
  type DatedRevision,
} from "./capability-changes.ts";
import type { CapabilityLevel } from "./levels.ts";

const utc = (iso: string) => new Date(iso);

// SSO: on the roadmap, verified unchanged once, then shipped, then verified again.
const roadmap: DatedRevision = {
  status: "ROADMAP",
  conditions: "No committed date",
  validFrom: utc("2026-01-10T09:00:00Z"),
};
const roadmapVerified: DatedRevision = { ...roadmap, validFrom: utc("2026-02-20T09:00:00Z") };
const supported: DatedRevision = {
  status: "SUPPORTED",
  conditions: "Any SAML 2.0 IdP",
  validFrom: utc("2026-04-01T09:00:00Z"),
};
const supportedVerified: DatedRevision = { ...supported, validFrom: utc("2026-06-01T09:00:00Z") };
const history = [roadmap, roadmapVerified, supported, supportedVerified];
const now = { status: supported.status, conditions: supported.conditions };

describe("latestChangeAt", () => {
  it("is the start of the current facts, not the latest verification", () => {
    expect(latestChangeAt(history)).toEqual(supported.validFrom);
    expect(latestChangeAt([supportedVerified, roadmap, supported])).toEqual(supported.validFrom);
  });

  it("is the first revision when the facts never changed, and null without revisions", () => {
    expect(latestChangeAt([roadmap, roadmapVerified])).toEqual(roadmap.validFrom);
    expect(latestChangeAt([])).toBeNull();
  });
});

describe("changeSinceClaim", () => {
  it("reports what the row said on the day of the claim against what it says now", () => {
    expect(changeSinceClaim(history, utc("2026-03-03T12:00:00Z"), now)).toEqual({
      then: { status: "ROADMAP", conditions: "No committed date" },
      now,
    });
  });

  it("is null when nothing changed since the claim, even if the row was re-verified", () => {
    expect(changeSinceClaim(history, utc("2026-04-02T00:00:00Z"), now)).toBeNull();
  });

  it("is null when a change was reverted before now", () => {
    const reverted = [...history, { ...roadmap, validFrom: utc("2026-07-01T00:00:00Z") }];
    expect(
      changeSinceClaim(reverted, utc("2026-03-03T12:00:00Z"), { status: "ROADMAP", conditions: "No committed date" }),
    ).toBeNull();
  });

  it("treats a claim made before the row existed as changed", () => {
    expect(changeSinceClaim(history, utc("2025-12-01T00:00:00Z"), now)?.then).toBeNull();
  });

  it("sees a change of conditions alone, ignoring surrounding whitespace", () => {
    expect(
      changeSinceClaim(history, utc("2026-05-01T00:00:00Z"), { ...now, conditions: "  Any SAML 2.0 IdP " }),
    ).toBeNull();
    expect(changeSinceClaim(history, utc("2026-05-01T00:00:00Z"), { ...now, conditions: "Okta only" })).not.toBeNull();
  });
});

describe("describeChangeSinceClaim", () => {
  const madeAt = utc("2026-03-03T12:00:00Z");

  const revision = (status: CapabilityLevel, conditions = "") => ({ status, conditions });

  it.each<[string, string, ReturnType<typeof revision> | null, ReturnType<typeof revision>, string]>([
    [
      "names the old and new status",
      "SSO / SAML",
      revision("ROADMAP"),
      revision("SUPPORTED"),
      "SSO / SAML changed from On the roadmap to Supported since you said it on 3 Mar 2026.",
    ],
    [
      "quotes the new conditions when only they changed",
      "Excel export",
      revision("PARTIAL", "xlsx only"),
      revision("PARTIAL", "xlsx only; at most 1,048,576 rows."),
      "The conditions on Excel export changed since you said it on 3 Mar 2026; they are now: xlsx only; at most 1,048,576 rows.",
    ],
    [
      "says when the conditions were removed",
      "Excel export",
      revision("PARTIAL", "xlsx only"),
      revision("PARTIAL"),
      "The conditions on Excel export were removed since you said it on 3 Mar 2026.",
    ],
    [
      "says when the row did not exist yet",
      "SCIM",
      null,
      revision("PARTIAL"),
      "SCIM was added to the matrix as Partial since you said it on 3 Mar 2026.",
    ],
  ])("%s", (_name, capability, then, now, sentence) => {
    expect(describeChangeSinceClaim(capability, { then, now }, madeAt)).toBe(sentence);
  });
});

describe("dates and review", () => {
  it("formats in UTC whatever the reader's zone", () => {
    expect(utcDayLabel(utc("2026-03-03T23:59:00Z"))).toBe("3 Mar 2026");
    expect(utcTimeLabel(utc("2026-12-31T07:05:00Z"))).toBe("31 Dec 2026, 07:05 UTC");
  });

  it("is overdue only after the review date, and always when never verified", () => {
    const due = utc("2026-05-01T00:00:00Z");
    expect(isReviewOverdue(due, due)).toBe(false);
    expect(isReviewOverdue(due, utc("2026-05-01T00:00:00.001Z"))).toBe(true);
    expect(isReviewOverdue(null, due)).toBe(true);
  });
});
