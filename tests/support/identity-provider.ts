// A real OpenID Provider for Candor's tests: the registry's oidc-provider (a certified
// implementation), served on a loopback port, with people matching the demo accounts. Its
// development login form takes any password; the login names the account.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Grant } from "oidc-provider";

export const CANDOR_CLIENT = { id: "candor", secret: "candor-oidc-test-secret-0123456789" };
/** Another application registered at the same provider: its ID tokens are not for Candor. */
export const OTHER_CLIENT = {
  id: "wiki",
  secret: "wiki-oidc-test-secret-0123456789",
  redirectUri: "http://127.0.0.1:9/wiki/callback",
};

interface Person {
  email: string;
  email_verified: boolean;
  name: string;
}

// Logins at the provider. The demo accounts, a new starter Candor does not know, and someone
// whose company address the provider has not verified (it claims a demo user's address).
export const PEOPLE: Record<string, Person> = {
  "admin@candor.test": { email: "admin@candor.test", email_verified: true, name: "Ada Admin" },
  "manager@candor.test": { email: "manager@candor.test", email_verified: true, name: "Mia Manager" },
  "engineer@candor.test": { email: "engineer@candor.test", email_verified: true, name: "Eli Engineer" },
  "sales@candor.test": { email: "Sales@Candor.test", email_verified: true, name: "Sam Sales" },
  "overpromiser@candor.test": { email: "overpromiser@candor.test", email_verified: true, name: "Olly Overpromiser" },
  "stranger@candor.test": { email: "stranger@candor.test", email_verified: true, name: "Stella Stranger" },
  unverified: { email: "manager@candor.test", email_verified: false, name: "Not Verified" },
};

export interface IdentityProvider {
  issuer: string;
  /** While set, the token endpoint answers with this ID token instead of the one it made. */
  replaceIdToken(idToken: string | null): void;
  close(): Promise<void>;
}

/** Starts a provider on 127.0.0.1 (a free port) that knows Candor at `candorOrigin`. */
export async function startIdentityProvider(candorOrigin: string): Promise<IdentityProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider: Provider = new Provider(issuer, {
    clients: [
      {
        client_id: CANDOR_CLIENT.id,
        client_secret: CANDOR_CLIENT.secret,
        redirect_uris: [`${candorOrigin}/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
      {
        client_id: OTHER_CLIENT.id,
        client_secret: OTHER_CLIENT.secret,
        redirect_uris: [OTHER_CLIENT.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount(_ctx, id) {
      const person = PEOPLE[id];
      return person ? { accountId: id, claims: () => ({ sub: id, ...person }) } : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["identity-provider-test-cookie-key"] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    // Company applications are pre-approved by IT: no consent screen after the login.
    async loadExistingGrant(ctx): Promise<Grant | undefined> {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant: Grant = new provider.Grant({ accountId, clientId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  let replacement: string | null = null;
  provider.use(async (ctx, next) => {
    await next();
    if (
      replacement &&
      ctx.method === "POST" &&
      ctx.path === "/token" &&
      typeof ctx.body === "object" &&
      ctx.body !== null
    ) {
      ctx.body = { ...ctx.body, id_token: replacement };
    }
  });
  handler = provider.callback();

  return {
    issuer,
    replaceIdToken(idToken) {
      replacement = idToken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
