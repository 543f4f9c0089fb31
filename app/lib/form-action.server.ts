import { data } from "@remix-run/node";
import type { z } from "zod";
import type { Outcome } from "../domain/outcome.ts";
import { answerRefusal } from "./outcome.server.ts";
import { parseSubmission } from "./submission.server.ts";
import { redirectWithToast } from "./toast.server.ts";

/**
 * An action's answer to one posted conform form, the same on every page: the form is parsed
 * with its schema (400 with the field errors when it does not pass), `change` makes the change
 * with the parsed values (a model function answering an `Outcome`), a refusal is answered on
 * the form (`answerRefusal`: 400 and 409 beside the fields, 403 and 404 as the page's error),
 * and `done` answers the change that happened — usually `redirectWithSuccess`. `extra` goes with
 * every answer that comes back on the form, e.g. which of the page's forms was sent.
 */
export async function answerForm<Schema extends z.ZodType, T, C = never, E extends object = object>(
  formData: FormData,
  schema: Schema,
  {
    change,
    done,
    extra,
  }: {
    change: (input: z.output<Schema>) => Promise<Outcome<T, string, C>>;
    done: (value: T, input: z.output<Schema>) => Promise<Response>;
    extra?: E;
  },
) {
  const submission = parseSubmission(formData, { schema });
  if (submission.status !== "success") return data({ ...(extra as E), result: submission.reply() }, { status: 400 });
  const outcome = await change(submission.value);
  if (!outcome.ok) return answerRefusal(outcome, submission, extra);
  return done(outcome.value, submission.value);
}

/** Redirect to where the change shows, with a success toast saying what happened. */
export function redirectWithSuccess(url: string, message: string): Promise<Response> {
  return redirectWithToast(url, { kind: "success", message });
}
