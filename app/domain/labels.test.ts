import { describe, expect, it } from "vitest";
// The generated client's enum objects are the schema's enums value for value (prisma generate
// writes them from prisma/schema.prisma), so a value added there without a label fails below.
import * as prismaEnums from "../generated/prisma/enums.ts";
import { ENUM_LABELS, enumLabel, enumOptions, labelOfCode, type EnumName } from "./labels.ts";
import { ROLE_LABEL } from "./permissions.ts";
import { dismissReasonLabel } from "./candidate-rules.ts";
import { claimStatusLabel, levelLabel } from "./levels.ts";

const generated: Array<[string, Record<string, string>]> = Object.entries(
  prismaEnums as Record<string, unknown>,
).flatMap(([name, value]) =>
  typeof value === "object" && value !== null ? [[name, value as Record<string, string>]] : [],
);

describe("every enum Candor stores has a label for every value", () => {
  it("reads the enums from the generated Prisma client", () => {
    expect(generated.map(([name]) => name)).toEqual(
      expect.arrayContaining(["Role", "ClaimStatus", "DealStatus", "PeriodStatus"]),
    );
  });

  it.each(generated)("%s", (name, values) => {
    expect(Object.keys(ENUM_LABELS), `labels.ts has no labels for the enum ${name}`).toContain(name);
    const labels: Record<string, string> = ENUM_LABELS[name as EnumName];
    expect(Object.keys(labels).sort(), `labels of ${name}`).toEqual(Object.values(values).sort());
    for (const [value, label] of Object.entries(labels)) {
      expect(label.trim(), `${name}.${value}`).not.toBe("");
      // A label is words, not the code again ("PARTIALLY_ACCURATE"); only an acronym reads as itself.
      expect(label, `${name}.${value}`).not.toContain("_");
      if (label === value) expect(["RFP"], `${name}.${value} is labelled with its code`).toContain(value);
    }
  });

  it("names no enum the schema lacks", () => {
    expect(Object.keys(ENUM_LABELS).filter((name) => !generated.some(([known]) => known === name))).toEqual([]);
  });
});

describe("one vocabulary", () => {
  it("is what the older label functions read", () => {
    expect(ROLE_LABEL.SALES).toBe(ENUM_LABELS.Role.SALES);
    expect(levelLabel("ROADMAP")).toBe("On the roadmap");
    expect(claimStatusLabel("PARTIALLY_ACCURATE")).toBe("Partially accurate");
    expect(dismissReasonLabel("CUSTOMER_SAID_IT")).toBe(ENUM_LABELS.DismissReason.CUSTOMER_SAID_IT);
  });

  it("labels a value of a named enum, and returns a value the enum does not hold as it came", () => {
    expect(enumLabel("DealStatus", "WON")).toBe("Won");
    expect(enumLabel("Delivered", "PARTLY")).toBe("Partly");
    expect(enumLabel("DealStatus", "MAYBE")).toBe("MAYBE");
    expect(enumLabel("DealStatus", "toString")).toBe("toString");
  });

  it("gives a select's options in the schema's order", () => {
    expect(enumOptions("EngineerQuestionStatus")).toEqual([
      { value: "OPEN", label: "Open" },
      { value: "ANSWERED", label: "Answered" },
    ]);
  });

  it("reads a code without its enum, a claim's verdict first where codes are shared", () => {
    expect(labelOfCode("PENDING")).toBe("Pending");
    expect(labelOfCode("OVERSTATES")).toBe("Overstates the matrix");
    expect(labelOfCode("LOCKED")).toBe("Locked");
    expect(labelOfCode("SOMETHING_ELSE")).toBeNull();
  });
});
