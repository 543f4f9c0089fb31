import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDirectory } from "./build-directory.ts";

const root = path.resolve("/srv/candor");

describe("buildDirectory", () => {
  it("is build/ under the project when CANDOR_BUILD_DIR is unset or blank", () => {
    expect(buildDirectory(root, undefined)).toBe(path.join(root, "build"));
    expect(buildDirectory(root, "")).toBe(path.join(root, "build"));
    expect(buildDirectory(root, "  ")).toBe(path.join(root, "build"));
  });

  it("takes a folder of its own, inside the project or elsewhere", () => {
    expect(buildDirectory(root, "tests/.tmp/build-a")).toBe(path.join(root, "tests/.tmp/build-a"));
    expect(buildDirectory(root, "/tmp/candor-start-x/build")).toBe("/tmp/candor-start-x/build");
  });

  it("refuses the project itself or a folder that holds it, which a build would empty", () => {
    for (const value of [".", "./", root, "..", "/", "/srv"])
      expect(() => buildDirectory(root, value)).toThrow(/holds the project/);
  });
});
