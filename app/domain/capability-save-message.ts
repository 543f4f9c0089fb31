// The sentence an engineer reads after saving a capability (PRODUCT.md §1 Capability, Question):
// what the save set in motion — quiz questions taken out of quizzes until re-approved, and open
// claims that the matrix now contradicts — so they know what to follow up.

export interface CapabilitySaveOutcome {
  saved: boolean;
  factsChanged: boolean;
  questionsToReview: number;
  openClaimsAffected: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function capabilitySavedMessage(outcome: CapabilitySaveOutcome): string {
  if (!outcome.saved) return "Nothing had changed, so nothing was saved.";
  if (!outcome.factsChanged) return "Saved.";
  const questions =
    outcome.questionsToReview === 0
      ? "no quiz question needed review"
      : `${count(outcome.questionsToReview, "quiz question", "quiz questions")} moved to review (not asked until an engineer re-approves ${outcome.questionsToReview === 1 ? "it" : "them"})`;
  const claims =
    outcome.openClaimsAffected === 0
      ? "no open claim is affected"
      : `${count(outcome.openClaimsAffected, "open claim was", "open claims were")} made when the matrix said something else (listed on this page)`;
  return `Saved as a new revision: ${questions}, and ${claims}.`;
}
