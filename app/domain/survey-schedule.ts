import { addDays } from "./dates.ts";
import type { Delivered } from "./levels.ts";

// The six-month satisfaction survey (PRODUCT.md §1 Survey, §4.3): one per WON deal, due six
// calendar months after the close, answered through a link or imported.

/**
 * closedAt + 6 calendar months in UTC, keeping the time of day. A day the target month lacks is
 * clamped to its last day (31 Aug → 28 Feb, or 29 Feb in a leap year; 31 Mar → 30 Sep), so the
 * survey never slips into the seventh month.
 */
export function surveyDueAt(closedAt: Date): Date {
  const monthIndex = closedAt.getUTCMonth() + 6;
  const year = closedAt.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  // Day 0 of the following month is the last day of `month`.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(closedAt.getTime());
  result.setUTCFullYear(year, month, Math.min(closedAt.getUTCDate(), lastDay));
  return result;
}

/** The link stays usable for 90 days after the due date; after that the survey has expired. */
export const SURVEY_LINK_VALID_DAYS = 90;

export function surveyLinkExpiresAt(dueAt: Date): Date {
  return addDays(dueAt, SURVEY_LINK_VALID_DAYS);
}

export type SurveyState = "SCHEDULED" | "DUE" | "SENT" | "ANSWERED" | "EXPIRED";

/**
 * Where a survey stands at `now`. Events stamped after `now` have not happened yet, so the same
 * function answers "as of" a past date (e.g. a response-rate chart). An answer wins over expiry:
 * an imported answer may arrive after the link has expired and still counts.
 */
export function surveyState(
  survey: { dueAt: Date; sentAt: Date | null; respondedAt: Date | null },
  now: Date,
): SurveyState {
  const t = now.getTime();
  if (survey.respondedAt !== null && survey.respondedAt.getTime() <= t) return "ANSWERED";
  if (t >= surveyLinkExpiresAt(survey.dueAt).getTime()) return "EXPIRED";
  if (survey.sentAt !== null && survey.sentAt.getTime() <= t) return "SENT";
  if (t >= survey.dueAt.getTime()) return "DUE";
  return "SCHEDULED";
}

export const DELIVERED_CREDIT: Readonly<Record<Delivered, number>> = {
  YES: 1,
  PARTLY: 0.5,
  NO: 0,
};

export interface SurveyScoreParts {
  /** (csat − 1) / 4, or null when CSAT was not answered. */
  csat: number | null;
  /** YES 1, PARTLY 0.5, NO 0, or null when not answered. */
  delivered: number | null;
  /** The mean of the answered items; null when neither was answered. */
  score: number | null;
}

/** The items of s (§4.3), so a statement can show which of them counted. */
export function surveyScoreParts(answers: { csat: number | null; delivered: Delivered | null }): SurveyScoreParts {
  if (answers.csat !== null && !(Number.isInteger(answers.csat) && answers.csat >= 1 && answers.csat <= 5)) {
    throw new RangeError(`CSAT must be a whole number from 1 to 5, got ${answers.csat}`);
  }
  const csat = answers.csat === null ? null : (answers.csat - 1) / 4;
  const delivered = answers.delivered === null ? null : DELIVERED_CREDIT[answers.delivered];
  // A missing item is left out of the mean rather than counted as zero (§4.3).
  const items = [csat, delivered].filter((item): item is number => item !== null);
  const score = items.length === 0 ? null : items.reduce((sum, item) => sum + item, 0) / items.length;
  return { csat, delivered, score };
}

/** s = mean((csat − 1)/4, delivered) with missing items left out; null when both are missing. */
export function surveyScore(answers: { csat: number | null; delivered: Delivered | null }): number | null {
  return surveyScoreParts(answers).score;
}
