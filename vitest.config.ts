import { defineConfig } from "vitest/config";

// The integration tests run twice: on SQLite, and on PostgreSQL (ADR 023), where
// tests/setup/global-database.ts makes the base database on the server in CANDOR_TEST_POSTGRES_URL.
const integration = (name: "integration" | "integration-postgres") => ({
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node" as const,
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/worker-database.ts", "tests/setup/matchers.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "seed/**/*.test.ts", "server/**/*.test.ts", "prisma/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      integration("integration"),
      integration("integration-postgres"),
    ],
  },
});
