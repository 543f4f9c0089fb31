// How a salesperson behaves, as numbers the generators draw from. The archetypes are the
// stories the dashboard must tell at a glance (PRODUCT.md §6).

export interface SalesProfile {
  /** Share of matrix claims that tell the customer more than the matrix says. */
  overstate: number;
  /** The overstate share reached by today, for people who improve after coaching. */
  overstateLate?: number;
  /** Share of matrix claims that tell the customer less than the matrix says. */
  understate: number;
  /** Share of claims about things the matrix has no row for. */
  offMatrix: number;
  claimsPerMonth: number;
  /** Share of claims made on a deal in flight rather than to a prospect not yet in the CRM (default 0.8). */
  dealClaimShare?: number;
  /** Probability of answering a quiz question right. */
  quizSkill: number;
  /** Baseline customer happiness six months after the close, 0–1. */
  happiness: number;
  /** Multiplier on the product's typical deal size. */
  dealScale: number;
  dealsPerQuarter: number;
  winRate: number;
  /** Share of overstated claims the verifier rates HIGH severity. */
  highSeverity: number;
  /**
   * Tells nearly every customer more than the product does, logged or not, so none of his
   * customers answers that the product did everything he said it would.
   */
  overpromisesEveryDeal?: boolean;
}

export type Archetype =
  "HONEST" | "OVERPROMISER" | "SOLID" | "AVERAGE" | "CAUTIOUS" | "SLOPPY" | "IMPROVER" | "NEWCOMER";

export const ARCHETYPES: Readonly<Record<Archetype, SalesProfile>> = {
  // Logs what she tells customers, on the deal she told them.
  HONEST: {
    overstate: 0.02,
    understate: 0.03,
    offMatrix: 0.04,
    claimsPerMonth: 9,
    dealClaimShare: 0.9,
    quizSkill: 0.93,
    happiness: 0.92,
    dealScale: 1.2,
    dealsPerQuarter: 4.5,
    winRate: 0.65,
    highSeverity: 0,
  },
  // Logs few claims himself, and rarely on the deals that matter (PRODUCT.md §7): his
  // conversations and his customers' answers tell the rest.
  OVERPROMISER: {
    overstate: 0.78,
    understate: 0.01,
    offMatrix: 0.06,
    claimsPerMonth: 3,
    dealClaimShare: 0.1,
    quizSkill: 0.45,
    happiness: 0.22,
    dealScale: 3.4,
    dealsPerQuarter: 4.5,
    winRate: 0.7,
    highSeverity: 0.55,
    overpromisesEveryDeal: true,
  },
  SOLID: {
    overstate: 0.07,
    understate: 0.05,
    offMatrix: 0.05,
    claimsPerMonth: 8,
    quizSkill: 0.85,
    happiness: 0.8,
    dealScale: 1.1,
    dealsPerQuarter: 2.8,
    winRate: 0.55,
    highSeverity: 0.15,
  },
  AVERAGE: {
    overstate: 0.15,
    understate: 0.05,
    offMatrix: 0.06,
    claimsPerMonth: 7,
    quizSkill: 0.76,
    happiness: 0.66,
    dealScale: 1,
    dealsPerQuarter: 2.5,
    winRate: 0.48,
    highSeverity: 0.2,
  },
  CAUTIOUS: {
    overstate: 0.03,
    understate: 0.3,
    offMatrix: 0.04,
    claimsPerMonth: 6,
    quizSkill: 0.84,
    happiness: 0.78,
    dealScale: 0.8,
    dealsPerQuarter: 2.1,
    winRate: 0.4,
    highSeverity: 0.1,
  },
  SLOPPY: {
    overstate: 0.27,
    understate: 0.06,
    offMatrix: 0.09,
    claimsPerMonth: 8,
    quizSkill: 0.64,
    happiness: 0.5,
    dealScale: 1.3,
    dealsPerQuarter: 2.8,
    winRate: 0.5,
    highSeverity: 0.3,
  },
  IMPROVER: {
    overstate: 0.38,
    overstateLate: 0.06,
    understate: 0.04,
    offMatrix: 0.06,
    claimsPerMonth: 8,
    quizSkill: 0.78,
    happiness: 0.62,
    dealScale: 1.2,
    dealsPerQuarter: 2.8,
    winRate: 0.5,
    highSeverity: 0.25,
  },
  NEWCOMER: {
    overstate: 0.12,
    understate: 0.08,
    offMatrix: 0.1,
    claimsPerMonth: 5,
    quizSkill: 0.72,
    happiness: 0.7,
    dealScale: 0.7,
    dealsPerQuarter: 2.1,
    winRate: 0.35,
    highSeverity: 0.15,
  },
};
