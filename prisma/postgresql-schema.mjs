// prisma/schema.prisma (SQLite) is the one source of Candor's data model. A Prisma schema names
// one provider, so PostgreSQL gets its own copy, written from that source by this script
// (`npm run db:postgres-schema`) and checked equal to it by prisma/postgresql-schema.test.ts (ADR 023).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HEADER = `// GENERATED from prisma/schema.prisma by prisma/postgresql-schema.mjs — do not edit.
// Change prisma/schema.prisma, then run \`npm run db:postgres-schema\` (ADR 023).

`;

/** The PostgreSQL schema for a given SQLite schema text. */
export function postgresSchemaFrom(sqliteSchema) {
  const replace = (text, from, to) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer contains ${from}`);
    return text.replace(from, to);
  };
  let schema = replace(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"');
  // Each provider needs its own generated client (its query compiler is provider-specific).
  schema = replace(
    schema,
    /output(\s*)= "..\/app\/generated\/prisma"/,
    'output$1= "../../app/generated/prisma-postgres"',
  );
  return HEADER + alphabeticalEnums(schema);
}

/**
 * Each enum's values in alphabetical order. PostgreSQL sorts an enum column by the order its
 * values were declared in, SQLite (which stores them as text) alphabetically; declared
 * alphabetically, ORDER BY gives the same rows on both. The SQLite schema keeps the order that
 * reads best (LOW, MEDIUM, HIGH); the app's labels and options never come from this client.
 */
function alphabeticalEnums(schema) {
  return schema.replace(/^(enum \w+ \{\n)([^}]*)(^\})/gm, (_, open, body, close) => {
    const lines = body.split("\n").filter((line) => line.trim() !== "");
    if (!lines.every((line) => /^\s+[A-Z][A-Z0-9_]*(\s*\/\/.*)?$/.test(line))) {
      throw new Error(`an enum of prisma/schema.prisma holds more than values and comments: ${open.trim()}`);
    }
    const value = (line) => line.trim().split(/\s/)[0];
    lines.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
    return `${open}${lines.join("\n")}\n${close}`;
  });
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(here, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(here, "postgresql/schema.prisma");

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`Wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
}
