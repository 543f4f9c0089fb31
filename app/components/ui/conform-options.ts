import type { SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/** The options every claim form gives conform: the same schema checks in the browser and on the server. */
export function claimFormOptions<Schema extends z.ZodType>(
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
