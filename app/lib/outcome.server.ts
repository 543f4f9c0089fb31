import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Refusal } from "../domain/outcome.ts";
import { httpError } from "./http-error.server.ts";

interface ReplyOptions {
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  /** Fields whose values are not sent back (passwords). */
  hideFields?: string[];
}

interface Replyable {
  reply(options: ReplyOptions): SubmissionResult<string[]>;
}

/**
 * A route's answer to a model's refusal (app/domain/outcome.ts), the same on every page:
 * - 403 and 404 are thrown as the page's error, with the sentence;
 * - 400 and 409 come back on the form: conform's `result` with the sentences beside the fields
 *   and above them, `conflict` with who got there first (or null), and whatever else the page's
 *   action data carries (`extra`, e.g. which of its forms was sent); `hideFields` keeps values
 *   such as passwords out of the reply.
 */
export function answerRefusal<E extends object = object, C = never>(
  refusal: Refusal<string, C>,
  submission: Replyable,
  extra?: E,
  { hideFields }: Pick<ReplyOptions, "hideFields"> = {},
) {
  const status = refusal.status;
  if (status === 403 || status === 404) throw httpError(status, refusal.formErrors[0] ?? "That change was refused.");
  const fieldErrors = refusal.fieldErrors as Record<string, string[]>;
  const result = submission.reply({
    fieldErrors,
    formErrors: refusal.formErrors,
    ...(hideFields ? { hideFields } : {}),
  });
  return data({ ...(extra as E), result, conflict: refusal.conflict ?? null }, { status });
}
