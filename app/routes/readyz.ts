import { prisma } from "../lib/db.server.ts";
import { readinessResponse } from "../lib/readiness.server.ts";

// Readiness: 200 only while this process reaches its database, 503 otherwise (docs/deploy.md).
// /healthz stays the liveness answer.
export const loader = () => readinessResponse(prisma);
