// The public survey link (PRODUCT.md §1 Survey): `/survey/<token>`, where the token is 32 random
// bytes in base64url (43 characters, no padding). Only its sha256 is stored, so a link can be
// shown once, when it is made, and a stolen database holds no working link.

export const SURVEY_TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Whether the text can be a token at all; anything else is answered like an unknown token. */
export function isWellFormedSurveyToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function surveyLinkPath(token: string): string {
  return `/survey/${token}`;
}

/** Responses accepted from one client address per window, against form spam. */
export const SURVEY_RESPONSES_PER_ADDRESS = 10;
export const SURVEY_RESPONSE_WINDOW_MINUTES = 15;

/** A survey due this many days ago and still not sent is overdue. */
export const SURVEY_OVERDUE_DAYS = 14;

/** Answered among the surveys that have come due; null when none has. */
export function responseRate(answered: number, cameDue: number): number | null {
  return cameDue === 0 ? null : answered / cameDue;
}
