import type { CompStatement } from "../app/generated/prisma/client.ts";
import type { LockedPeriod } from "./generate/comp.ts";

// The demo must tell its two central stories in the locked periods' statements: the honest
// performer is paid above target (M > 1.0); the over-promiser is capped by the HIGH-severity
// gate and paid less than her. The seed prints these figures and any broken expectation.

export interface StoryCheck {
  email: string;
  period: string;
  accuracy: number;
  quiz: number | null;
  satisfaction: number;
  composite: number;
  multiplier: number;
  gates: string[];
}

export const HONEST_EMAIL = "sales@candor.test";
export const OVERPROMISER_EMAIL = "overpromiser@candor.test";

function gateNames(detailJson: string): string[] {
  const detail: unknown = JSON.parse(detailJson);
  if (typeof detail !== "object" || detail === null || !("gates" in detail) || !Array.isArray(detail.gates)) return [];
  return detail.gates.flatMap((gate: unknown) =>
    typeof gate === "object" && gate !== null && "name" in gate && typeof gate.name === "string" ? [gate.name] : [],
  );
}

export function storyChecks(
  users: readonly { id: string; email: string }[],
  statements: readonly CompStatement[],
  locked: readonly LockedPeriod[],
): StoryCheck[] {
  const checks: StoryCheck[] = [];
  for (const email of [HONEST_EMAIL, OVERPROMISER_EMAIL]) {
    const user = users.find((u) => u.email === email);
    if (user === undefined) continue;
    for (const { row } of locked) {
      const statement = statements.find((s) => s.userId === user.id && s.periodId === row.id);
      if (statement === undefined) continue;
      const { accuracy, quiz, satisfaction, composite, multiplier } = statement;
      checks.push({ email, period: row.name, accuracy, quiz, satisfaction, composite, multiplier, gates: gateNames(statement.detailJson) });
    }
  }
  return checks;
}

/** The expectations the demo's stories rely on; empty when they all hold. */
export function storyProblems(checks: readonly StoryCheck[]): string[] {
  const problems: string[] = [];
  for (const honest of checks.filter((c) => c.email === HONEST_EMAIL)) {
    const over = checks.find((c) => c.email === OVERPROMISER_EMAIL && c.period === honest.period);
    if (honest.multiplier <= 1) problems.push(`${honest.period}: the honest performer's multiplier ${honest.multiplier} is not above 1.0`);
    if (over === undefined) continue;
    if (!over.gates.includes("HIGH_SEVERITY_INACCURATE")) problems.push(`${over.period}: the over-promiser's HIGH-severity gate did not fire`);
    if (over.multiplier >= honest.multiplier) problems.push(`${over.period}: the over-promiser's multiplier is not below the honest performer's`);
  }
  return problems;
}
