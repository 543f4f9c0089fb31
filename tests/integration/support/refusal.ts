/**
 * The status and sentence of a refusal a loader or action threw or returned, whether it came as a
 * Response (forbidden, notFound and other thrown refusals) or as `data()` with a status.
 */
export async function refusalOf(
  outcome: unknown,
): Promise<{ status: number | undefined; message: string | undefined }> {
  if (outcome instanceof Response) {
    const body: unknown = outcome.headers.get("content-type")?.includes("json")
      ? await outcome.clone().json()
      : await outcome.clone().text();
    const message = typeof body === "string" ? body : (body as { message?: string } | null)?.message;
    return { status: outcome.status, message };
  }
  const thrown = outcome as { init?: { status?: number } | null; data?: { message?: string } } | null;
  return { status: thrown?.init?.status, message: thrown?.data?.message };
}
