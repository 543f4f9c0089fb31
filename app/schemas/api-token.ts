// The form that creates an API token (/admin/api-tokens), shared by the browser and the server.
import { z } from "zod";
import { chosenId, requiredText } from "./fields.ts";
import { API_SCOPES } from "../domain/api-tokens.ts";

export const API_TOKEN_NAME_MAX = 80;

export const apiTokenSchema = z.object({
  name: requiredText("Name the token after the system that will use it, e.g. Salesforce.", API_TOKEN_NAME_MAX),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Choose among the scopes listed." }), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope."),
});

export const revokeApiTokenSchema = z.object({
  tokenId: chosenId("Choose the token to revoke."),
});
