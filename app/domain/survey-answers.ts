// Limits of the customer's survey answers, shared by the public survey form (in the browser) and
// the results import. Kept apart from survey-results-import.ts so the survey page's browser
// bundle does not carry the CSV reader, whose parser needs Node's Buffer.

/** "What do you like least?": the longest answer kept. */
export const LEAST_LIKED_MAX = 2000;
