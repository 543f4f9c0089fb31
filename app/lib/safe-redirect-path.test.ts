import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./request.server.ts";

// Each of these is a value a browser can be led off-site by, or that would break the
// Location header; after sign-in Candor must ignore it and go to the role's home.
const hostile: Array<[string, string]> = [
  ["a tab after the first slash", "/\t/evil.com"],
  ["a newline after the first slash", "/\n/evil.com"],
  ["a carriage return after the first slash", "/\r/evil.com"],
  ["CR/LF header injection", "/claims\r\nSet-Cookie: x=1"],
  ["a backslash after the first slash", "/\\evil.com"],
  ["a backslash later in the path", "/claims\\..\\\\evil.com"],
  ["a leading space", " //evil.com"],
  ["a leading tab", "\t/claims"],
  ["a space inside", "/ /evil.com"],
  ["a NUL character", "/\u0000/evil.com"],
  ["a DEL character", "/\u007f/evil.com"],
  ["a C1 control character", "/\u0085/evil.com"],
  ["a no-break space", "/\u00a0/evil.com"],
  ["an ideographic space", "/\u3000/evil.com"],
  ["a protocol-relative URL", "//evil.com"],
  ["a triple slash", "///evil.com"],
  ["dot segments that resolve to a protocol-relative path", "/..//evil.com"],
  ["encoded dot segments that resolve to a protocol-relative path", "/%2e%2e//evil.com"],
  ["an absolute URL", "https://evil.com/"],
  ["a scheme-relative javascript URL", "javascript:alert(1)"],
  ["a relative path", "evil.com"],
  ["a query only", "?next=//evil.com"],
  ["an empty string", ""],
  ["the sign-in page", "/login?redirectTo=/claims"],
  ["Auth.js endpoints", "/auth/signout"],
  ["the sign-out action", "/logout"],
  ["an encoded sign-in page", "/%6Cogin"],
  ["an upper-case sign-out path", "/LOGOUT"],
  ["a malformed escape", "/claims/%E0%A4%A"],
  ["an over-long path", `/${"a".repeat(2001)}`],
];

describe("safeRedirectPath keeps redirects after sign-in on Candor", () => {
  it("refuses every value that could lead a browser off-site or break the Location header", () => {
    const accepted = hostile.filter(([, value]) => safeRedirectPath(value) !== null).map(([label]) => label);
    expect(accepted).toEqual([]);
  });

  it("returns same-origin paths normalised and percent-encoded, so they are safe in a header", () => {
    expect(safeRedirectPath("/claims")).toBe("/claims");
    expect(safeRedirectPath("/claims?status=open&sort=madeAt#row-3")).toBe("/claims?status=open&sort=madeAt#row-3");
    expect(safeRedirectPath("/claims/./../deals")).toBe("/deals");
    expect(safeRedirectPath("/équipe?nom=Zoë")).toBe("/%C3%A9quipe?nom=Zo%C3%AB");
  });
});
