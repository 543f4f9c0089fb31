import { describe, expect, it } from "vitest";
import { environmentProblems } from "./env.server.ts";

const base = { NODE_ENV: "production" as const, SESSION_SECRET: "a-session-secret-of-at-least-32-characters" };

describe("TRUST_PROXY", () => {
  it("is a number of proxy hops, 0 when unset", () => {
    for (const value of [undefined, "", "0", "1", "2"]) expect(environmentProblems({ ...base, TRUST_PROXY: value })).toEqual([]);
  });

  it("stops start-up with a sentence naming it when it is not a number of hops", () => {
    for (const value of ["true", "yes", "-1", "1.5", "11"]) {
      expect(environmentProblems({ ...base, TRUST_PROXY: value })).toEqual([expect.stringMatching(/^TRUST_PROXY must be the number of reverse proxies/)]);
    }
  });
});
