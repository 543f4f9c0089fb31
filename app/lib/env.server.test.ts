import { describe, expect, it } from "vitest";
import { environmentProblems } from "./env.server.ts";

const base = { NODE_ENV: "production" as const, SESSION_SECRET: "a-session-secret-of-at-least-32-characters" };

describe("TRUST_PROXY", () => {
  it("is a number of proxy hops, 0 when unset", () => {
    for (const value of [undefined, "", "0", "1", "2"])
      expect(environmentProblems({ ...base, TRUST_PROXY: value })).toEqual([]);
  });

  it("stops start-up with a sentence naming it when it is not a number of hops", () => {
    for (const value of ["true", "yes", "-1", "1.5", "11"]) {
      expect(environmentProblems({ ...base, TRUST_PROXY: value })).toEqual([
        expect.stringMatching(/^TRUST_PROXY must be the number of reverse proxies/),
      ]);
    }
  });
});

describe("single sign-on settings", () => {
  const sso = {
    OIDC_ISSUER: "https://login.example.com/realms/sales",
    OIDC_CLIENT_ID: "candor",
    OIDC_CLIENT_SECRET: "s3cret",
  };

  it("accepts all three of issuer, client id and secret, or none", () => {
    expect(environmentProblems(base)).toEqual([]);
    expect(environmentProblems({ ...base, ...sso, OIDC_NAME: "Okta" })).toEqual([]);
    expect(environmentProblems({ ...base, ...sso, OIDC_ISSUER: "http://127.0.0.1:8080/realms/dev" })).toEqual([]);
    expect(environmentProblems({ ...base, ...sso, OIDC_ISSUER: "http://localhost:8080" })).toEqual([]);
  });

  it("names what is missing when only part of it is set", () => {
    expect(environmentProblems({ ...base, OIDC_ISSUER: sso.OIDC_ISSUER })).toEqual([
      "OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (OIDC_ISSUER is set)",
    ]);
    expect(environmentProblems({ ...base, ...sso, OIDC_CLIENT_SECRET: "" })).toEqual([
      expect.stringMatching(/^OIDC_CLIENT_SECRET must be set too/),
    ]);
  });

  it("refuses an issuer that is not an https URL, except on this machine", () => {
    expect(environmentProblems({ ...base, ...sso, OIDC_ISSUER: "http://login.example.com" })).toEqual([
      expect.stringMatching(/^OIDC_ISSUER must be an https:\/\/ URL/),
    ]);
    expect(environmentProblems({ ...base, ...sso, OIDC_ISSUER: "login.example.com" })).toEqual([
      expect.stringMatching(/^OIDC_ISSUER must be the identity provider's issuer URL/),
    ]);
    expect(environmentProblems({ ...base, ...sso, OIDC_ISSUER: "https://login.example.com/?tenant=1" })).toEqual([
      expect.stringMatching(/^OIDC_ISSUER must be the issuer URL alone/),
    ]);
  });

  it("takes PASSWORD_SIGNIN on or off, and refuses off without single sign-on", () => {
    expect(environmentProblems({ ...base, PASSWORD_SIGNIN: "on" })).toEqual([]);
    expect(environmentProblems({ ...base, ...sso, PASSWORD_SIGNIN: "OFF" })).toEqual([]);
    expect(environmentProblems({ ...base, PASSWORD_SIGNIN: "no" })).toEqual(["PASSWORD_SIGNIN must be on or off"]);
    expect(environmentProblems({ ...base, PASSWORD_SIGNIN: "off" })).toEqual([
      expect.stringMatching(/^PASSWORD_SIGNIN=off leaves no way to sign in/),
    ]);
  });
});
