import { describe, expect, it } from "vitest";
import { dialectOf } from "../../app/lib/database-url.ts";
import { createBaseClient } from "../../app/lib/db.server.ts";
import { NOT_READY, readinessResponse } from "../../app/lib/readiness.server.ts";
import { loader } from "../../app/routes/readyz.ts";

// /readyz tells a load balancer whether this server can take requests: only while it reaches its
// database (docs/deploy.md). /healthz, the liveness answer, is covered by route-access.

/** A database of the same kind as this test's that cannot be reached: no such folder, no such server. */
const UNREACHABLE =
  dialectOf(process.env.DATABASE_URL ?? "") === "postgres"
    ? "postgresql://candor:secret-password@127.0.0.1:1/candor"
    : "file:/nonexistent-candor-folder/candor.db";

describe("/readyz", () => {
  it("answers 200 and ready while the database answers", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("answers 503 with a sentence, and nothing about the database, when it cannot be reached", async () => {
    const unreachable = createBaseClient(UNREACHABLE);
    try {
      const response = await readinessResponse(unreachable);
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.text();
      expect(body).toBe(NOT_READY);
      expect(body).not.toMatch(/nonexistent|127\.0\.0\.1|secret-password/);
    } finally {
      await unreachable.$disconnect().catch(() => {});
    }
  });
});
