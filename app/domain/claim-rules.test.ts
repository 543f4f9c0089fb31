import { describe, expect, it } from "vitest";
import {
  OWN_CLAIM_REFUSAL,
  SECOND_DISPUTE_REFUSAL,
  canDispute,
  canLogClaimFor,
  canMarkCustomerCorrected,
  canResolveDispute,
  canVerify,
  claimDayError,
  loggedBeforeForAge,
  madeAtFromDay,
  overturnFieldErrors,
  verdictFieldErrors,
  verificationAge,
  verificationOverdueBefore,
} from "./claim-rules.ts";
import { MS_PER_DAY } from "./dates.ts";
import { MAP_BEFORE_VERDICT } from "./customer-claims.ts";

const sales = { userId: "maya", role: "SALES" as const };
const otherSales = { userId: "brad", role: "SALES" as const };
const engineer = { userId: "sam", role: "ENGINEER" as const };
const manager = { userId: "priya", role: "MANAGER" as const };
const admin = { userId: "alex", role: "ADMIN" as const };

const maya = { id: "maya", role: "SALES" as const, teamId: "east", active: true };

describe("canLogClaimFor", () => {
  it("lets a salesperson log their own claims as SELF and nobody else's", () => {
    expect(canLogClaimFor(sales, [], maya)).toEqual({ allowed: true, source: "SELF" });
    expect(canLogClaimFor(otherSales, [], maya)).toMatchObject({ allowed: false });
  });

  it("lets engineers and admins log OBSERVED claims about any salesperson", () => {
    expect(canLogClaimFor(engineer, [], maya)).toEqual({ allowed: true, source: "OBSERVED" });
    expect(canLogClaimFor(admin, [], maya)).toEqual({ allowed: true, source: "OBSERVED" });
  });

  it("lets a manager log OBSERVED claims about the teams they manage only", () => {
    expect(canLogClaimFor(manager, ["east"], maya)).toEqual({ allowed: true, source: "OBSERVED" });
    expect(canLogClaimFor(manager, ["west"], maya)).toEqual({
      allowed: false,
      reason: "You can log claims only about salespeople of the teams you manage.",
    });
  });

  it("refuses claims about someone who is not an active salesperson", () => {
    expect(canLogClaimFor(engineer, [], { ...maya, active: false })).toMatchObject({ allowed: false });
    expect(canLogClaimFor(engineer, [], { ...maya, role: "MANAGER" })).toMatchObject({ allowed: false });
  });
});

describe("claim day", () => {
  const now = new Date("2026-11-26T15:30:00Z");

  it("stores today as the moment of logging and an earlier day at noon UTC", () => {
    expect(madeAtFromDay("2026-11-26", now)).toEqual(now);
    expect(madeAtFromDay("2026-11-20", now)).toEqual(new Date("2026-11-20T12:00:00Z"));
  });

  it("refuses a future day, a day more than two years back, and days that do not exist", () => {
    expect(claimDayError("2026-11-27", now)).toBe("The date cannot be in the future.");
    expect(claimDayError("2024-11-24", now)).toBe("Claims made more than two years ago cannot be logged.");
    expect(claimDayError("2024-11-26", now)).toBeNull();
    expect(claimDayError("2026-02-30", now)).toBe("Enter the date the claim was made.");
    expect(claimDayError("26/11/2026", now)).toBe("Enter the date the claim was made.");
    expect(madeAtFromDay("2026-11-27", now)).toBeNull();
  });
});

describe("canVerify", () => {
  const pending = {
    loggedById: "maya",
    status: "PENDING" as const,
    source: "SELF" as const,
    assertedLevel: "SUPPORTED" as const,
  };

  it("lets an engineer verify a pending claim someone else logged", () => {
    expect(canVerify(engineer, pending)).toEqual({ allowed: true });
  });

  it("never lets an engineer verify a claim they logged", () => {
    expect(canVerify(engineer, { ...pending, loggedById: "sam" })).toEqual({
      allowed: false,
      reason: OWN_CLAIM_REFUSAL,
      alreadyDecided: false,
    });
  });

  it("refuses everyone but engineers, admins included", () => {
    for (const actor of [sales, manager, admin]) {
      expect(canVerify(actor, pending)).toEqual({
        allowed: false,
        reason: "Only engineers verify claims.",
        alreadyDecided: false,
      });
    }
  });

  it("reports a decided claim as already decided, so the caller can say who decided", () => {
    expect(canVerify(engineer, { ...pending, status: "INACCURATE" })).toMatchObject({
      allowed: false,
      alreadyDecided: true,
    });
  });

  it("refuses a verdict on a customer's report until an engineer has set what the customer was told", () => {
    const reported = { ...pending, source: "CUSTOMER" as const, assertedLevel: null };
    expect(canVerify(engineer, reported)).toEqual({
      allowed: false,
      reason: MAP_BEFORE_VERDICT,
      alreadyDecided: false,
    });
    expect(canVerify(engineer, { ...reported, assertedLevel: "PARTIAL" as const })).toEqual({ allowed: true });
  });
});

describe("verdictFieldErrors", () => {
  it("requires a severity unless the claim is unverifiable", () => {
    expect(verdictFieldErrors({ status: "INACCURATE", severity: null, note: "xls is not supported" })).toHaveProperty(
      "severity",
    );
    expect(verdictFieldErrors({ status: "UNVERIFIABLE", severity: null, note: "No recording" })).toEqual({});
  });

  it("requires a note for anything but ACCURATE", () => {
    expect(verdictFieldErrors({ status: "ACCURATE", severity: "LOW", note: "" })).toEqual({});
    for (const status of ["PARTIALLY_ACCURATE", "INACCURATE", "UNVERIFIABLE"] as const) {
      expect(verdictFieldErrors({ status, severity: "HIGH", note: "   " })).toHaveProperty("note");
    }
  });
});

describe("canDispute", () => {
  const decided = { salespersonId: "maya", status: "INACCURATE" as const, hasDispute: false };

  it("lets a salesperson dispute a verdict on their own claim", () => {
    expect(canDispute(sales, decided)).toEqual({ allowed: true });
    expect(canDispute(sales, { ...decided, status: "UNVERIFIABLE" })).toEqual({ allowed: true });
  });

  it("refuses a second dispute with a plain sentence", () => {
    expect(canDispute(sales, { ...decided, hasDispute: true })).toEqual({
      allowed: false,
      reason: SECOND_DISPUTE_REFUSAL,
    });
  });

  it("refuses a pending claim, someone else's claim, and anyone but salespeople", () => {
    expect(canDispute(sales, { ...decided, status: "PENDING" })).toMatchObject({ allowed: false });
    expect(canDispute(otherSales, decided)).toMatchObject({ allowed: false });
    expect(canDispute({ userId: "maya", role: "MANAGER" }, decided)).toMatchObject({ allowed: false });
  });
});

describe("canResolveDispute", () => {
  const open = { salespersonTeamId: "east", dispute: { status: "OPEN" as const } };

  it("lets a manager of the salesperson's team, or an admin, resolve an open dispute", () => {
    expect(canResolveDispute(manager, ["east"], open)).toEqual({ allowed: true });
    expect(canResolveDispute(admin, [], open)).toEqual({ allowed: true });
  });

  it("refuses managers of other teams, engineers and salespeople", () => {
    expect(canResolveDispute(manager, ["west"], open)).toMatchObject({ allowed: false });
    expect(canResolveDispute(engineer, [], open)).toMatchObject({ allowed: false });
    expect(canResolveDispute(sales, ["east"], open)).toMatchObject({ allowed: false });
  });

  it("refuses a resolved dispute or none", () => {
    expect(canResolveDispute(manager, ["east"], { ...open, dispute: { status: "UPHELD" } })).toMatchObject({
      allowed: false,
      alreadyResolved: true,
    });
    expect(canResolveDispute(manager, ["east"], { ...open, dispute: null })).toMatchObject({
      allowed: false,
      alreadyResolved: false,
    });
    expect(canResolveDispute(manager, ["west"], { ...open, dispute: { status: "UPHELD" } })).toMatchObject({
      allowed: false,
      alreadyResolved: false,
    });
  });
});

describe("overturnFieldErrors", () => {
  it("needs a new verdict that differs from the disputed one, under the verdict rules", () => {
    expect(overturnFieldErrors("INACCURATE", { status: null, severity: null, note: "" })).toHaveProperty("status");
    expect(overturnFieldErrors("INACCURATE", { status: "INACCURATE", severity: "HIGH", note: "x" })).toHaveProperty(
      "status",
    );
    expect(overturnFieldErrors("INACCURATE", { status: "PARTIALLY_ACCURATE", severity: null, note: "" })).toEqual({
      severity: expect.any(String),
      note: expect.any(String),
    });
    expect(
      overturnFieldErrors("INACCURATE", { status: "PARTIALLY_ACCURATE", severity: "MEDIUM", note: "xlsx works" }),
    ).toEqual({});
  });
});

describe("canMarkCustomerCorrected", () => {
  const overstated = {
    salespersonId: "maya",
    loggedById: "maya",
    matrixCheck: "OVERSTATES" as const,
    status: "PENDING" as const,
    customerCorrectedAt: null,
  };

  it("lets the salesperson record a correction once for an overstated or inaccurate claim", () => {
    expect(canMarkCustomerCorrected(sales, overstated)).toEqual({ allowed: true });
    expect(canMarkCustomerCorrected(sales, { ...overstated, matrixCheck: "CONSISTENT", status: "INACCURATE" })).toEqual(
      { allowed: true },
    );
    expect(canMarkCustomerCorrected(sales, { ...overstated, customerCorrectedAt: new Date() })).toMatchObject({
      allowed: false,
    });
    expect(canMarkCustomerCorrected(sales, { ...overstated, matrixCheck: "CONSISTENT" })).toMatchObject({
      allowed: false,
    });
  });

  it("lets whoever logged an observed claim record it too, and nobody else", () => {
    expect(canMarkCustomerCorrected(engineer, { ...overstated, loggedById: "sam" })).toEqual({ allowed: true });
    expect(canMarkCustomerCorrected(otherSales, overstated)).toMatchObject({ allowed: false });
  });
});

describe("verificationAge", () => {
  // Monday 2026-11-23.
  const monday = new Date("2026-11-23T09:00:00Z");

  it("is within target for under 3 working days, due on the third, overdue after", () => {
    expect(verificationAge(monday, new Date("2026-11-25T17:00:00Z"))).toEqual({ workingDays: 2, state: "within" });
    expect(verificationAge(monday, new Date("2026-11-26T08:00:00Z"))).toEqual({ workingDays: 3, state: "due-today" });
    expect(verificationAge(monday, new Date("2026-11-27T08:00:00Z"))).toEqual({ workingDays: 4, state: "overdue" });
  });

  it("does not count the weekend", () => {
    const friday = new Date("2026-11-20T16:00:00Z");
    expect(verificationAge(friday, new Date("2026-11-23T10:00:00Z"))).toEqual({ workingDays: 1, state: "within" });
  });
});

describe("loggedBeforeForAge", () => {
  // Every hour of four weeks of logging times, against every "now" in a fortnight: the cutoff
  // separates the claims exactly as verificationAge ages them.
  const start = Date.UTC(2026, 10, 2); // Monday 2 November 2026
  const nows = Array.from({ length: 14 }, (_, i) => new Date(start + (21 + i) * MS_PER_DAY + 15 * 3_600_000));
  const loggedTimes = Array.from({ length: 28 * 24 }, (_, i) => new Date(start + i * 3_600_000));

  it.each([0, 1, 3, 4, 6, 11])("agrees with verificationAge for %i working days", (n) => {
    for (const now of nows) {
      const cutoff = loggedBeforeForAge(now, n);
      for (const loggedAt of loggedTimes.filter((t) => t <= now)) {
        expect(loggedAt < cutoff, `${loggedAt.toISOString()} at ${now.toISOString()}`).toBe(
          verificationAge(loggedAt, now).workingDays >= n,
        );
      }
    }
  });

  it("puts the overdue line after the 3-working-day target", () => {
    const thursday = new Date("2026-11-26T10:00:00Z");
    // Logged on Friday the 20th or that weekend: Mon, Tue, Wed, Thu = 4 working days, overdue;
    // logged on Monday the 23rd: 3, due today.
    expect(verificationOverdueBefore(thursday).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("refuses a negative age", () => {
    expect(() => loggedBeforeForAge(new Date(), -1)).toThrow(RangeError);
  });
});
