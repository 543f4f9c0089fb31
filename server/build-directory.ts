import path from "node:path";

// Where `remix vite:build` writes and the server reads: build/ under the project, or
// CANDOR_BUILD_DIR (parallel test runs keep separate builds). A build first deletes its folder,
// so a value that would name the project itself — an empty CANDOR_BUILD_DIR resolves to it — or
// a folder holding the project is refused rather than emptied.

/** The build folder for `root`, from CANDOR_BUILD_DIR (blank counts as unset) or build/. */
export function buildDirectory(root: string, value: string | undefined = process.env.CANDOR_BUILD_DIR): string {
  const chosen = value === undefined || value.trim() === "" ? "build" : value;
  const resolved = path.resolve(root, chosen);
  const fromBuildToRoot = path.relative(resolved, path.resolve(root));
  if (fromBuildToRoot === "" || (!fromBuildToRoot.startsWith("..") && !path.isAbsolute(fromBuildToRoot))) {
    throw new Error(
      `CANDOR_BUILD_DIR="${value ?? ""}" names ${resolved}, which holds the project: a build empties its folder first. Name a folder of its own, such as build/.`,
    );
  }
  return resolved;
}
