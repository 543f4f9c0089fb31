import { z } from "zod";

// This version stores its data in SQLite only; the sentence says so before anything is
// created on disk (a postgres:// URL read as a file path would make a folder of it).
const databaseUrlSchema = z
  .string()
  .superRefine((url, context) => {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      context.addIssue({
        code: "custom",
        message:
          "DATABASE_URL is a PostgreSQL URL, but this version of Candor supports only SQLite file: URLs (PostgreSQL support comes later). Use e.g. DATABASE_URL=file:./data/candor.db",
      });
    } else if (!url.startsWith("file:")) {
      context.addIssue({ code: "custom", message: "DATABASE_URL must be a SQLite file: URL, e.g. DATABASE_URL=file:./data/candor.db" });
    } else if (/^file:\s*$/.test(url) || /[/\\]$/.test(url)) {
      context.addIssue({ code: "custom", message: `DATABASE_URL must name a database file, e.g. file:./data/candor.db (it is "${url}")` });
    }
  })
  .default("file:./data/candor.db");

// Read once at start-up; a bad value stops the server with a message naming it.
const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: databaseUrlSchema,
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters long (e.g. the output of `openssl rand -hex 32`)"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().positive().default(15),
  // How many reverse proxies stand in front of Candor; 0 means clients connect directly (docs/security.md).
  TRUST_PROXY: z.preprocess(
    (value) => (value === undefined || value === "" ? 0 : value),
    z.coerce
      .number({ error: "TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1" })
      .int("TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1")
      .min(0, "TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1")
      .max(10, "TRUST_PROXY must be the number of reverse proxies in front of Candor (0 to 10), e.g. TRUST_PROXY=1"),
  ),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Candor <candor@localhost>"),
});

export type Env = z.infer<typeof envSchema>;

// `npm start` writes a secret when none is set (scripts/lib.ts), so there only a
// set-but-bad one is a problem.
const startSchema = envSchema.extend({
  SESSION_SECRET: z.preprocess((value) => (value === "" ? undefined : value), envSchema.shape.SESSION_SECRET.optional()),
});

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
    throw new Error(`Candor cannot start: invalid environment\n${problemsIn(parsed.error).map((problem) => `  ${problem}`).join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The only settings the browser may see. */
export function getClientEnv() {
  return { MODE: getEnv().NODE_ENV };
}
