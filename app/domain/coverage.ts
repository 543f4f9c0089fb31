// Coverage and unlogged promises (PRODUCT.md §7). A claim log kept by the salesperson alone
// misses the over-promiser, who logs least; coverage says how much of a salesperson's won
// business has any claim on record, whoever logged it. Pure: the models count in SQL.
import type { Delivered } from "./levels.ts";

/** A salesperson's (or a team's) won deals of a period, and how many of them have a claim. */
export interface CoverageCounts {
  /** Deals with status WON whose closedAt lies in the period. */
  won: number;
  /** Of those, the deals with at least one claim of any source linked to them. */
  covered: number;
}

/** covered / won, or null when there were no won deals (which is "no won deals", never 0 %). */
export function coverageShare({ won, covered }: CoverageCounts): number | null {
  if (won <= 0) return null;
  return Math.min(1, Math.max(0, covered / won));
}

/** The figure in plain words: "4 of 9 won deals have a logged claim", or "No won deals". */
export function describeCoverage({ won, covered }: CoverageCounts): string {
  if (won <= 0) return "No won deals";
  return won === 1
    ? `${covered} of 1 won deal has a logged claim`
    : `${covered.toLocaleString("en-US")} of ${won.toLocaleString("en-US")} won deals have a logged claim`;
}

/**
 * The survey answers to "did the product do what you were told" that make a deal without any
 * claim an unlogged promise: the customer was told something, and nobody wrote it down.
 */
export const UNLOGGED_PROMISE_ANSWERS = ["NO", "PARTLY"] as const satisfies readonly Delivered[];
export type UnloggedPromiseAnswer = (typeof UNLOGGED_PROMISE_ANSWERS)[number];

export function isUnloggedPromiseAnswer(answer: Delivered | null | undefined): answer is UnloggedPromiseAnswer {
  return answer === "NO" || answer === "PARTLY";
}

/** How the answer reads on the dashboard. */
export function unloggedPromiseAnswerLabel(answer: UnloggedPromiseAnswer): string {
  return answer === "NO" ? "Not delivered as promised" : "Partly delivered as promised";
}

export interface CustomerWords {
  label: string;
  text: string;
}

/** The customer's own words from the survey, the untrue claim first (it names the promise); blank answers left out. */
export function customerWordsOf(survey: { untrueClaim: string | null; leastLiked: string | null }): CustomerWords[] {
  const words: CustomerWords[] = [];
  const untrue = survey.untrueClaim?.trim() ?? "";
  const least = survey.leastLiked?.trim() ?? "";
  if (untrue) words.push({ label: "Told something untrue", text: untrue });
  if (least) words.push({ label: "Liked least", text: least });
  return words;
}

/** "and 12 more" under a list cut at `shown` rows of `total`; null when nothing was left out. */
export function moreThanShown(shown: number, total: number): string | null {
  const rest = total - shown;
  return rest > 0 ? `and ${rest.toLocaleString("en-US")} more` : null;
}
