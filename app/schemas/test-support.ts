// Helpers shared by the schemas' unit tests (*.test.ts beside each schema).
import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType } from "zod/v4/core";

/** A form posting these fields, parsed with `schema` as the action parses it. */
export function parseForm<Schema extends $ZodType>(schema: Schema, fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return parseWithZod(data, { schema });
}
