import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT, bodyLimitFor, isAllowedMethod, isSameOriginRequest, trustedProtocol } from "./http-policy.ts";

const OWN = "https://candor.example.com";
const post = (pathname: string, origin: string | null, fetchSite: string | null = null) =>
  isSameOriginRequest({ method: "POST", pathname, origin, fetchSite, ownOrigin: OWN });

describe("the same-origin rule for requests that change something", () => {
  it("accepts a POST from Candor's own pages", () => {
    expect(post("/claims/new", OWN, "same-origin")).toBe(true);
    expect(post("/logout", "https://CANDOR.example.com:443")).toBe(true);
  });

  it("refuses a POST from another site, whichever route it targets", () => {
    for (const route of ["/logout", "/claims.csv", "/claims/new", "/auth/callback/credentials"]) {
      expect(post(route, "https://evil.example")).toBe(false);
      expect(post(route, null, "cross-site")).toBe(false);
      expect(post(route, OWN, "same-site")).toBe(false);
    }
    // Another scheme or port is another origin.
    expect(post("/logout", "http://candor.example.com")).toBe(false);
    expect(post("/logout", "https://candor.example.com:8443")).toBe(false);
  });

  it("refuses an Origin that is not an origin at all", () => {
    for (const garbage of [
      "not a url",
      "https://candor.example.com/path",
      "javascript:alert(1)",
      "https://user@candor.example.com",
      "",
    ]) {
      expect(post("/claims/new", garbage)).toBe(false);
    }
  });

  it("accepts Origin: null only on the exact public survey route", () => {
    expect(post("/survey/AbC123_-x", "null", "same-origin")).toBe(true);
    expect(post("/survey/AbC123/../../logout", "null")).toBe(false);
    expect(post("/survey/abc/extra", "null")).toBe(false);
    expect(post("/surveys/import", "null")).toBe(false);
    expect(post("/logout", "null")).toBe(false);
    // A cross-site page cannot borrow the survey's exception.
    expect(post("/survey/abc", "null", "cross-site")).toBe(false);
  });

  it("lets scripts without browser headers through and never blocks reads", () => {
    expect(post("/auth/callback/credentials", null, null)).toBe(true);
    expect(
      isSameOriginRequest({
        method: "GET",
        pathname: "/claims",
        origin: "https://evil.example",
        fetchSite: "cross-site",
        ownOrigin: OWN,
      }),
    ).toBe(true);
  });
});

describe("request bodies and methods", () => {
  it("gives only the exact upload routes the large limit", () => {
    expect(bodyLimitFor("/deals/import")).toBeGreaterThan(5 * 1024 * 1024);
    expect(bodyLimitFor("/surveys/import/")).toBeGreaterThan(5 * 1024 * 1024);
    // Five transcripts of 2 MB each, with room for the form around them.
    expect(bodyLimitFor("/conversations/import")).toBeGreaterThan(10 * 1024 * 1024);
    expect(bodyLimitFor("/conversations/import/x")).toBe(FORM_BODY_LIMIT);
    // The JSON API's writes take 10,000 deals; its other addresses and look-alikes take forms' limit.
    expect(bodyLimitFor("/api/v1/deals")).toBe(8 * 1024 * 1024);
    expect(bodyLimitFor("/api/v1/survey-results/")).toBe(8 * 1024 * 1024);
    for (const small of ["/api/v1/claims", "/api/v1/deals/x", "/x/api/v1/deals"])
      expect(bodyLimitFor(small)).toBe(FORM_BODY_LIMIT);
    for (const small of [
      "/auth/callback/credentials",
      "/survey/abc",
      "/deals/import/x",
      "/x/deals/import",
      "/claims/new",
    ]) {
      expect(bodyLimitFor(small)).toBe(FORM_BODY_LIMIT);
    }
  });

  it("accepts GET, HEAD and POST only", () => {
    expect(["GET", "HEAD", "POST"].every(isAllowedMethod)).toBe(true);
    expect(["PUT", "PATCH", "DELETE", "TRACE", "OPTIONS", "CONNECT"].some(isAllowedMethod)).toBe(false);
  });
});

describe("trusted proxy hops", () => {
  it("ignores a client-written X-Forwarded-Proto without a trusted proxy", () => {
    expect(trustedProtocol(0, false, "https")).toBe("http");
    expect(trustedProtocol(0, true, "http")).toBe("https");
  });

  it("takes the scheme the outermost trusted proxy saw, not what the client wrote before it", () => {
    expect(trustedProtocol(1, false, "https")).toBe("https");
    expect(trustedProtocol(1, false, "https, http")).toBe("http");
    expect(trustedProtocol(2, false, "http, https, http")).toBe("https");
    expect(trustedProtocol(1, false, undefined)).toBe("http");
  });
});
