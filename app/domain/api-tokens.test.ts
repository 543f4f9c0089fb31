import { describe, expect, it } from "vitest";
import { bearerTokenOf, formatScopes, parseScopes, tokenPrefixOf, withinRateLimit } from "./api-tokens.ts";

describe("bearerTokenOf", () => {
  it("reads the token of a Bearer header, whatever the scheme's case", () => {
    expect(bearerTokenOf("Bearer cnd_abc-DEF_123")).toBe("cnd_abc-DEF_123");
    expect(bearerTokenOf("bearer cnd_abc")).toBe("cnd_abc");
  });

  it("accepts no other scheme, an empty token or a token with spaces", () => {
    expect(bearerTokenOf(null)).toBeNull();
    expect(bearerTokenOf("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerTokenOf("Bearer ")).toBeNull();
    expect(bearerTokenOf("Bearer one two")).toBeNull();
    expect(bearerTokenOf("cnd_abc")).toBeNull();
  });
});

describe("scopes", () => {
  it("are stored once each, in a fixed order, and unknown words grant nothing", () => {
    expect(formatScopes(["claims:read", "deals:write", "claims:read"])).toBe("deals:write claims:read");
    expect(parseScopes("deals:write claims:read admin:everything")).toEqual(["deals:write", "claims:read"]);
    expect(parseScopes("")).toEqual([]);
  });
});

describe("tokenPrefixOf", () => {
  it("shows the cnd_ prefix and eight characters of the secret", () => {
    expect(tokenPrefixOf("cnd_ABCDEFGHijklmnopqrstuvwxyz0123456789-_ABCDEFG")).toBe("cnd_ABCDEFGH");
  });
});

describe("withinRateLimit", () => {
  it("allows requests until the minute's count reaches the limit", () => {
    expect(withinRateLimit(0, 3)).toBe(true);
    expect(withinRateLimit(2, 3)).toBe(true);
    expect(withinRateLimit(3, 3)).toBe(false);
  });
});
