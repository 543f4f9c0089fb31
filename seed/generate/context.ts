import type { Question, Quiz } from "../../app/generated/prisma/client.ts";
import type { Archetype, SalesProfile } from "../content/profiles.ts";
import type { QuestionSpec } from "../content/types.ts";
import type { Rng } from "../random.ts";
import type { PoolAccount } from "./accounts.ts";
import type { CatalogProduct } from "./catalog.ts";
import type { Timeline } from "./timeline.ts";

// What every per-salesperson generator needs to know about the world it writes into.

export interface SeedPerson {
  id: string;
  name: string;
  teamId: string;
  managerIds: readonly string[];
  archetype: Archetype;
  profile: SalesProfile;
  productWeights: readonly (readonly [CatalogProduct, number])[];
  targetBonusCents: number;
  /** Employed from (inclusive) and until (exclusive; null while still employed). */
  activeFrom: Date;
  activeUntil: Date | null;
}

export interface BankQuestion {
  row: Question;
  spec: QuestionSpec;
  /** Drawn into attempts from createdAt until it was flagged (NEEDS_REVIEW) or forever. */
  flaggedAt: Date | null;
}

export interface QuizModel {
  row: Quiz;
  product: CatalogProduct;
  bank: BankQuestion[];
}

export interface SeedContext {
  timeline: Timeline;
  catalog: readonly CatalogProduct[];
  engineerIds: readonly string[];
  accounts: readonly PoolAccount[];
  quizzes: readonly QuizModel[];
  ids: Rng;
  /** Sequential CRM numbers, so externalIds are unique and read like a CRM's. */
  nextDealNumber: () => number;
}

/** A person's end of employment, or the reference date while they are still employed. */
export function activeEnd(person: SeedPerson, ctx: SeedContext): Date {
  return person.activeUntil ?? ctx.timeline.now;
}
