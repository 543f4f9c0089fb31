import { UNTRUE_CLAIM_MAX, UNTRUE_CLAIM_QUESTION, untrueClaimAnswer } from "./customer-claims.ts";
import { isDelivered, type Delivered } from "./levels.ts";
import { batchValuesCheck, csvImport, parseImportDate, type BatchProblem, type ImportColumn } from "./csv-import.ts";
import { DEAL_ID_ALIASES } from "./deal-import.ts";
import { LEAST_LIKED_MAX } from "./survey-answers.ts";

export { LEAST_LIKED_MAX };

// Survey results collected outside Candor (PRODUCT.md §3 Satisfaction): one answered survey a
// row, matched to its deal by the CRM id, stored with source IMPORT.

export type SurveyResultColumnKey =
  "externalId" | "respondedAt" | "csat" | "delivered" | "nps" | "comment" | "untrueClaim";

export const SURVEY_RESULT_COLUMNS: readonly ImportColumn<SurveyResultColumnKey>[] = [
  {
    key: "externalId",
    header: "Deal external ID",
    aliases: ["External ID", ...DEAL_ID_ALIASES],
    required: true,
    description: "The deal's id in the CRM, as in the deals import.",
  },
  {
    key: "respondedAt",
    header: "Responded at",
    aliases: ["Responded", "Response date", "Answered at"],
    required: true,
    description: "YYYY-MM-DD or an ISO date-time.",
  },
  {
    key: "csat",
    header: "CSAT",
    aliases: ["Satisfaction"],
    required: true,
    description: "A whole number from 1 (very unhappy) to 5 (very happy).",
  },
  {
    key: "delivered",
    header: "Delivered as promised",
    aliases: ["Delivered"],
    required: true,
    description: "YES, PARTLY or NO.",
  },
  {
    key: "nps",
    header: "NPS",
    aliases: ["Net promoter score"],
    required: false,
    description: "Optional: a whole number from 0 to 10.",
  },
  {
    key: "comment",
    header: "Comment",
    aliases: ["What do you like least", "Least liked"],
    required: false,
    description: "Optional: what the customer likes least.",
  },
  {
    key: "untrueClaim",
    header: "Untrue claim",
    aliases: ["Anything untrue", "Told something untrue"],
    required: false,
    description: `Optional: the answer to "${UNTRUE_CLAIM_QUESTION}" Any text becomes a claim reported by the customer, in the verification queue.`,
  },
];

export interface SurveyFacts {
  surveyId: string;
  dueAt: Date;
  teamId: string | null;
  respondedAt: Date | null;
  source: "LINK" | "IMPORT" | null;
}

export interface SurveyResultLookups {
  /**
   * The importer's deals by external id: null when the deal exists but has no survey (it is not
   * WON). Deals of other teams must be left out, as a no-survey entry cannot be told apart.
   */
  deals: ReadonlyMap<string, SurveyFacts | null>;
  teamIds: readonly string[] | null;
  now: Date;
}

export interface ValidSurveyResult {
  line: number;
  externalId: string;
  surveyId: string;
  respondedAt: Date;
  csat: number;
  deliveredAsPromised: Delivered;
  nps: number | null;
  leastLiked: string | null;
  /** The customer's words when they were told something untrue (PRODUCT.md §7), else null. */
  untrueClaim: string | null;
}

function wholeNumberIn(value: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

/** One answered survey as the CSV import and the JSON API both hand it over: each field's text, "" when absent. */
export type SurveyResultValues = Record<SurveyResultColumnKey, string>;

/** A problem with one result of a batch: its position (0-based), the field, and why. */
export type SurveyResultProblem = BatchProblem<SurveyResultColumnKey>;

/** A valid result of a batch (a CSV row adds its line). */
export type SurveyResult = Omit<ValidSurveyResult, "line">;

/** Said of a survey the customer answered through its link: the API answers it as a conflict (409). */
export const ANSWERED_THROUGH_LINK = "The customer already answered this survey through its link; that answer is kept.";

/** The one check of a batch of survey results (BatchValuesCheck), shared by the CSV import and the JSON API. */
export const checkSurveyResultValues = batchValuesCheck<SurveyResultColumnKey, SurveyResultLookups, SurveyResult>(
  (values, lookups, { problem, repeatOf }) => {
    let survey: SurveyFacts | null = null;
    if (values.externalId === "") problem("externalId", "Is empty.");
    else {
      const repeat = repeatOf(values.externalId);
      if (repeat !== null)
        problem("externalId", `"${values.externalId}" is also ${repeat}; each survey may appear once.`);
      const found = lookups.deals.get(values.externalId);
      const teamIds = lookups.teamIds;
      // Another team's deal reads exactly like no deal at all: the importer learns nothing of it.
      const elsewhere = teamIds !== null && found != null && (found.teamId === null || !teamIds.includes(found.teamId));
      if (found === undefined || elsewhere)
        problem("externalId", `No deal has the external id "${values.externalId}".`);
      else if (found === null)
        problem("externalId", `Deal "${values.externalId}" has no survey: only WON deals are surveyed.`);
      else if (found.source === "LINK") {
        problem("externalId", ANSWERED_THROUGH_LINK);
      } else survey = found;
    }

    const respondedAt = values.respondedAt === "" ? null : parseImportDate(values.respondedAt);
    if (values.respondedAt === "") problem("respondedAt", "Is empty.");
    else if (respondedAt === null) problem("respondedAt", `"${values.respondedAt}" is not a date (use YYYY-MM-DD).`);
    else if (respondedAt.getTime() > lookups.now.getTime() + 24 * 3600_000)
      problem("respondedAt", `${values.respondedAt} is in the future.`);

    const csat = wholeNumberIn(values.csat, 1, 5);
    if (values.csat === "") problem("csat", "Is empty.");
    else if (csat === null) problem("csat", `"${values.csat}" is not a whole number from 1 to 5.`);

    const delivered = values.delivered.toUpperCase();
    if (values.delivered === "") problem("delivered", "Is empty; use YES, PARTLY or NO.");
    else if (!isDelivered(delivered)) problem("delivered", `"${values.delivered}" is not YES, PARTLY or NO.`);

    const nps = values.nps === "" ? null : wholeNumberIn(values.nps, 0, 10);
    if (values.nps !== "" && nps === null) problem("nps", `"${values.nps}" is not a whole number from 0 to 10.`);

    if (values.comment.length > LEAST_LIKED_MAX) problem("comment", `Is longer than ${LEAST_LIKED_MAX} characters.`);
    const untrueClaim = untrueClaimAnswer(values.untrueClaim);
    if (untrueClaim !== null && untrueClaim.length > UNTRUE_CLAIM_MAX)
      problem("untrueClaim", `Is longer than ${UNTRUE_CLAIM_MAX} characters.`);

    if (!survey || !respondedAt || csat === null || !isDelivered(delivered)) return null;
    return {
      externalId: values.externalId,
      surveyId: survey.surveyId,
      respondedAt,
      csat,
      deliveredAsPromised: delivered,
      nps,
      leastLiked: values.comment === "" ? null : values.comment,
      untrueClaim,
    };
  },
);

/** The survey results file's steps (csvImport): the rows go through checkSurveyResultValues. */
export const { checkRows: checkSurveyResultRows, check: checkSurveyResultsImport } = csvImport(
  SURVEY_RESULT_COLUMNS,
  checkSurveyResultValues,
);
