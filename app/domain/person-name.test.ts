import { describe, expect, it } from "vitest";
import { firstName } from "./person-name.ts";

describe("firstName", () => {
  it("is the first word of the name", () => {
    expect(firstName("Brad Kessler")).toBe("Brad");
    expect(firstName("Kevin O'Brien")).toBe("Kevin");
    expect(firstName("  Maya   Chen ")).toBe("Maya");
    expect(firstName("Zoë-Anne van der Berg")).toBe("Zoë-Anne");
  });
  it("is the whole name when it has one word, and empty when it is empty", () => {
    expect(firstName("Cher")).toBe("Cher");
    expect(firstName("   ")).toBe("");
  });
});
