import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// End-to-end tests drive the production build in Debian's Chromium; Playwright's
// own browser download is not available here (docs/decisions/004-testing.md).
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/e2e-${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  // The HTML report keeps the attachments, such as the accessibility spec's screenshots of every
  // page at 390 and 1440 px: `npx playwright show-report playwright-report/e2e-3100-accessibility` after `npm test`.
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: `playwright-report/e2e-${PORT}${process.env.E2E_REPORT_SUFFIX ?? ""}` }],
  ],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // The accessibility sweep (61 independent read-only page checks) may run on several workers;
  // the flows share the demo data and run one at a time (`npm test` runs the two projects apart).
  projects: [
    { name: "flows", testIgnore: /accessibility\.spec\.ts$/ },
    { name: "accessibility", testMatch: /accessibility\.spec\.ts$/ },
  ],
  webServer: {
    command: "tsx tests/e2e/server.ts",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    // Stop the server as a deployment would, so it releases its database before the next
    // project's server starts on the same port (Playwright's default is SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT) },
  },
});
