import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  auditActionLabel,
  auditEntityLabel,
  auditFieldLabel,
  auditValueText,
  describeAuditChanges,
  hasAuditActionLabel,
  wordsOf,
} from "./audit-vocabulary.ts";

// Every action code the app records, read from the code that records it, so a new action without
// a label fails here (the page would still show words made from the code, but plainer ones).
function recordedActions(): string[] {
  const found = new Set<string>();
  for (const folder of ["../models", "../lib"]) {
    const dir = new URL(`${folder}/`, import.meta.url);
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".server.ts"))) {
      for (const line of readFileSync(new URL(file, dir), "utf8").split("\n")) {
        if (!/action/i.test(line)) continue;
        for (const match of line.matchAll(/"([a-z][a-z-]*(?:\.[a-z][a-z-]*)+)"/g)) if (match[1]) found.add(match[1]);
      }
    }
  }
  return [...found].sort();
}

describe("audit actions", () => {
  it("finds the actions the models record", () => {
    expect(recordedActions()).toEqual(
      expect.arrayContaining([
        "claim.verify",
        "comp.lock",
        "auth.signin.success",
        "quiz-attempt.expire",
        "api.request",
      ]),
    );
  });

  it.each(recordedActions())("%s has a label", (action) => {
    expect(hasAuditActionLabel(action)).toBe(true);
    expect(auditActionLabel(action)).not.toMatch(/\./);
  });

  it("words an action nobody labelled yet from its code", () => {
    expect(auditActionLabel("claim.verify")).toBe("Verdict recorded");
    expect(auditActionLabel("inbox.mark-all-read")).toBe("Inbox mark all read");
    expect(wordsOf("quizAttempt")).toBe("Quiz attempt");
  });

  it("names entity kinds and fields in words", () => {
    expect(auditEntityLabel("CompPeriod")).toBe("Compensation period");
    expect(auditEntityLabel("NotificationDigest")).toBe("Notification digest");
    expect(auditFieldLabel("assertedLevel")).toBe("What the customer was told");
    expect(auditFieldLabel("verifiedAt")).toBe("Verified at");
    expect(auditFieldLabel("capabilityId")).toBe("Capability");
  });
});

describe("audit values in words", () => {
  it("reads a status by the entity it belongs to", () => {
    expect(auditValueText("Claim", "status", "PARTIALLY_ACCURATE")).toBe("Partially accurate");
    expect(auditValueText("CompPeriod", "status", "LOCKED")).toBe("Locked");
    expect(auditValueText("Capability", "status", "NOT_SUPPORTED")).toBe("Not supported");
    expect(auditValueText("Survey", "source", "IMPORT")).toBe("Imported");
    expect(auditValueText("Claim", "source", "CUSTOMER")).toBe("Reported by the customer");
  });

  it("reads dates, flags, money, lists and nothing as a person would", () => {
    expect(auditValueText("ApiToken", "revokedAt", "2026-12-03T14:05:00.000Z")).toBe("3 Dec 2026, 14:05 UTC");
    expect(auditValueText("User", "active", false)).toBe("No");
    expect(auditValueText("User", "targetBonusCents", 2_500_000)).toBe("$25,000.00");
    expect(auditValueText("ApiToken", "scopes", ["deals:write", "claims:read"])).toBe("deals:write, claims:read");
    expect(auditValueText("Claim", "severity", null)).toBe("—");
    expect(auditValueText("Claim", "verdictNote", "True for xlsx only.")).toBe("True for xlsx only.");
  });

  it("lists the fields that changed, in words, without bookkeeping", () => {
    const changes = describeAuditChanges(
      "Claim",
      { status: "PENDING", severity: null, verdictNote: null, version: 1 },
      {
        status: "INACCURATE",
        severity: "HIGH",
        verdictNote: "Not for .xls.",
        version: 2,
        verifiedAt: "2026-12-03T09:30:00.000Z",
      },
    );
    expect(changes).toEqual([
      { key: "status", field: "Status", before: "Pending", after: "Inaccurate" },
      { key: "severity", field: "Severity", before: "—", after: "High" },
      { key: "verdictNote", field: "Verdict note", before: "—", after: "Not for .xls." },
      { key: "verifiedAt", field: "Verified at", before: "—", after: "3 Dec 2026, 09:30 UTC" },
    ]);
    expect(
      describeAuditChanges("User", undefined, { sessionId: "cmx7witdo0000dq7dddjp1q93", method: "password" }),
    ).toEqual([{ key: "method", field: "Method", before: "—", after: "password" }]);
    expect(describeAuditChanges("User", { name: "A" }, { name: "A" })).toEqual([]);
  });
});
