// The form that creates an API token (/admin/api-tokens), shared by the browser and the server.
import { z } from "zod";
import { API_SCOPES } from "../domain/api-tokens.ts";

export const API_TOKEN_NAME_MAX = 80;

export const apiTokenSchema = z.object({
  name: z
    .string({ error: "Name the token after the system that will use it, e.g. Salesforce." })
    .trim()
    .min(1, "Name the token after the system that will use it, e.g. Salesforce.")
    .max(API_TOKEN_NAME_MAX, `Use at most ${API_TOKEN_NAME_MAX} characters.`),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Choose among the scopes listed." }), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope."),
});

export const revokeApiTokenSchema = z.object({
  tokenId: z.string({ error: "Choose the token to revoke." }).min(1, "Choose the token to revoke."),
});
