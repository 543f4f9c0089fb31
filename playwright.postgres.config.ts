import { defineConfig } from "@playwright/test";
import base from "./playwright.config.ts";
import { POSTGRES_PAIR } from "./tests/e2e-postgres/pair.ts";

const [first, second] = POSTGRES_PAIR.ports;

// One flow on PostgreSQL, alternating between two Candor processes that share one database
// (PRODUCT.md §10; tests/e2e-postgres/servers.ts starts them). Chromium and its settings are the
// SQLite suite's; each page picks its server with an absolute address.
export default defineConfig({
  ...base,
  testDir: "tests/e2e-postgres",
  outputDir: `test-results/e2e-postgres-${first}`,
  reporter: [["list"], ["html", { open: "never", outputFolder: `playwright-report/e2e-postgres-${first}` }]],
  use: { ...base.use, baseURL: undefined },
  projects: [{ name: "postgres" }],
  webServer: {
    command: "tsx tests/e2e-postgres/servers.ts",
    // The two start together; the test waits for the first as well before it begins.
    url: `http://localhost:${second}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
