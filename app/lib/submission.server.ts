import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

// An action's reply carries the submitted values back to fill the form again. A value longer
// than its field allows was not typed into the form (the browser enforces maxlength), so the
// reply leaves it out rather than echo it: the error says what is wrong, the field comes back
// empty. readForm refuses anything longer than any field outright (413).

function fieldsOverTheirLimit(formData: FormData, schema: z.ZodType): string[] {
  const raw: Record<string, string> = {};
  for (const [name, value] of formData) if (typeof value === "string") raw[name] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return [];
  const names = parsed.error.issues
    .filter((issue) => issue.code === "too_big" && issue.origin === "string")
    .map((issue) => String(issue.path[0] ?? ""));
  return [...new Set(names)].filter(Boolean);
}

/** conform's parseWithZod for actions: the same submission, whose reply never echoes an over-long value. */
export function parseSubmission<Schema extends z.ZodType>(formData: FormData, options: { schema: Schema }) {
  const submission = parseWithZod(formData, options);
  if (submission.status !== "error") return submission;
  const overLong = fieldsOverTheirLimit(formData, options.schema);
  if (overLong.length === 0) return submission;
  const reply = submission.reply.bind(submission);
  submission.reply = (replyOptions) => {
    // A reply that resets the form echoes nothing anyway.
    if (replyOptions && "resetForm" in replyOptions) return reply(replyOptions);
    const hidden = replyOptions && "hideFields" in replyOptions ? (replyOptions.hideFields ?? []) : [];
    return reply({ ...replyOptions, hideFields: [...hidden, ...overLong] });
  };
  return submission;
}
