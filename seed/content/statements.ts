import type { CapabilityStatus, Channel } from "../../app/generated/prisma/enums.ts";

// What salespeople say, by the level they assert. {action} completes "you can …", {Action}
// starts a sentence, {product} is the product name and {conditions} the matrix's limitations.

export const STATEMENT_TEMPLATES: Readonly<Record<CapabilityStatus, readonly string[]>> = {
  SUPPORTED: [
    "Yes, you can {action} today, out of the box.",
    "{Action}? Fully supported, no add-ons needed.",
    "We support that: you can {action} in every edition of {product}.",
    "Your team will be able to {action} from day one.",
    "That's standard in {product}; you can {action} without any services work.",
    "Absolutely. Plenty of our customers {action} already.",
  ],
  PARTIAL: [
    "You can {action}, with limits: {conditions}.",
    "Partly. You can {action}, with this limitation: {conditions}.",
    "It works with conditions ({conditions}), so check that fits before you commit.",
    "Short answer yes, long answer: {conditions}.",
  ],
  ROADMAP: [
    "Not today. The ability to {action} is on the roadmap, but there's no committed date.",
    "Engineering plans to let you {action}; it's on the roadmap, not in the product yet.",
    "That's on the {product} roadmap. I can't promise a quarter.",
  ],
  NOT_SUPPORTED: [
    "No, {product} doesn't let you {action} today.",
    "Honestly, you can't {action} with {product}; most customers use a workaround.",
    "That isn't supported, and I don't want to pretend otherwise.",
  ],
};

/** The over-promiser's extra flourishes when he tells the customer more than the matrix says. */
export const BOLD_TEMPLATES: readonly string[] = [
  "Trust me, you can {action}. Our biggest customers do it every day.",
  "{Action}? Done. It's all there, no limits at all.",
  "We'll have you able to {action} before go-live, guaranteed.",
  "Whatever you need there, {product} does it: you can {action}, no caveats.",
];

export const EVIDENCE_BY_CHANNEL: Readonly<Record<Channel, readonly string[]>> = {
  CALL: ["Call notes in CRM", "Gong recording, minute {n}", ""],
  EMAIL: ["Email to the customer, paragraph {n}", "Follow-up email after the call", ""],
  DEMO: ["Said during the live demo", "Demo recording, minute {n}", ""],
  MEETING: ["On-site meeting notes", "Said in the steering meeting", ""],
  RFP: ["RFP answer {n}", "Security questionnaire row {n}"],
  CHAT: ["Slack Connect thread", "Chat transcript", ""],
};

export const OBSERVED_EVIDENCE: readonly string[] = [
  "I joined the call as the sales engineer and heard this.",
  "Heard in the technical deep-dive; the customer wrote it down.",
  "Customer repeated this to support after go-live.",
  "On the recording at minute {n}.",
];
