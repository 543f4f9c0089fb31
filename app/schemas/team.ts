// The team form (new and edit), shared by the browser and the server.
import { z } from "zod";
import { requiredText } from "./fields.ts";

export const teamSchema = z.object({
  name: requiredText("Enter the team's name.", 80),
  managerIds: z.array(z.string()).default([]),
});
