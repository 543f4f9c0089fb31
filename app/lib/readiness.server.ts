// /readyz (docs/deploy.md): a load balancer sends this process traffic only while it reaches its
// database. The failure answer is one plain sentence: the probe is public, so no driver message,
// host or user name leaves the server.

export const NOT_READY = "Candor cannot reach its database.";

/** The one thing readiness asks of a database client. */
interface Queryable {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<unknown>;
}

/** 200 `{ status: "ready" }` once `SELECT 1` answers through `db`, else 503 with {@link NOT_READY}. */
export async function readinessResponse(db: Queryable): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return new Response(NOT_READY, { status: 503, headers: { ...headers, "content-type": "text/plain" } });
  }
  return Response.json({ status: "ready" }, { headers });
}
