import type { ClaimStatus, Severity } from "../../app/generated/prisma/enums.ts";
import type { SalesProfile } from "../content/profiles.ts";
import { OFF_MATRIX_NOTES, UNDERSTATED_NOTES, VERDICT_NOTES } from "../content/verdicts.ts";
import type { Rng } from "../random.ts";
import { fill } from "./text.ts";

// What the verifying engineer decides, given how the claim compares with the truth. Overstated
// claims are mostly inaccurate or partly so; consistent ones are accurate; understated ones are
// wrong in the harmless direction and rated low.

export type Relation = "over" | "under" | "equal";

type Decided = Exclude<ClaimStatus, "PENDING">;

export interface Verdict {
  status: ClaimStatus;
  severity: Severity | null;
  note: string;
}

const BIG_DEAL_CENTS = 25_000_000;

function overstatedSeverity(profile: SalesProfile, amountCents: number | null, rng: Rng): Severity {
  // The honest performer's rare slips are never material: their story is pay above target.
  if (profile.highSeverity === 0) return rng.chance(0.4) ? "MEDIUM" : "LOW";
  const high = profile.highSeverity + (amountCents !== null && amountCents >= BIG_DEAL_CENTS ? 0.15 : 0);
  if (rng.chance(high)) return "HIGH";
  return rng.chance(0.6) ? "MEDIUM" : "LOW";
}

/** What the engineer knew: the row in force (empty conditions when none) or an off-matrix answer. */
export interface VerdictFacts {
  offMatrix: boolean;
  vars: Readonly<{ title: string; level: string; conditions: string }>;
}

/** A row without conditions cannot be quoted for them. */
function fillUsable(templates: readonly string[], facts: VerdictFacts, rng: Rng): string {
  const usable = facts.vars.conditions === "" ? templates.filter((t) => !t.includes("{conditions}")) : templates;
  return fill(rng.pick(usable.length > 0 ? usable : templates), facts.vars, rng);
}

function noteFor(status: Decided, facts: VerdictFacts, rng: Rng): string {
  return fillUsable(facts.offMatrix ? OFF_MATRIX_NOTES[status] : VERDICT_NOTES[status], facts, rng);
}

export function decideVerdict(
  relation: Relation,
  profile: SalesProfile,
  amountCents: number | null,
  facts: VerdictFacts,
  rng: Rng,
): Verdict {
  const note = (status: Decided) => noteFor(status, facts, rng);
  if (relation === "equal") {
    const status = rng.weighted<Decided>([
      ["ACCURATE", 90],
      ["PARTIALLY_ACCURATE", 6],
      ["UNVERIFIABLE", 4],
    ]);
    if (status === "UNVERIFIABLE") return { status, severity: null, note: note(status) };
    const severity =
      status === "PARTIALLY_ACCURATE"
        ? "LOW"
        : rng.weighted<Severity>([
            ["LOW", 45],
            ["MEDIUM", 40],
            ["HIGH", 15],
          ]);
    return { status, severity, note: note(status) };
  }
  if (relation === "under") {
    const status = rng.weighted<Decided>([
      ["ACCURATE", 25],
      ["PARTIALLY_ACCURATE", 45],
      ["INACCURATE", 30],
    ]);
    const text = status === "ACCURATE" || facts.offMatrix ? note(status) : fillUsable(UNDERSTATED_NOTES, facts, rng);
    return { status, severity: rng.chance(0.85) ? "LOW" : "MEDIUM", note: text };
  }
  const status = rng.weighted<Decided>([
    ["INACCURATE", 72],
    ["PARTIALLY_ACCURATE", 23],
    ["ACCURATE", 3],
    ["UNVERIFIABLE", 2],
  ]);
  if (status === "UNVERIFIABLE") return { status, severity: null, note: note(status) };
  if (status === "INACCURATE")
    return { status, severity: overstatedSeverity(profile, amountCents, rng), note: note(status) };
  return { status, severity: rng.chance(0.5) ? "MEDIUM" : "LOW", note: note(status) };
}

/** The verdict a manager sets when overturning a disputed one. */
export function overturned(status: ClaimStatus): ClaimStatus {
  return status === "INACCURATE" ? "PARTIALLY_ACCURATE" : "ACCURATE";
}
