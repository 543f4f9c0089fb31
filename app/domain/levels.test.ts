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
  /** The labels of every value, in order, read when the test runs. */
  const labelsOf =
    <V extends string>(values: readonly V[], label: (value: V) => string) =>
    () =>
      values.map(label);

  it.each<[string, () => string[], string[]]>([
    [
      "capability levels, as a customer would hear them",
      labelsOf(CAPABILITY_LEVELS, levelLabel),
      ["Supported", "Partial", "Not supported", "On the roadmap"],
    ],
    [
      "claim statuses",
      labelsOf(CLAIM_STATUSES, claimStatusLabel),
      ["Pending", "Accurate", "Partially accurate", "Inaccurate", "Unverifiable"],
    ],
    ["severities", labelsOf(SEVERITIES, severityLabel), ["Low", "Medium", "High"]],
    ["channels", labelsOf(CHANNELS, channelLabel), ["Call", "Email", "Demo", "Meeting", "RFP", "Chat"]],
    ["delivered answers", labelsOf(DELIVERED, deliveredLabel), ["Yes", "Partly", "No"]],
    [
      "every claim source, plainly",
      labelsOf(CLAIM_SOURCES, claimSourceLabel),
      ["Logged by the salesperson", "Observed", "Reported by the customer", "Found in a conversation"],
    ],
  ])("names %s", (_name, labels, expected) => {
    expect(labels()).toEqual(expected);
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
