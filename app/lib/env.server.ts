import { z } from "zod";

// Read once at start-up; a bad value stops the server with a message naming it.
const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL must be a SQLite file: URL").default("file:./data/candor.db"),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().positive().default(15),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Candor <candor@localhost>"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Candor cannot start: invalid environment\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The only settings the browser may see. */
export function getClientEnv() {
  return { MODE: getEnv().NODE_ENV };
}
