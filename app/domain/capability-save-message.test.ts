import { describe, expect, it } from "vitest";
import { capabilitySavedMessage } from "./capability-save-message.ts";

const base = { saved: true, factsChanged: true, questionsToReview: 0, openClaimsAffected: 0 };

describe("capabilitySavedMessage", () => {
  it("counts the quiz questions moved to review and the open claims affected", () => {
    expect(capabilitySavedMessage({ ...base, questionsToReview: 3, openClaimsAffected: 5 })).toBe(
      "Saved as a new revision: 3 quiz questions moved to review (not asked until an engineer re-approves them), and 5 open claims were made when the matrix said something else (listed on this page).",
    );
  });

  it("uses the singular for one, and says so when nothing followed", () => {
    expect(capabilitySavedMessage({ ...base, questionsToReview: 1, openClaimsAffected: 1 })).toBe(
      "Saved as a new revision: 1 quiz question moved to review (not asked until an engineer re-approves it), and 1 open claim was made when the matrix said something else (listed on this page).",
    );
    expect(capabilitySavedMessage(base)).toBe(
      "Saved as a new revision: no quiz question needed review, and no open claim is affected.",
    );
  });

  it("keeps the short messages when only other fields changed, or nothing did", () => {
    expect(capabilitySavedMessage({ ...base, factsChanged: false })).toBe("Saved.");
    expect(capabilitySavedMessage({ ...base, saved: false, factsChanged: false })).toBe(
      "Nothing had changed, so nothing was saved.",
    );
  });
});
