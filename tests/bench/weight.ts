// `npm run bench:weight` (also printed by `npm run bench`): the JavaScript each page makes the
// browser download, gzip-compressed, from the build's Remix manifest. A page's weight is every
// chunk of its document load: the client entry and its imports, then each route from root down
// to the page, its module and that module's imports, each chunk counted once. Pages that draw no
// chart are flagged above LIMIT_KB; recharts must reach only the pages with a chart on screen,
// and for any other page the import chain that pulls it in is named (from the sources).
//
//   npm run bench:weight                      # the build in build/ (CANDOR_BUILD_DIR)
//   npm run bench:weight -- --build /tmp/b    # another build
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildDirectory } from "../../server/build-directory.ts";
import { fixed, textTable } from "./report.ts";

export const LIMIT_KB = 100;

/** The part of Remix's browser manifest (window.__remixManifest) the weights need. */
export interface RemixManifest {
  entry: { module: string; imports?: string[] };
  routes: Record<
    string,
    { id: string; parentId?: string; path?: string; index?: boolean; module: string; imports?: string[] }
  >;
}

export interface RouteWeight {
  routeId: string;
  /** The address pattern, e.g. /claims/:claimId. */
  url: string;
  /** Every chunk of the page's document load, gzip bytes. */
  totalGzip: number;
  /** The page's own chunks: its route module and imports not already loaded by the entry or its parent routes. */
  ownGzip: number;
  /** The chunks among them that carry recharts. */
  rechartsChunks: string[];
  /** Every chunk of the document load. */
  chunks: string[];
}

/** The chain of route ids from root down to `routeId`. */
function lineage(manifest: RemixManifest, routeId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id !== undefined; id = manifest.routes[id]?.parentId) {
    if (chain.includes(id)) break;
    chain.unshift(id);
  }
  return chain;
}

function urlOf(manifest: RemixManifest, routeId: string): string {
  const parts = lineage(manifest, routeId)
    .map((id) => manifest.routes[id]?.path ?? "")
    .filter((part) => part !== "");
  return `/${parts.join("/")}`;
}

/**
 * The weight of every page route. `gzipSize` and `isRecharts` look at a chunk by its manifest
 * address (/assets/x.js). Resource routes (CSV, JSON, auth) render nothing in the browser: their
 * module is an empty chunk, and they are left out.
 */
export function routeWeights(
  manifest: RemixManifest,
  gzipSize: (asset: string) => number,
  isRecharts: (asset: string) => boolean,
  isEmpty: (asset: string) => boolean,
): RouteWeight[] {
  const entryChunks = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
  const weights: RouteWeight[] = [];
  for (const route of Object.values(manifest.routes)) {
    if (route.id === "root" || isEmpty(route.module)) continue;
    // A layout (a route other routes sit in) is weighed through its pages.
    if (Object.values(manifest.routes).some((other) => other.parentId === route.id)) continue;
    const chain = lineage(manifest, route.id);
    const before = new Set(entryChunks);
    for (const id of chain.slice(0, -1)) {
      const parent = manifest.routes[id];
      if (parent) for (const chunk of [parent.module, ...(parent.imports ?? [])]) before.add(chunk);
    }
    const own = [route.module, ...(route.imports ?? [])].filter((chunk) => !before.has(chunk));
    const all = new Set([...before, ...own]);
    const sum = (chunks: Iterable<string>) => [...chunks].reduce((total, chunk) => total + gzipSize(chunk), 0);
    weights.push({
      routeId: route.id,
      url: urlOf(manifest, route.id),
      totalGzip: sum(all),
      ownGzip: sum(new Set(own)),
      rechartsChunks: [...all].filter(isRecharts),
      chunks: [...all],
    });
  }
  return weights.sort((a, b) => a.url.localeCompare(b.url));
}

// ---------------------------------------------------------------------------------------------
// Which import of a route's sources pulls recharts in

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    // Type-only imports never reach the bundle.
    if (/^(?:import|export)\s+type\s/.test(match[0])) continue;
    const specifier = match[1] ?? match[2];
    if (specifier) found.push(specifier);
  }
  return found;
}

function resolveSource(from: string, specifier: string, appDir: string): string | null {
  const base = specifier.startsWith("~/")
    ? path.join(appDir, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && !candidate.endsWith("/") && readdirSafe(candidate) === null) return candidate;
  }
  return null;
}

function readdirSafe(target: string): string[] | null {
  try {
    return readdirSync(target);
  } catch {
    return null;
  }
}

/**
 * The shortest chain of imports from `routeFile` to a module that imports the package `target`
 * (or, given a function, to a source file it accepts), e.g. [routes/_app.home.tsx,
 * components/home/x.tsx, components/charts/line.tsx]; null when there is none. Server-only
 * modules (*.server.ts) never reach the browser and are not followed.
 */
export function importChainTo(
  routeFile: string,
  target: string | ((file: string) => boolean),
  appDir: string,
): string[] | null {
  const queue: string[][] = [[routeFile]];
  const seen = new Set([routeFile]);
  while (queue.length > 0) {
    const chain = queue.shift() ?? [];
    const file = chain.at(-1) ?? "";
    if (typeof target === "function" && chain.length > 1 && target(file)) return chain;
    for (const specifier of importsOf(file)) {
      if (typeof target === "string" && (specifier === target || specifier.startsWith(`${target}/`))) return chain;
      const next = resolveSource(file, specifier, appDir);
      if (next === null || seen.has(next) || /\.server\.tsx?$/.test(next)) continue;
      seen.add(next);
      queue.push([...chain, next]);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading a build

/** The browser manifest of a build: the manifest-*.js file its server build names. */
export function readManifest(buildDir: string): RemixManifest {
  const server = readFileSync(path.join(buildDir, "server/index.js"), "utf8");
  const name = /manifest-[A-Za-z0-9_-]+\.js/.exec(server)?.[0];
  if (!name) throw new Error(`${buildDir}/server/index.js names no manifest file; build again`);
  const text = readFileSync(path.join(buildDir, "client/assets", name), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return JSON.parse(json) as RemixManifest;
}

export interface WeightReport {
  weights: RouteWeight[];
  /**
   * Pages that load recharts although their sources never import it: the chunk that carries it,
   * and the import chain from the page to the module that chunk is named after (if found).
   */
  unexpectedRecharts: Array<{ url: string; chunk: string; chain: string[] | null }>;
  /** Pages without a chart over LIMIT_KB. */
  heavy: RouteWeight[];
  /** The largest chunks, with how many pages load each. */
  largest: Array<{ chunk: string; gzip: number; pages: number }>;
}

export function weighBuild(buildDir: string, appDir: string): WeightReport {
  const manifest = readManifest(buildDir);
  const cache = new Map<string, Buffer>();
  const read = (asset: string) => {
    let bytes = cache.get(asset);
    if (!bytes) cache.set(asset, (bytes = readFileSync(path.join(buildDir, "client", asset))));
    return bytes;
  };
  const gzipSizes = new Map<string, number>();
  const gzipSize = (asset: string) => {
    let size = gzipSizes.get(asset);
    if (size === undefined) gzipSizes.set(asset, (size = gzipSync(read(asset), { level: 9 }).length));
    return size;
  };
  // recharts renders into elements of these classes; no other library's chunk names them.
  const isRecharts = (asset: string) => /recharts-(?:wrapper|surface)/.test(read(asset).toString("utf8"));
  const isEmpty = (asset: string) => read(asset).toString("utf8").trim() === "";
  const weights = routeWeights(manifest, gzipSize, isRecharts, isEmpty);
  const routeFile = (routeId: string) => {
    const base = path.join(appDir, routeId);
    return [`${base}.tsx`, `${base}.ts`, path.join(base, "route.tsx")].find((file) => existsSync(file)) ?? null;
  };
  const unexpectedRecharts: WeightReport["unexpectedRecharts"] = [];
  const chartless: RouteWeight[] = [];
  for (const weight of weights) {
    const file = routeFile(weight.routeId);
    const chain = file ? importChainTo(file, "recharts", appDir) : null;
    // A page has a chart on screen when its own sources import recharts.
    if (chain !== null) continue;
    chartless.push(weight);
    for (const chunk of weight.rechartsChunks) {
      // Rollup names a chunk after one of its modules: x-<hash>.js holds x.ts(x).
      const named = path.basename(chunk).replace(/-[A-Za-z0-9_-]{8}\.js$/, "");
      const pulledBy = file
        ? importChainTo(file, (source) => path.basename(source).replace(/\.tsx?$/, "") === named, appDir)
        : null;
      unexpectedRecharts.push({ url: weight.url, chunk, chain: pulledBy });
    }
  }
  const pagesByChunk = new Map<string, number>();
  for (const weight of weights)
    for (const chunk of weight.chunks) pagesByChunk.set(chunk, (pagesByChunk.get(chunk) ?? 0) + 1);
  const largest = [...pagesByChunk]
    .map(([chunk, pages]) => ({ chunk, gzip: gzipSize(chunk), pages }))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 8);
  return {
    weights,
    unexpectedRecharts,
    heavy: chartless.filter((weight) => weight.totalGzip > LIMIT_KB * 1024),
    largest,
  };
}

export function printWeights(report: WeightReport, appDir: string) {
  const kb = (bytes: number) => fixed(bytes / 1024, 1);
  console.log(
    `\nJavaScript per page (gzip -9, kB): the whole document load, and the page's own chunks beyond the entry and its layouts`,
  );
  console.log(
    textTable(
      ["page", "total", "own", "recharts"],
      report.weights.map((weight) => [
        weight.url,
        kb(weight.totalGzip),
        kb(weight.ownGzip),
        weight.rechartsChunks.length > 0 ? "yes" : "",
      ]),
    ),
  );
  const charted = report.weights.filter((weight) => weight.rechartsChunks.length > 0).map((weight) => weight.url);
  console.log(`\nPages that load recharts: ${charted.length > 0 ? charted.join(", ") : "none"}`);
  if (report.unexpectedRecharts.length === 0)
    console.log("Each of them draws a chart: its own sources import recharts.");
  for (const page of report.unexpectedRecharts) {
    const via = page.chain
      ? page.chain.map((file) => path.relative(appDir, file)).join(" → ")
      : "no import chain found in the sources";
    console.log(`  ${page.url} draws no chart but loads recharts through ${page.chunk}: ${via}`);
  }
  console.log("\nLargest chunks (gzip kB, pages that load them):");
  console.log(
    textTable(
      ["chunk", "kB", "pages"],
      report.largest.map((entry) => [entry.chunk, kb(entry.gzip), String(entry.pages)]),
    ),
  );
  if (report.heavy.length === 0) console.log(`No page without a chart is over ${LIMIT_KB} kB.`);
  for (const page of report.heavy)
    console.log(`  OVER ${LIMIT_KB} kB without a chart: ${page.url} (${kb(page.totalGzip)} kB)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "../..");
  const args = process.argv.slice(2);
  const buildDir = args.includes("--build")
    ? path.resolve(root, args[args.indexOf("--build") + 1] ?? "build")
    : buildDirectory(root);
  if (!existsSync(path.join(buildDir, "server/index.js"))) {
    console.error(
      `No build in ${buildDir}: run \`npm run build\` (or CANDOR_BUILD_DIR=${buildDir} npx remix vite:build) first.`,
    );
    process.exit(1);
  }
  const appDir = path.join(root, "app");
  printWeights(weighBuild(buildDir, appDir), appDir);
}
