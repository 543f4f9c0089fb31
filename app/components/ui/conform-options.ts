import type { SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/**
 * The options every form gives conform's `useForm`: its id (conform derives the field ids from
 * it), the action's last result, and the same zod schema checking in the browser (on blur, then
 * on input) as on the server. Spread it and add `defaultValue` where the form starts filled in.
 */
export function conformOptions<Schema extends z.ZodType>(
  id: string,
  schema: Schema,
  lastResult: SubmissionResult<string[]> | undefined,
) {
  return {
    id,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur" as const,
    shouldRevalidate: "onInput" as const,
    onValidate: ({ formData }: { formData: FormData }) => parseWithZod(formData, { schema }),
  };
}
