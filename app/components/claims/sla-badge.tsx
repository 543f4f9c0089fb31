import { VERIFICATION_TARGET_WORKING_DAYS, type VerificationAge } from "../../domain/claim-rules.ts";

const plural = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;

/** Age in working days against the 3-working-day verification target. */
export function SlaBadge({ age }: { age: VerificationAge }) {
  if (age.state === "overdue") {
    return <span className="badge bad">Overdue · {plural(age.workingDays)}</span>;
  }
  if (age.state === "due-today") return <span className="badge warn">Due today</span>;
  return (
    <span className="badge good">
      Within target · {age.workingDays} of {VERIFICATION_TARGET_WORKING_DAYS}
    </span>
  );
}
