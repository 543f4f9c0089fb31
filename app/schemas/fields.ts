// The fields every form is built from, shared by the browser and the server, so a required box,
// an optional note and a slug say the same thing on every page.
import { z } from "zod";

/** "Use at most 80 characters.": what every text field says when it is too long. */
export const atMost = (max: number) => `Use at most ${max} characters.`;

/** Text that must be given: trimmed, not empty (`message` says what to enter), at most `max` characters. */
export function requiredText(message: string, max: number) {
  return z.string({ error: message }).trim().min(1, message).max(max, atMost(max));
}

/** Text that may be left out: trimmed, at most `max` characters. */
export function optionalText(max: number) {
  return z.string().trim().max(max, atMost(max)).optional();
}

/** An id chosen from a list (a select or a hidden field): present and not empty. */
export function chosenId(message: string) {
  return z.string({ error: message }).min(1, message);
}

/** A key that appears in addresses: lower-case words joined by single hyphens, e.g. `example`. */
export function slugText(message: string, example: string) {
  return z
    .string({ error: message })
    .trim()
    .max(60, atMost(60))
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      `Use lower-case letters and digits, with single hyphens between words (e.g. ${example}).`,
    );
}
