// Which database a DATABASE_URL names (ADR 023): `postgres://` or `postgresql://` is PostgreSQL,
// anything else a SQLite file. No imports, so start-up scripts can ask before any client exists.

export type Dialect = "sqlite" | "postgres";

export const dialectOf = (url: string): Dialect => (/^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite");

/** host:port/database of a PostgreSQL URL, for messages: never the password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(an unreadable URL)";
  }
}
