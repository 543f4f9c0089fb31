import { z } from "zod";
import { DEFAULT_DIGEST_HOUR_UTC } from "../domain/notifications.ts";

const DIGEST_HOUR_PROBLEM =
  "DIGEST_HOUR_UTC must be the hour (0 to 23, UTC) the daily notifications digest goes out, or off";

// SQLite by a file: URL (the default), or PostgreSQL by a postgres:// URL (ADR 023). The sentence
// comes before anything is created on disk.
const databaseUrlSchema = z
  .string()
  .superRefine((url, context) => {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      let database = "";
      try {
        database = new URL(url).pathname.replace(/^\//, "");
      } catch {
        context.addIssue({
          code: "custom",
          message:
            "DATABASE_URL is not a readable PostgreSQL URL, e.g. postgresql://candor:password@db.internal:5432/candor",
        });
        return;
      }
      if (!database)
        context.addIssue({
          code: "custom",
          message:
            "DATABASE_URL must name the PostgreSQL database, e.g. postgresql://candor:password@db.internal:5432/candor",
        });
    } else if (!url.startsWith("file:")) {
      context.addIssue({
        code: "custom",
        message: "DATABASE_URL must be a SQLite file: URL (e.g. file:./data/candor.db) or a postgresql:// URL",
      });
    } else if (/^file:\s*$/.test(url) || /[/\\]$/.test(url)) {
      context.addIssue({
        code: "custom",
        message: `DATABASE_URL must name a database file, e.g. file:./data/candor.db (it is "${url}")`,
      });
    }
  })
  .default("file:./data/candor.db");

// Browsers and providers reach Candor's identity provider over the network, where plain http
// would expose the codes and tokens; only a provider on this machine (tests, a local Keycloak)
// may use it.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const oidcIssuerSchema = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined || value === "") return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({
        code: "custom",
        message: `OIDC_ISSUER must be the identity provider's issuer URL, e.g. https://login.example.com/realms/sales (it is "${value}")`,
      });
      return;
    }
    const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.startsWith("127.");
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
      context.addIssue({
        code: "custom",
        message: `OIDC_ISSUER must be an https:// URL (plain http only for a provider on this machine); it is "${value}"`,
      });
    } else if (url.search || url.hash || url.username || url.password) {
      context.addIssue({
        code: "custom",
        message: `OIDC_ISSUER must be the issuer URL alone, without a query, fragment or credentials; it is "${value}"`,
      });
    }
  });

const OIDC_SETTINGS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

// Read once at start-up; a bad value stops the server with a message naming it.
const baseSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: databaseUrlSchema,
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters long (e.g. the output of `openssl rand -hex 32`)"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().positive().default(15),
  // How many reverse proxies stand in front of Candor; 0 means clients connect directly (docs/security.md).
  TRUST_PROXY: z.preprocess(
    (value) => (value === undefined || value === "" ? 0 : value),
    z.coerce
      .number({
        error: "TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1",
      })
      .int("TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1")
      .min(0, "TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1")
      .max(10, "TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1"),
  ),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Candor <candor@localhost>"),
  // The daily job (README "Configuration"): the UTC hour the notifications digest goes out, or "off".
  DIGEST_HOUR_UTC: z.preprocess(
    (value) =>
      value === undefined || value === ""
        ? DEFAULT_DIGEST_HOUR_UTC
        : typeof value === "string"
          ? value.trim().toLowerCase()
          : value,
    z.union(
      [
        z.literal("off"),
        z.coerce.number().int(DIGEST_HOUR_PROBLEM).min(0, DIGEST_HOUR_PROBLEM).max(23, DIGEST_HOUR_PROBLEM),
      ],
      { error: DIGEST_HOUR_PROBLEM },
    ),
  ),
  // Candor's address as its users open it, for the links in emails it sends on its own (the digest).
  PUBLIC_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({
        protocol: /^https?$/,
        error: "PUBLIC_URL must be Candor's address as its users open it, e.g. https://candor.example.com",
      })
      .optional(),
  ),
  // Single sign-on (README "Single sign-on"): all three of issuer, client id and secret, or none.
  OIDC_ISSUER: oidcIssuerSchema,
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .max(60, "OIDC_NAME is the sign-in button's label and must be at most 60 characters")
      .default("Single sign-on"),
  ),
  PASSWORD_SIGNIN: z.preprocess(
    (value) => (value === undefined || value === "" ? "on" : typeof value === "string" ? value.toLowerCase() : value),
    z.enum(["on", "off"], { error: "PASSWORD_SIGNIN must be on or off" }),
  ),
});

type SignInSettings = Pick<z.infer<typeof baseSchema>, (typeof OIDC_SETTINGS)[number] | "PASSWORD_SIGNIN">;

function withSignInChecks<T extends z.ZodType<SignInSettings>>(schema: T) {
  return schema.superRefine((env, context) => {
    const set = OIDC_SETTINGS.filter((name) => (env[name] ?? "") !== "");
    if (set.length > 0 && set.length < OIDC_SETTINGS.length) {
      const missing = OIDC_SETTINGS.filter((name) => !set.includes(name));
      context.addIssue({
        code: "custom",
        path: [missing[0] ?? "OIDC_ISSUER"],
        message: `${missing.join(" and ")} must be set too: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (${set.join(" and ")} ${set.length === 1 ? "is" : "are"} set)`,
      });
    }
    if (env.PASSWORD_SIGNIN === "off" && set.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["PASSWORD_SIGNIN"],
        message:
          "PASSWORD_SIGNIN=off leaves no way to sign in: configure single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) or keep PASSWORD_SIGNIN=on",
      });
    }
  });
}

const envSchema = withSignInChecks(baseSchema);

export type Env = z.infer<typeof envSchema>;

// `npm start` writes a secret when none is set (scripts/lib.ts), so there only a
// set-but-bad one is a problem.
const startSchema = withSignInChecks(
  baseSchema.extend({
    SESSION_SECRET: z.preprocess(
      (value) => (value === "" ? undefined : value),
      baseSchema.shape.SESSION_SECRET.optional(),
    ),
  }),
);

let cached: Env | undefined;

function problemsIn(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  });
}

/**
 * What is wrong with an environment, one sentence per problem naming its variable;
 * empty when Candor can start. `secretWillBeGenerated`: a missing or empty
 * SESSION_SECRET is not a problem, because `npm start` is about to write one.
 */
export function environmentProblems(source: NodeJS.ProcessEnv, { secretWillBeGenerated = false } = {}): string[] {
  const parsed = (secretWillBeGenerated ? startSchema : envSchema).safeParse(source);
  return parsed.success ? [] : problemsIn(parsed.error);
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Candor cannot start: invalid environment\n${problemsIn(parsed.error)
        .map((problem) => `  ${problem}`)
        .join("\n")}`,
    );
  }
  cached = parsed.data;
  return cached;
}

/** The only settings the browser may see. */
/** Single sign-on's settings, or null when it is not configured. */
export function getOidcSettings(env: Env = getEnv()) {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME,
  };
}

export function getClientEnv() {
  return { MODE: getEnv().NODE_ENV };
}
