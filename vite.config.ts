import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import { buildDirectory } from "./server/build-directory.ts";

/** csv-parse runs on the server; the browser gets app/shims/csv-server-only.ts. */
function csvOnTheServer(): Plugin {
  const shim = path.resolve(import.meta.dirname, "app/shims/csv-server-only.ts");
  return {
    name: "candor-csv-on-the-server",
    enforce: "pre",
    resolveId(id, _importer, options) {
      if (options?.ssr) return null;
      return id === "csv-parse/sync" ? shim : null;
    },
  };
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [
    csvOnTheServer(),
    remix({
      buildDirectory: buildDirectory(import.meta.dirname),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  build: { target: "es2022" },
});
