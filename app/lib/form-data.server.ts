import { httpError } from "./http-error.server.ts";

// Every form on Candor's pages posts urlencoded or multipart; anything else (a JSON body, a
// script's text/plain) is not one of our forms. Left to request.formData(), such a body, or a
// multipart body whose boundary does not match, throws a TypeError that Remix answers with a 500
// and an error in the log.
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Longer than any field of any Candor form (the longest allows 4,000 characters). A longer value
 * was not typed into one of our forms, and a form's error reply would echo it back.
 */
export const FORM_FIELD_MAX_CHARACTERS = 10_000;
export const FIELD_TOO_LONG = `A field of this form is longer than ${FORM_FIELD_MAX_CHARACTERS.toLocaleString("en-US")} characters, so nothing was saved. Shorten it and try again.`;

export const UNREADABLE_FORM = "This form could not be read. Reload the page and try again.";
export const NOT_A_FORM = "This address accepts only Candor's own forms. Reload the page and submit the form again.";

/** The posted form, or a thrown 415 (not a form's content type), 400 (a body that cannot be parsed) or 413 (an over-long field). */
export async function readForm(request: Request): Promise<FormData> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!FORM_TYPES.includes(mediaType)) throw httpError(415, NOT_A_FORM);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw httpError(400, UNREADABLE_FORM);
  }
  for (const value of form.values()) {
    if (typeof value === "string" && value.length > FORM_FIELD_MAX_CHARACTERS) throw httpError(413, FIELD_TOO_LONG);
  }
  return form;
}
