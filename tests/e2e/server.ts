// The server the end-to-end tests drive: the production build started exactly as
// `npm start` does, on a fresh database of its own, with single sign-on configured against a
// real OpenID Provider in this process (password sign-in stays on, as in the demo).
import { rmSync } from "node:fs";
import path from "node:path";
import { CANDOR_CLIENT, startIdentityProvider } from "../support/identity-provider.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const port = process.env.PORT ?? "3100";
const file = path.join(ROOT, `data/e2e-${port}.db`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET ??= "end-to-end-tests-session-secret-0123456789";

const identityProvider = await startIdentityProvider(`http://localhost:${port}`);
Object.assign(process.env, {
  OIDC_ISSUER: identityProvider.issuer,
  OIDC_CLIENT_ID: CANDOR_CLIENT.id,
  OIDC_CLIENT_SECRET: CANDOR_CLIENT.secret,
  OIDC_NAME: "Candor Corp SSO",
});
await import("../../scripts/start.ts");
