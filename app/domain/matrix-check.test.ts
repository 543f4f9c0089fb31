import { describe, expect, it } from "vitest";
import type { CapabilityLevel, MatrixCheckResult } from "./levels.ts";
import { checkClaimAgainstMatrix, describeMatrixCheck, isStaleAt, revisionInForce } from "./matrix-check.ts";

const utc = (iso: string) => new Date(iso);

// Excel export: fully supported from January; narrowed to xlsx only on 1 March.
const january = { id: "r1", status: "SUPPORTED" as const, conditions: "", validFrom: utc("2026-01-05T10:00:00Z") };
const march = {
  id: "r2",
  status: "PARTIAL" as const,
  conditions: "xlsx only; .xls is not supported",
  validFrom: utc("2026-03-01T09:00:00Z"),
};
const history = [january, march];

describe("revisionInForce", () => {
  it("returns the latest revision not after the moment", () => {
    expect(revisionInForce(history, utc("2026-02-15T12:00:00Z"))?.id).toBe("r1");
    expect(revisionInForce(history, utc("2026-06-01T00:00:00Z"))?.id).toBe("r2");
  });

  it("counts a revision from its exact validFrom instant", () => {
    expect(revisionInForce(history, utc("2026-03-01T09:00:00Z"))?.id).toBe("r2");
    expect(revisionInForce(history, utc("2026-03-01T08:59:59.999Z"))?.id).toBe("r1");
  });

  it("returns null before the first revision and for no revisions", () => {
    expect(revisionInForce(history, utc("2026-01-01T00:00:00Z"))).toBeNull();
    expect(revisionInForce([], utc("2026-01-01T00:00:00Z"))).toBeNull();
  });

  it("does not need the revisions sorted", () => {
    expect(revisionInForce([march, january], utc("2026-02-15T12:00:00Z"))?.id).toBe("r1");
    expect(revisionInForce([march, january], utc("2026-04-15T12:00:00Z"))?.id).toBe("r2");
  });

  it("prefers the later-appended of two revisions with the same validFrom", () => {
    const same = utc("2026-03-01T09:00:00Z");
    const first = { id: "a", validFrom: same };
    const second = { id: "b", validFrom: same };
    expect(revisionInForce([first, second], same)?.id).toBe("b");
  });
});

describe("isStaleAt", () => {
  const verified = { validFrom: utc("2026-01-01T00:00:00Z") };
  // 1 January + 90 days = 1 April (31 + 28 + 31 days).
  it("is fresh up to and including validFrom + the review cycle", () => {
    expect(isStaleAt(verified, utc("2026-03-15T00:00:00Z"), 90)).toBe(false);
    expect(isStaleAt(verified, utc("2026-04-01T00:00:00Z"), 90)).toBe(false);
  });

  it("is stale just after", () => {
    expect(isStaleAt(verified, utc("2026-04-01T00:00:00.001Z"), 90)).toBe(true);
    expect(isStaleAt(verified, utc("2026-04-01T00:00:00Z"), 30)).toBe(true);
  });
});

describe("checkClaimAgainstMatrix", () => {
  const fresh = (status: CapabilityLevel) => ({ status, conditions: "", validFrom: utc("2026-05-01T00:00:00Z") });
  const madeAt = utc("2026-05-20T00:00:00Z");
  const check = (asserted: CapabilityLevel, revision: ReturnType<typeof fresh> | null, reviewCycleDays = 90) =>
    checkClaimAgainstMatrix({ assertedLevel: asserted, madeAt, revision, reviewCycleDays });

  // Rows: what the customer was told; columns: what engineering says. Promise order is
  // SUPPORTED > PARTIAL > ROADMAP > NOT_SUPPORTED.
  const table: Array<[CapabilityLevel, CapabilityLevel, MatrixCheckResult]> = [
    ["SUPPORTED", "SUPPORTED", "CONSISTENT"],
    ["SUPPORTED", "PARTIAL", "OVERSTATES"],
    ["SUPPORTED", "ROADMAP", "OVERSTATES"],
    ["SUPPORTED", "NOT_SUPPORTED", "OVERSTATES"],
    ["PARTIAL", "SUPPORTED", "UNDERSTATES"],
    ["PARTIAL", "PARTIAL", "CONSISTENT"],
    ["PARTIAL", "ROADMAP", "OVERSTATES"],
    ["PARTIAL", "NOT_SUPPORTED", "OVERSTATES"],
    ["ROADMAP", "SUPPORTED", "UNDERSTATES"],
    ["ROADMAP", "PARTIAL", "UNDERSTATES"],
    ["ROADMAP", "ROADMAP", "CONSISTENT"],
    ["ROADMAP", "NOT_SUPPORTED", "OVERSTATES"],
    ["NOT_SUPPORTED", "SUPPORTED", "UNDERSTATES"],
    ["NOT_SUPPORTED", "PARTIAL", "UNDERSTATES"],
    ["NOT_SUPPORTED", "ROADMAP", "UNDERSTATES"],
    ["NOT_SUPPORTED", "NOT_SUPPORTED", "CONSISTENT"],
  ];
  it.each(table)("told %s, matrix %s → %s", (asserted, status, expected) => {
    expect(check(asserted, fresh(status))).toBe(expected);
  });

  it("reports NO_MATRIX_ROW when there is no capability or no revision yet", () => {
    expect(check("SUPPORTED", null)).toBe("NO_MATRIX_ROW");
  });

  it("reports NO_MATRIX_ROW when handed a revision written after the claim", () => {
    const later = { status: "SUPPORTED" as const, conditions: "", validFrom: utc("2026-06-01T00:00:00Z") };
    expect(check("SUPPORTED", later)).toBe("NO_MATRIX_ROW");
  });

  describe("on a row overdue for review at the claim date", () => {
    // Verified 1 January; the claim on 20 May is 139 days later, past a 90-day cycle.
    const stale = (status: CapabilityLevel) => ({ status, conditions: "", validFrom: utc("2026-01-01T00:00:00Z") });

    it.each<[string, CapabilityLevel, CapabilityLevel, number, MatrixCheckResult]>([
      ["still reports an overstatement", "SUPPORTED", "PARTIAL", 90, "OVERSTATES"],
      ["reports MATRIX_STALE for an equal claim", "PARTIAL", "PARTIAL", 90, "MATRIX_STALE"],
      ["reports MATRIX_STALE for a lower claim", "PARTIAL", "SUPPORTED", 90, "MATRIX_STALE"],
      // With a 180-day cycle the row was fresh on 20 May.
      ["judges staleness at the claim date, not later", "PARTIAL", "PARTIAL", 180, "CONSISTENT"],
    ])("%s: told %s, row %s, a %d-day cycle", (_name, asserted, status, reviewCycleDays, expected) => {
      expect(check(asserted, stale(status), reviewCycleDays)).toBe(expected);
    });
  });

  describe("judged against the revision in force on the day the claim was made", () => {
    const check = (asserted: CapabilityLevel, madeOn: Date) =>
      checkClaimAgainstMatrix({
        assertedLevel: asserted,
        madeAt: madeOn,
        revision: revisionInForce(history, madeOn),
        reviewCycleDays: 90,
      });

    it.each<[string, CapabilityLevel, string, MatrixCheckResult]>([
      [
        "a claim of full support before the narrowing was consistent",
        "SUPPORTED",
        "2026-02-20T15:00:00Z",
        "CONSISTENT",
      ],
      ["the same claim after the narrowing overstates", "SUPPORTED", "2026-03-05T15:00:00Z", "OVERSTATES"],
      ["a claim of partial support before the narrowing understated", "PARTIAL", "2026-02-20T15:00:00Z", "UNDERSTATES"],
      ["the same claim after the narrowing is consistent", "PARTIAL", "2026-03-05T15:00:00Z", "CONSISTENT"],
    ])("%s", (_name, asserted, madeOn, expected) => {
      expect(check(asserted, utc(madeOn))).toBe(expected);
    });
  });
});

describe("describeMatrixCheck", () => {
  const endsWithFullStop = { status: "SUPPORTED" as const, conditions: "Excel 2007 and later." };
  it.each<[string, MatrixCheckResult, CapabilityLevel | null, typeof march | typeof endsWithFullStop | null, string]>([
    [
      "tells a salesperson at once what engineering says",
      "OVERSTATES",
      "SUPPORTED",
      march,
      "You said Supported; engineering says Partial: xlsx only; .xls is not supported. " +
        "That promises more than the matrix; if the customer was told too much, correct it with them and record the correction.",
    ],
    [
      "leaves out the colon when there are no conditions",
      "CONSISTENT",
      "SUPPORTED",
      january,
      "You said Supported; engineering says Supported. That matches the matrix.",
    ],
    [
      "does not double a full stop the conditions already end with",
      "UNDERSTATES",
      "ROADMAP",
      endsWithFullStop,
      "You said On the roadmap; engineering says Supported: Excel 2007 and later. That promises less than the product does.",
    ],
    [
      "says a stale row will be checked by an engineer",
      "MATRIX_STALE",
      "PARTIAL",
      march,
      "You said Partial; engineering last said Partial: xlsx only; .xls is not supported. " +
        "That row was overdue for review on the day of the claim, so an engineer will verify it.",
    ],
    [
      "explains a missing row",
      "NO_MATRIX_ROW",
      "NOT_SUPPORTED",
      null,
      "You said Not supported; the capability matrix had no row for this on the day of the claim, so an engineer will verify it.",
    ],
    [
      "says a customer's report has nothing to compare until an engineer sets what the customer was told",
      "NO_MATRIX_ROW",
      null,
      null,
      "What the customer was told is not stated yet: an engineer maps the customer's words to a capability and a level, and the matrix check follows.",
    ],
  ])("%s", (_name, result, asserted, row, sentence) => {
    expect(describeMatrixCheck(result, asserted, row)).toBe(sentence);
  });
});
