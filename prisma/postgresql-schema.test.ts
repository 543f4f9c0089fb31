import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from "./postgresql-schema.mjs";

// ADR 023: one data model, two schema files. The PostgreSQL one is written from the SQLite one.

describe("the PostgreSQL schema", () => {
  it("is exactly what prisma/postgresql-schema.mjs writes from prisma/schema.prisma (run npm run db:postgres-schema)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("differs from it only in provider and client output", () => {
    const written = postgresSchemaFrom(
      'generator client {\n  output = "../app/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id String @id\n}\n',
    );
    expect(written).toContain('provider = "postgresql"');
    expect(written).toContain('output = "../../app/generated/prisma-postgres"');
    expect(written).toContain("model A {\n  id String @id\n}");
    expect(() => postgresSchemaFrom('datasource db {\n  provider = "mysql"\n}\n')).toThrow(/no longer contains/);
  });
});
