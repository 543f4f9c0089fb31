import { ok, refused, type Outcome } from "../domain/outcome.ts";
import { createHash, randomBytes } from "node:crypto";
import { API_TOKEN_PREFIX, formatScopes, parseScopes, tokenPrefixOf, type ApiScope } from "../domain/api-tokens.ts";
import { prisma } from "../lib/db.server.ts";
import { recordAudit, type AuditContext } from "./audit.server.ts";

// API tokens (PRODUCT.md §9): made by an admin, shown once, stored as their sha256 only (a leaked
// database holds nothing that can call the API), revocable, and every use is an audit event
// ("api.request"), which is also what the per-token rate limit counts.

export const API_REQUEST_ACTION = "api.request";

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token and returns it in full: the only time anyone sees it. */
export async function createApiToken(
  audit: AuditContext & { actorId: string },
  input: { name: string; scopes: ApiScope[] },
) {
  // 32 random bytes: guessing one is out of reach, so a token needs no sign-in throttle of its own.
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const scopes = formatScopes(input.scopes);
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        scopes,
        tokenHash: hashToken(token),
        prefix: tokenPrefixOf(token),
        createdById: audit.actorId,
      },
      select: { id: true, name: true, prefix: true },
    });
    await recordAudit(tx, audit, {
      action: "api-token.create",
      entityType: "ApiToken",
      entityId: row.id,
      after: { name: row.name, scopes, prefix: row.prefix },
    });
    return row;
  });
  return { ...created, token };
}

export async function listApiTokens() {
  const rows = await prisma.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      lastUsedAt: true,
      revokedAt: true,
      revokedBy: { select: { name: true } },
    },
  });
  // The scopes parsed, and who created and who revoked the token by name.
  return rows.map(({ scopes, createdBy, revokedBy, ...token }) => ({
    ...token,
    scopes: parseScopes(scopes),
    createdBy: createdBy.name,
    revokedBy: revokedBy?.name ?? null,
  }));
}

/** Revokes a token at once: its next request gets 401. Revoking a revoked token changes nothing. */
export async function revokeApiToken(
  audit: AuditContext & { actorId: string },
  tokenId: string,
  now = new Date(),
): Promise<Outcome<{ name: string; already: boolean }>> {
  return prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!token) return refused(404, "That API token does not exist.");
    if (token.revokedAt) return ok({ name: token.name, already: true });
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now, revokedById: audit.actorId } });
    await recordAudit(tx, audit, {
      action: "api-token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix },
      after: { revokedAt: now.toISOString() },
    });
    return ok({ name: token.name, already: false });
  });
}

export interface ApiTokenFacts {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdById: string;
  revokedAt: Date | null;
}

/** The token a request presents, revoked or not; null when Candor never issued it. */
export async function findApiToken(token: string): Promise<ApiTokenFacts | null> {
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, scopes: true, createdById: true, revokedAt: true },
  });
  return row ? { ...row, scopes: parseScopes(row.scopes) } : null;
}

/** Requests the token made since `since`, from the audit log, so every Candor process counts the same. */
export function countApiRequestsSince(tokenId: string, since: Date): Promise<number> {
  return prisma.auditEvent.count({ where: { action: API_REQUEST_ACTION, entityId: tokenId, at: { gte: since } } });
}

/** Records one use of a token (its route and answer) and, for an active token, when it was last used. */
export async function recordApiRequest(
  audit: AuditContext,
  token: { id: string; revoked: boolean },
  request: { method: string; route: string; status: number },
  now = new Date(),
) {
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, audit, {
      action: API_REQUEST_ACTION,
      entityType: "ApiToken",
      entityId: token.id,
      after: { tokenId: token.id, ...request },
    });
    if (!token.revoked) await tx.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  });
}
