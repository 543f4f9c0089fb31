/**
 * What a change tells its caller: it happened (`ok`, with its value), or it was refused, with the
 * HTTP status that says why and the sentences a person reads. Every model that can refuse a
 * change answers with an `Outcome`; a route turns the refusal into its answer with one helper,
 * `answerRefusal` (app/lib/outcome.server.ts): 400 and 409 come back on the form, beside the
 * fields or above them; 403 and 404 are the page's error.
 */

/** Sentences by field name, shown beside the fields of a form. */
export type FieldErrors<F extends string = string> = Partial<Record<F, string[]>>;

/**
 * Why a change did not happen:
 * - 400: the input is wrong (`fieldErrors` beside the fields, `formErrors` above them);
 * - 403: the person may not make this change;
 * - 404: what it changes does not exist;
 * - 409: the data or its state refuses it (someone else got there first, the period is locked).
 *
 * `conflict` carries who got there first, for pages that show it beside the message.
 */
export interface Refusal<F extends string = string, C = never> {
  ok: false;
  status: 400 | 403 | 404 | 409;
  fieldErrors: FieldErrors<F>;
  formErrors: string[];
  conflict?: C;
}

export type Outcome<T = null, F extends string = string, C = never> = { ok: true; value: T } | Refusal<F, C>;

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A refusal with one sentence about the whole change. */
export function refused(status: Refusal["status"], message: string): Refusal<never> {
  return { ok: false, status, fieldErrors: {}, formErrors: [message] };
}

/** A 400 with sentences beside the named fields. */
export function invalid<F extends string>(fieldErrors: FieldErrors<F>, formErrors: string[] = []): Refusal<F> {
  return { ok: false, status: 400, fieldErrors, formErrors };
}

/** A 400 with one sentence beside one field. */
export function fieldError<F extends string>(field: F, message: string): Refusal<F> {
  return invalid({ [field]: [message] } as FieldErrors<F>);
}

/** A 409 whose message is shown with who got there first. */
export function conflict<C>(message: string, detail: C): Refusal<never, C> {
  return { ok: false, status: 409, fieldErrors: {}, formErrors: [message], conflict: detail };
}

/** The first sentence of a refusal: for answers that carry one sentence (an API's, a toast's). */
export function refusalMessage(refusal: Refusal<string, unknown>): string {
  return refusal.formErrors[0] ?? Object.values(refusal.fieldErrors).flat()[0] ?? "That change was refused.";
}
