import { utcTimeLabel } from "./capability-changes.ts";
import { levelLabel, type CapabilityLevel } from "./levels.ts";

// "Ask before you claim" (PRODUCT.md §1 EngineerQuestion): the rules the pages and the model
// share — how old a question reads, what an answer's capability update changes, and the
// sentence a second answerer sees.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long a question has waited, in the unit a person would use: "40 minutes", "5 hours", "3 days". */
export function questionAge(askedAt: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - askedAt.getTime());
  if (elapsed < HOUR) {
    const minutes = Math.floor(elapsed / 60_000);
    return minutes < 1 ? "just now" : plural(minutes, "minute");
  }
  if (elapsed < DAY) return plural(Math.floor(elapsed / HOUR), "hour");
  return plural(Math.floor(elapsed / DAY), "day");
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

export interface CapabilityFacts {
  status: CapabilityLevel;
  conditions: string;
}

/**
 * What an answer's "update the capability too" would change, one phrase per changed fact, e.g.
 * ["status: Partial → Supported", "new conditions"]. Empty when the proposal says what the matrix
 * already says: such an update would write no revision, so the form refuses it rather than
 * pretend the matrix moved. Conditions are compared trimmed, as they are stored.
 */
export function capabilityChanges(current: CapabilityFacts, proposed: CapabilityFacts): string[] {
  const changes: string[] = [];
  if (current.status !== proposed.status)
    changes.push(`status: ${levelLabel(current.status)} → ${levelLabel(proposed.status)}`);
  if (current.conditions.trim() !== proposed.conditions.trim()) changes.push("new conditions");
  return changes;
}

/**
 * The plain sentence for a second answer: the first one stands (PRODUCT.md §6, nothing is
 * overwritten silently). The time is given in UTC because the sentence is written on the server.
 */
export function alreadyAnsweredMessage(answeredBy: string | null, answeredAt: Date | null): string {
  const who = answeredBy ?? "Another engineer";
  if (!answeredAt) return `${who} has already answered this question; their answer stands.`;
  return `${who} already answered this question on ${utcTimeLabel(answeredAt)}; their answer stands.`;
}
