import { describe, expect, it } from "vitest";
import { describeClaimEvent, idsNamedBy, type ClaimHistoryEvent, type HistoryNames } from "./claim-history.ts";

const at = new Date("2026-12-03T14:05:00Z");
const capabilityId = "ccapability0000000000000a";
const productId = "cproduct00000000000000000";
const salespersonId = "csalesperson0000000000000";
const names: HistoryNames = {
  capabilities: new Map([[capabilityId, "Excel export"]]),
  products: new Map([[productId, "Ledgerline"]]),
  users: new Map([[salespersonId, "Maya Chen"]]),
};

const event = (
  action: string,
  after: unknown,
  before?: unknown,
  actorName: string | null = "Sam Keller",
): ClaimHistoryEvent => ({ id: 1, at, action, actorName, before, after });

// What must never reach the page: an enum code, an event code or an id.
const RAW =
  /\b[A-Z]+_[A-Z_]+\b|\b(?:PENDING|ACCURATE|INACCURATE|HIGH|MEDIUM|LOW|SUPPORTED|PARTIAL|OVERSTATES|UPHELD|OVERTURNED)\b|\bclaim\.[a-z]|\bc[a-z0-9]{24}\b/;
const everything = (line: { text: string; details: string[] }) => [line.text, ...line.details].join("\n");

describe("a claim's history in words", () => {
  it("says who logged the claim, what the customer was told and what the matrix said", () => {
    const line = describeClaimEvent(
      event(
        "claim.create",
        {
          salespersonId,
          loggedById: salespersonId,
          source: "SELF",
          assertedLevel: "SUPPORTED",
          matrixCheck: "OVERSTATES",
          madeAt: "2026-11-30T00:00:00.000Z",
          capabilityId,
          productId,
        },
        undefined,
        "Maya Chen",
      ),
      names,
    );
    expect(line.text).toBe("Maya Chen logged this claim.");
    expect(line.details).toEqual([
      "What the customer was told: Supported",
      "Matrix check: Overstates the matrix",
      "Made on 30 Nov 2026",
    ]);
  });

  it("names the salesperson an observer heard, and a claim confirmed from a conversation", () => {
    expect(describeClaimEvent(event("claim.create", { salespersonId, source: "OBSERVED" }), names).text).toBe(
      "Sam Keller logged this claim, heard from Maya Chen.",
    );
    expect(
      describeClaimEvent(
        event("claim.create", { salespersonId, source: "CONVERSATION" }, undefined, "Maya Chen"),
        names,
      ).text,
    ).toBe("Maya Chen confirmed this claim, found in a conversation.");
  });

  it("words a verdict with its label, severity and note", () => {
    const line = describeClaimEvent(
      event(
        "claim.verify",
        {
          status: "PARTIALLY_ACCURATE",
          severity: "MEDIUM",
          verdictNote: "xlsx only.",
          verifiedById: "cverifier0000000000000000",
          version: 2,
        },
        { status: "PENDING", severity: null, version: 1 },
      ),
      names,
    );
    expect(line.text).toBe("Sam Keller judged the claim partially accurate (medium severity).");
    expect(line.details).toEqual(["Note: “xlsx only.”"]);
  });

  it("words a dispute and both ways it is resolved", () => {
    expect(
      describeClaimEvent(
        event(
          "claim.dispute",
          { disputeId: "cdispute00000000000000000", reason: "The deal was xlsx only.", disputedStatus: "INACCURATE" },
          undefined,
          "Maya Chen",
        ),
        names,
      ),
    ).toMatchObject({
      text: "Maya Chen disputed the verdict (inaccurate).",
      details: ["Reason: “The deal was xlsx only.”"],
    });
    const overturned = describeClaimEvent(
      event(
        "claim.dispute.resolve",
        {
          dispute: "OVERTURNED",
          resolutionNote: "Mostly right.",
          resolvedById: "cmanager00000000000000000",
          status: "PARTIALLY_ACCURATE",
          severity: "MEDIUM",
        },
        { dispute: "OPEN", status: "INACCURATE", severity: "HIGH" },
        "Priya Raman",
      ),
      names,
    );
    expect(overturned.text).toBe(
      "Priya Raman overturned the verdict: the claim is now partially accurate (medium severity).",
    );
    const upheld = describeClaimEvent(
      event(
        "claim.dispute.resolve",
        { dispute: "UPHELD", resolutionNote: "It stands.", status: "INACCURATE", severity: "HIGH" },
        { dispute: "OPEN", status: "INACCURATE", severity: "HIGH" },
        "Priya Raman",
      ),
      names,
    );
    expect(upheld.text).toBe("Priya Raman upheld the verdict: it stands as inaccurate (high severity).");
  });

  it("names the capability a customer's report was mapped to, or says it has no row", () => {
    expect(
      describeClaimEvent(
        event("claim.map", { capabilityId, productId, assertedLevel: "SUPPORTED", matrixCheck: "CONSISTENT" }),
        names,
      ).text,
    ).toBe("Sam Keller mapped the customer's report to Excel export.");
    expect(
      describeClaimEvent(
        event("claim.map", { capabilityId: null, productId, assertedLevel: "ROADMAP", matrixCheck: "NO_MATRIX_ROW" }),
        names,
      ),
    ).toMatchObject({
      text: "Sam Keller mapped the customer's report to no row of Ledgerline's matrix.",
      details: ["What the customer was told: On the roadmap", "Matrix check: No matrix row"],
    });
  });

  it("words the customer's own report and the system's changes", () => {
    expect(
      describeClaimEvent(event("claim.customer-report", { statement: "They said xls works." }, undefined, null), names)
        .text,
    ).toBe("The customer reported this claim in the six-month survey.");
    expect(
      describeClaimEvent(event("claim.customer-corrected", { customerCorrectedAt: "2026-12-03T14:05:00.000Z" }), names)
        .text,
    ).toBe("Sam Keller recorded that the customer was told the truth.");
  });

  it("words an action it does not know from its label and changed fields, without ids", () => {
    const line = describeClaimEvent(
      event("claim.reassign", { salespersonId, severity: "LOW", version: 3 }, { severity: "HIGH", version: 2 }, null),
      names,
    );
    expect(line.text).toBe("Claim reassign, by Candor.");
    expect(line.details).toEqual(["Severity: High → Low"]);
  });

  it("never shows a code or an id, whatever the event", () => {
    const events = [
      event("claim.create", {
        salespersonId,
        source: "OBSERVED",
        assertedLevel: "NOT_SUPPORTED",
        matrixCheck: "MATRIX_STALE",
        capabilityId,
        productId,
      }),
      event("claim.verify", { status: "UNVERIFIABLE", severity: "LOW", verdictNote: "" }),
      event("claim.map", {
        capabilityId: "cunknowncapability0000000",
        assertedLevel: "PARTIAL",
        matrixCheck: "UNDERSTATES",
      }),
      event("claim.dispute.resolve", { dispute: "UPHELD" }, { status: "ACCURATE", severity: "LOW" }),
      event("claim.something-new", { capabilityId, dealId: "cdeal00000000000000000000", status: "PARTIALLY_ACCURATE" }),
    ];
    for (const line of events.map((item) => describeClaimEvent(item, names))) expect(everything(line)).not.toMatch(RAW);
  });

  it("collects the ids whose names the model looks up", () => {
    expect(
      idsNamedBy([
        event("claim.map", { capabilityId, productId }),
        event("claim.create", { salespersonId, capabilityId }),
      ]),
    ).toEqual({
      capabilities: [capabilityId],
      products: [productId],
      users: [salespersonId],
    });
  });
});
