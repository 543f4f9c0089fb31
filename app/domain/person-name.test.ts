import { describe, expect, it } from "vitest";
import { firstName } from "./person-name.ts";

describe("firstName", () => {
  it("is the first word of the name", () => {
    const names = ["Brad Kessler", "Kevin O'Brien", "  Maya   Chen ", "Zoë-Anne van der Berg"];
    expect(names.map((name) => firstName(name))).toEqual(["Brad", "Kevin", "Maya", "Zoë-Anne"]);
  });
  it("is the whole name when it has one word, and empty when it is empty", () => {
    expect(["Cher", "   "].map((name) => firstName(name))).toEqual(["Cher", ""]);
  });
});
