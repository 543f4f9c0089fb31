import { describe, expect, it } from "vitest";
import { verdictAuthorOf } from "./verdict-author.ts";

const verifiedAt = new Date("2026-11-02T10:00:00Z");
const resolvedAt = new Date("2026-11-09T15:30:00Z");

describe("who set the verdict a claim carries", () => {
  it("is the verifying engineer while nobody overturned it", () => {
    expect(verdictAuthorOf({ verifiedAt, verifiedBy: { name: "Erik Engineer" }, dispute: null })).toEqual({
      kind: "verified",
      name: "Erik Engineer",
      at: verifiedAt,
    });
  });

  it("stays the engineer while a dispute is open or after it was upheld", () => {
    for (const status of ["OPEN", "UPHELD"] as const) {
      const dispute = {
        status,
        resolvedAt: status === "UPHELD" ? resolvedAt : null,
        resolvedBy: status === "UPHELD" ? { name: "Mona Manager" } : null,
      };
      expect(verdictAuthorOf({ verifiedAt, verifiedBy: { name: "Erik Engineer" }, dispute })).toMatchObject({
        kind: "verified",
        name: "Erik Engineer",
      });
    }
  });

  it("is the manager who overturned it, naming the engineer whose verdict was replaced", () => {
    const dispute = { status: "OVERTURNED" as const, resolvedAt, resolvedBy: { name: "Mona Manager" } };
    expect(verdictAuthorOf({ verifiedAt, verifiedBy: { name: "Erik Engineer" }, dispute })).toEqual({
      kind: "overturned",
      name: "Mona Manager",
      at: resolvedAt,
      originalName: "Erik Engineer",
    });
  });
});
