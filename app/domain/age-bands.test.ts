import { describe, expect, it } from "vitest";
import { ageBands } from "./age-bands.ts";

describe("ageBands", () => {
  it("covers every age once: consecutive bands from 0, then an open-ended one", () => {
    expect(ageBands([3, 7, 60], "days")).toEqual([
      { label: "0–3 days", from: 0, to: 3 },
      { label: "4–7 days", from: 4, to: 7 },
      { label: "8–60 days", from: 8, to: 60 },
      { label: "Over 60 days", from: 61, to: null },
    ]);
  });

  it("marks the bands that start past the target as late", () => {
    expect(ageBands([1, 3, 5], "working days", 3).map((band) => band.label)).toEqual([
      "0–1 working days",
      "2–3 working days",
      "4–5 working days (late)",
      "Over 5 working days (late)",
    ]);
  });
});
