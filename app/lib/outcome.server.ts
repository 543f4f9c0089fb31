import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { refusalMessage, type Refusal } from "../domain/outcome.ts";
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

/** A refusal as the page's error, whatever its status: for actions without a form to show it on (a button). */
export function throwRefusal(refusal: Refusal<string, unknown>): never {
  throw httpError(refusal.status, refusalMessage(refusal));
}

/**
 * The part of a refusal a form shows: 403 and 404 are thrown as the page's error, with the
 * sentence; 400 and 409 are handed back. For pages whose forms are not conform's; others use
 * `answerRefusal`.
 */
export function formRefusal<R extends Refusal<string, unknown>>(refusal: R): R & { status: 400 | 409 } {
  const status = refusal.status;
  if (status === 403 || status === 404) throwRefusal(refusal);
  return { ...refusal, status };
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
  const { status } = formRefusal(refusal);
  const fieldErrors = refusal.fieldErrors as Record<string, string[]>;
  const result = submission.reply({
    fieldErrors,
    formErrors: refusal.formErrors,
    ...(hideFields ? { hideFields } : {}),
  });
  return data({ ...(extra as E), result, conflict: refusal.conflict ?? null }, { status });
}
