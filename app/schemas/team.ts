// The team form (new and edit), shared by the browser and the server.
import { z } from "zod";

export const teamSchema = z.object({
  name: z
    .string({ error: "Enter the team's name." })
    .trim()
    .min(1, "Enter the team's name.")
    .max(80, "Use at most 80 characters."),
  managerIds: z.array(z.string()).default([]),
});
