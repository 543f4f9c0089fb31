import { addDays } from "./dates.ts";
import { CAPABILITY_LEVELS, levelLabel, type CapabilityLevel } from "./levels.ts";

// Quiz questions drawn straight from the capability matrix (PRODUCT.md §1 Quiz
// .includeMatrixQuestions): "what is the accurate answer to a customer?" is the knowledge the
// product pays for. Only rows verified within their review cycle are asked about, so a quiz
// never teaches an answer engineering has not recently confirmed.

export interface MatrixQuestion {
  capabilityId: string;
  type: "SINGLE";
  prompt: string;
  /** The four level labels, always in the order of CAPABILITY_LEVELS. */
  choices: string[];
  /** The index of the capability's current status in `choices`. */
  correct: number[];
  explanation: string;
}

export function matrixQuestionsFor(
  productName: string,
  capabilities: Array<{
    id: string;
    title: string;
    status: CapabilityLevel;
    conditions: string;
    verifiedAt: Date | null;
  }>,
  now: Date,
  reviewCycleDays: number,
): MatrixQuestion[] {
  // Fixed order, so choice positions mean the same in every question and every snapshot.
  const choices = CAPABILITY_LEVELS.map(levelLabel);
  return capabilities
    .filter((c) => c.verifiedAt !== null && now.getTime() <= addDays(c.verifiedAt, reviewCycleDays).getTime())
    .map((capability) => {
      const conditions = capability.conditions.trim();
      return {
        capabilityId: capability.id,
        type: "SINGLE",
        prompt: `A customer asks whether ${productName} supports ${capability.title}: what is the accurate answer?`,
        choices: [...choices],
        correct: [CAPABILITY_LEVELS.indexOf(capability.status)],
        explanation:
          conditions === ""
            ? `${levelLabel(capability.status)}: engineering lists no conditions or limitations.`
            : conditions,
      };
    });
}
