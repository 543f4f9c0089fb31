import { describe, expect, it } from "vitest";
import { ssoEmail, ssoFailure, ssoRefusal } from "./sso-sign-in.ts";

const active = { active: true };

describe("single sign-on", () => {
  it("lets in a verified email that belongs to an active user", () => {
    expect(ssoRefusal({ email: "Sales@Candor.test", email_verified: true }, active)).toBeNull();
    expect(ssoEmail({ email: "  Sales@Candor.test " })).toBe("sales@candor.test");
  });

  it("refuses an email the provider has not verified, even for an active user", () => {
    for (const email_verified of [false, undefined, "true", 1]) {
      expect(ssoRefusal({ email: "sales@candor.test", email_verified }, active)).toBe("unverified-email");
    }
  });

  it("takes Entra ID's verified-domain claim as a verified email", () => {
    expect(ssoRefusal({ email: "sales@candor.test", xms_edov: true }, active)).toBeNull();
    expect(ssoRefusal({ email: "sales@candor.test", xms_edov: "true" }, active)).toBe("unverified-email");
  });

  it("refuses an unknown email and a deactivated user", () => {
    expect(ssoRefusal({ email: "stranger@candor.test", email_verified: true }, null)).toBe("unknown-email");
    expect(ssoRefusal({ email: "sales@candor.test", email_verified: true }, { active: false })).toBe("deactivated");
  });

  it("refuses an answer without a usable email", () => {
    for (const email of [undefined, "", "   ", 42, `${"a".repeat(250)}@x.test`]) {
      expect(ssoRefusal({ email, email_verified: true }, active)).toBe("no-email");
    }
  });
});

describe("a failed answer from the identity provider", () => {
  it("tells the person to start again when the code was used or the sign-in went stale", () => {
    expect(
      ssoFailure({ type: "CallbackRouteError", code: "OAUTH_RESPONSE_BODY_ERROR", error: "invalid_grant" }),
    ).toMatchObject({ code: "sso_expired", reason: "code-rejected" });
    expect(ssoFailure({ type: "InvalidCheck" })).toMatchObject({ code: "sso_expired", misconfigured: false });
    expect(ssoFailure({ type: "MissingCSRF" })).toMatchObject({ code: "sso_expired", misconfigured: false });
  });

  it("rejects a token for another issuer or audience without blaming the settings", () => {
    expect(ssoFailure({ type: "CallbackRouteError", code: "OAUTH_JWT_CLAIM_COMPARISON_FAILED" })).toEqual({
      code: "sso_invalid",
      reason: "token-rejected",
      misconfigured: false,
    });
  });

  it("reports a provider that cannot be reached or refuses Candor's credentials as misconfigured", () => {
    expect(ssoFailure({ type: "CallbackRouteError", error: "invalid_client" })).toMatchObject({
      code: "sso_unavailable",
      misconfigured: true,
    });
    expect(ssoFailure({ type: "CallbackRouteError" })).toMatchObject({
      code: "sso_unavailable",
      reason: "provider-unreachable",
    });
  });

  it("passes on a refusal the person made at the provider", () => {
    expect(ssoFailure({ type: "OAuthCallbackError", error: "access_denied" })).toMatchObject({
      code: "sso_denied",
      reason: "provider-error:access_denied",
    });
  });
});
