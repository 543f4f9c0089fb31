import { describe, expect, it } from "vitest";
import { claimsColumns } from "./claims-columns.tsx";
import { claimsColumnsToOmit } from "./claims-column-rules.ts";

describe("claimsColumnsToOmit", () => {
  it("leaves out the salesperson and the team for a salesperson reading their own claims", () => {
    expect(claimsColumnsToOmit({ scope: "own", teamCount: 0 })).toEqual(["salesperson", "team"]);
  });

  it("leaves out only the team for a reader of a single team", () => {
    expect(claimsColumnsToOmit({ scope: "team", teamCount: 1 })).toEqual(["team"]);
    expect(claimsColumnsToOmit({ scope: "any", teamCount: 1 })).toEqual(["team"]);
  });

  it("keeps every column for a reader of several teams", () => {
    expect(claimsColumnsToOmit({ scope: "team", teamCount: 2 })).toEqual([]);
    expect(claimsColumnsToOmit({ scope: "any", teamCount: 3 })).toEqual([]);
  });

  it("names columns the claims table has", () => {
    const ids = new Set(claimsColumns.map((column) => column.id));
    for (const id of claimsColumnsToOmit({ scope: "own", teamCount: 0 })) expect(ids).toContain(id);
  });
});
