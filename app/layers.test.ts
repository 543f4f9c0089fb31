import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Data flows one way (docs/architecture.md, "Layers"): routes → services → models → lib, with
// the pure domain below them all. Each folder may import only the folders listed for it; a test
// file may import what it tests and more.
const ALLOWED: Record<string, readonly string[]> = {
  domain: ["domain"],
  schemas: ["schemas", "domain"],
  lib: ["lib", "domain", "schemas", "generated"],
  models: ["models", "lib", "domain", "schemas", "generated"],
  services: ["services", "models", "lib", "domain", "schemas", "generated"],
};

const APP = import.meta.dirname;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(APP, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(APP, folder, file));
}

/** The app folders (domain, lib, …) a file imports from, statically or dynamically. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((match) => match[1] ?? "");
  return specifiers.map((specifier) => {
    const target = path.relative(APP, path.resolve(path.dirname(file), specifier));
    return target.split(path.sep)[0] ?? "";
  });
}

describe("the layers of app/", () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder}/ imports only ${allowed.join(", ")}`, () => {
      const wrong = sourceFiles(folder).flatMap((file) =>
        importedFolders(file)
          .filter((target) => !allowed.includes(target))
          .map((target) => `${path.relative(APP, file)} imports ${target}/`),
      );
      expect(wrong).toEqual([]);
    });
  }
});
