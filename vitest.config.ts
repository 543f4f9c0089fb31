import { defineConfig } from "vitest/config";

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
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/worker-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The same integration tests on PostgreSQL (ADR 023): tests/setup/global-database.ts makes
        // the base database on the server in CANDOR_TEST_POSTGRES_URL.
        test: {
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/worker-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
