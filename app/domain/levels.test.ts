import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CAPABILITY_LEVELS,
  CHANNELS,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  DELIVERED,
  MATRIX_CHECKS,
  QUESTION_TYPES,
  SEVERITIES,
  channelLabel,
  claimSourceLabel,
  claimStatusLabel,
  deliveredLabel,
  isCapabilityLevel,
  isClaimStatus,
  levelLabel,
  matrixCheckLabel,
  severityLabel,
} from "./levels.ts";

// The domain's unions must equal the Prisma enums value for value, or a row read from the
// database would not type-check against the rules (or worse, silently fall through a switch).
function prismaEnum(name: string): string[] {
  const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  const block = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (block?.[1] === undefined) throw new Error(`enum ${name} not found in schema.prisma`);
  return (
    block[1]
      .split("\n")
      // A value may carry a comment after it (ClaimSource does).
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter((line) => line !== "")
  );
}

describe("unions match the Prisma enums", () => {
  it.each([
    ["CapabilityStatus", CAPABILITY_LEVELS],
    ["ClaimStatus", CLAIM_STATUSES],
    ["Severity", SEVERITIES],
    ["MatrixCheck", MATRIX_CHECKS],
    ["Channel", CHANNELS],
    ["Delivered", DELIVERED],
    ["QuestionType", QUESTION_TYPES],
    ["ClaimSource", CLAIM_SOURCES],
  ] as const)("%s", (name, values) => {
    expect([...values]).toEqual(prismaEnum(name));
  });
});

describe("labels", () => {
  it("names capability levels as a customer would hear them", () => {
    expect(CAPABILITY_LEVELS.map(levelLabel)).toEqual(["Supported", "Partial", "Not supported", "On the roadmap"]);
  });

  it("names claim statuses, severities, channels and delivered answers", () => {
    expect(CLAIM_STATUSES.map(claimStatusLabel)).toEqual([
      "Pending",
      "Accurate",
      "Partially accurate",
      "Inaccurate",
      "Unverifiable",
    ]);
    expect(SEVERITIES.map(severityLabel)).toEqual(["Low", "Medium", "High"]);
    expect(CHANNELS.map(channelLabel)).toEqual(["Call", "Email", "Demo", "Meeting", "RFP", "Chat"]);
    expect(DELIVERED.map(deliveredLabel)).toEqual(["Yes", "Partly", "No"]);
  });

  it("names every claim source plainly", () => {
    expect(CLAIM_SOURCES.map(claimSourceLabel)).toEqual([
      "Logged by the salesperson",
      "Observed",
      "Reported by the customer",
      "Found in a conversation",
    ]);
  });

  it("gives every matrix check a distinct label", () => {
    expect(new Set(MATRIX_CHECKS.map(matrixCheckLabel)).size).toBe(MATRIX_CHECKS.length);
    expect(matrixCheckLabel("OVERSTATES")).toBe("Overstates the matrix");
  });
});

describe("type guards", () => {
  it("accept enum values and reject anything else", () => {
    expect(isCapabilityLevel("ROADMAP")).toBe(true);
    expect(isCapabilityLevel("roadmap")).toBe(false);
    expect(isCapabilityLevel(undefined)).toBe(false);
    expect(isClaimStatus("PARTIALLY_ACCURATE")).toBe(true);
    expect(isClaimStatus("toString")).toBe(false);
  });
});
