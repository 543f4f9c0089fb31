import { MS_PER_DAY, addDays } from "../../app/domain/dates.ts";
import type { CandidateClaim } from "../../app/generated/prisma/client.ts";
import type { CapabilityStatus, DismissReason } from "../../app/generated/prisma/enums.ts";
import type { Rng } from "../random.ts";
import type { CatalogProduct } from "./catalog.ts";
import { judgeClaim, type GeneratedClaim } from "./claims.ts";
import type { SeedContext, SeedPerson } from "./context.ts";
import {
  candidateRow,
  confirmedClaim,
  emptyConversationRows,
  importConversation,
  verifierOf,
  type ConversationRows,
} from "./conversations.ts";
import type { GeneratedDeal } from "./deals.ts";
import { capitalise } from "./text.ts";
import { instantBetween, laterBy } from "./timeline.ts";

// Generated conversations for the scale seed (PRODUCT.md §6, §7): plain `Speaker: words`
// transcripts of a salesperson answering a customer's questions about the deal's product, in
// the words the capabilities' phrases name, imported through the same parser and matcher as a
// real file. What the salesperson asserts follows their profile (over-promisers overstate).

const ASSERTIONS: Readonly<Record<CapabilityStatus, readonly string[]>> = {
  SUPPORTED: [
    "Yes, {P} works out of the box.",
    "{P} is fully supported today.",
    "You get {P} as standard, nothing extra to buy.",
    "Absolutely, {P} is there for every customer.",
  ],
  PARTIAL: [
    "{P} works with some limits, and I'll send you the details.",
    "{P} covers the standard cases only.",
    "We support {P} partially today.",
  ],
  NOT_SUPPORTED: [
    "We don't support {P} today.",
    "{P} is not something we offer.",
    "I have to be straight with you: we can't do {P}.",
  ],
  ROADMAP: [
    "{P} is coming next quarter.",
    "{P} is on the roadmap.",
    "Engineering has {P} planned for a later release.",
  ],
};

const QUESTIONS = [
  "Do you support {P}?",
  "How does {P} work for a team like ours?",
  "What about {P}?",
  "Our auditors will ask about {P}. Where do you stand?",
  "Is {P} something we get on day one?",
];
const SALES_SMALL_TALK = [
  "Thanks for making the time today.",
  "Let me share my screen for a second.",
  "Happy to put all of this in writing after the call.",
  "That's a great question.",
  "I'll loop in our solutions engineer.",
];
const CUSTOMER_SMALL_TALK = [
  "Okay, that helps.",
  "Makes sense.",
  "Let me check that with our IT team.",
  "Good, that was on our list.",
  "Can you send that in the summary?",
];

function overstated(truth: CapabilityStatus, rng: Rng): CapabilityStatus {
  if (truth === "SUPPORTED") return "SUPPORTED";
  if (truth === "PARTIAL") return "SUPPORTED";
  return rng.chance(0.7) ? "SUPPORTED" : truth === "NOT_SUPPORTED" ? "ROADMAP" : "PARTIAL";
}

/**
 * A call of `turns` question-and-answer exchanges about `product`, as plain text. `truthAt` gives
 * the level in force for a capability key; `overstate` is the share of answers that tell more.
 */
export function generatedTranscript(
  rng: Rng,
  salesperson: string,
  customer: string,
  product: CatalogProduct,
  turns: number,
  overstate: number,
  truthAt: (key: string) => CapabilityStatus | null,
): string {
  const lines: string[] = [
    `${salesperson}: ${rng.pick(SALES_SMALL_TALK)}`,
    `${customer}: ${rng.pick(CUSTOMER_SMALL_TALK)}`,
  ];
  for (let turn = 0; turn < turns; turn++) {
    const capability = rng.pick(product.capabilities);
    const phrase = rng.chance(0.3) ? capability.spec.title : rng.pick(capability.spec.phrases);
    const truth = truthAt(capability.spec.key) ?? "SUPPORTED";
    const asserted = rng.chance(overstate) ? overstated(truth, rng) : truth;
    const say = (template: string) => template.replace("{P}", phrase);
    lines.push(`${customer}: ${capitalise(say(rng.pick(QUESTIONS)))}`);
    lines.push(
      `${salesperson}: ${capitalise(say(rng.pick(ASSERTIONS[asserted])))}${rng.chance(0.3) ? ` ${rng.pick(SALES_SMALL_TALK)}` : ""}`,
    );
    if (rng.chance(0.4)) lines.push(`${customer}: ${rng.pick(CUSTOMER_SMALL_TALK)}`);
  }
  return `${lines.join("\n")}\n`;
}

const DISMISSALS: readonly (readonly [DismissReason, string])[] = [
  ["NOT_A_CLAIM", "Small talk, not a statement about the product."],
  ["CUSTOMER_SAID_IT", "I was repeating the customer's question."],
  ["OTHER_CAPABILITY", "This is about another capability."],
  ["OTHER", "Corrected later in the same call."],
];

export interface GeneratedConversations {
  rows: ConversationRows;
  claims: GeneratedClaim[];
}

/** `count` conversations on the person's deals, imported and decided as the product's 7-day rule has it. */
export function generateConversations(
  person: SeedPerson,
  deals: readonly GeneratedDeal[],
  count: number,
  ctx: SeedContext,
  rng: Rng,
  ids: Rng,
): GeneratedConversations {
  const { now } = ctx.timeline;
  const out: GeneratedConversations = { rows: emptyConversationRows(), claims: [] };
  const eligible = deals.filter(
    (deal) => deal.row.status !== "LOST" && deal.openedAt.getTime() < now.getTime() - MS_PER_DAY,
  );
  const overstate = person.profile.overstateLate ?? person.profile.overstate;
  for (let i = 0; i < count && eligible.length > 0; i++) {
    const deal = rng.pick(eligible);
    const until = deal.row.closedAt ?? addDays(now, -0.5);
    const occurredAt = instantBetween(rng, deal.openedAt, until);
    const truthAt = (key: string) => {
      const capability = deal.product.capabilities.find((c) => c.spec.key === key);
      const revisions = capability?.revisions.filter((r) => r.validFrom.getTime() <= occurredAt.getTime()) ?? [];
      return revisions[revisions.length - 1]?.status ?? null;
    };
    const text = generatedTranscript(
      rng,
      person.name,
      deal.row.contactName,
      deal.product,
      rng.int(6, 14),
      overstate,
      truthAt,
    );
    const importedAt = laterBy(rng, occurredAt, 0.05, 3, now);
    const importedById = rng.chance(0.6) ? person.id : (person.managerIds[0] ?? person.id);
    const imported = importConversation(
      {
        text,
        fileName: `call-${deal.row.externalId.toLowerCase()}-${i + 1}.txt`,
        deal,
        salespersonId: person.id,
        speaker: person.name,
        importedById,
        occurredAt,
        importedAt,
      },
      ids,
    );
    out.rows.conversations.push(imported.row);
    out.rows.sentences.push(...imported.sentences);
    const old = now.getTime() - importedAt.getTime() > 7 * MS_PER_DAY;
    for (const { candidate: found, sentenceId } of imported.found) {
      const candidate = candidateRow(imported.row, found, sentenceId, deal.product.id, ids.id());
      out.rows.candidates.push(candidate);
      const roll = rng.float();
      if (old ? roll < 0.12 : roll < 0.7) continue;
      const byManager = old && rng.chance(0.3);
      const decidedById = byManager ? (person.managerIds[0] ?? person.id) : person.id;
      const decidedAt = laterBy(rng, importedAt, byManager ? 7.2 : 0.1, byManager ? 12 : 6, now);
      Object.assign(candidate, { decidedById, decidedAt } satisfies Partial<CandidateClaim>);
      if (rng.chance(0.3)) {
        const [reason, note] = rng.pick(DISMISSALS);
        Object.assign(candidate, {
          status: "DISMISSED",
          dismissReason: reason,
          dismissNote: note,
        } satisfies Partial<CandidateClaim>);
        continue;
      }
      candidate.status = "CONFIRMED";
      const claim = confirmedClaim(imported.row, deal, found, candidate.id, decidedById, decidedAt, ids.id());
      const verifiedAt = laterBy(rng, decidedAt, 0.2, 6, now);
      if (now.getTime() - decidedAt.getTime() > 4 * MS_PER_DAY && verifiedAt.getTime() > decidedAt.getTime()) {
        const over = found.matrixCheck === "OVERSTATES";
        const under = found.matrixCheck === "UNDERSTATES";
        const status = over
          ? rng.chance(0.75)
            ? "INACCURATE"
            : "PARTIALLY_ACCURATE"
          : under
            ? "PARTIALLY_ACCURATE"
            : "ACCURATE";
        const severity =
          status === "INACCURATE" && rng.chance(person.profile.highSeverity)
            ? "HIGH"
            : under
              ? "LOW"
              : rng.chance(0.5)
                ? "MEDIUM"
                : "LOW";
        const note = over
          ? `Promised more than the matrix: ${found.capability.spec.title} is ${found.revision?.status.toLowerCase() ?? "not in the matrix"}.`
          : "Matches the matrix.";
        judgeClaim(claim.row, { status, severity, note }, verifierOf(found.capability, decidedById, ctx), verifiedAt);
      }
      out.claims.push(claim);
    }
  }
  return out;
}
