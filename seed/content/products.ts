import { FIELDBOOK_CAPABILITIES, FIELDBOOK_OFF_MATRIX } from "./fieldbook-matrix.ts";
import { FIELDBOOK_QUESTIONS } from "./fieldbook-quiz.ts";
import { LEDGERLINE_CAPABILITIES, LEDGERLINE_OFF_MATRIX } from "./ledgerline-matrix.ts";
import { LEDGERLINE_QUESTIONS } from "./ledgerline-quiz.ts";
import { RELAY_CAPABILITIES, RELAY_OFF_MATRIX } from "./relay-matrix.ts";
import { RELAY_QUESTIONS } from "./relay-quiz.ts";
import type { ProductContent } from "./types.ts";

export const PRODUCTS: readonly ProductContent[] = [
  {
    name: "Ledgerline",
    slug: "ledgerline",
    description: "Financial reporting and consolidation for multi-entity finance teams.",
    reviewCycleDays: 90,
    capabilities: LEDGERLINE_CAPABILITIES,
    offMatrix: LEDGERLINE_OFF_MATRIX,
    questions: LEDGERLINE_QUESTIONS,
    dealSize: [40_000, 180_000],
    quiz: {
      title: "Ledgerline certification",
      questionCount: 10,
      includeMatrixQuestions: true,
      timeLimitMinutes: 20,
      passMark: 0.75,
      maxAttempts: 3,
      requiredForComp: true,
      certificationDays: 180,
    },
  },
  {
    name: "Relay",
    slug: "relay",
    description: "Integration platform and API gateway connecting SaaS, ERP and on-premises systems.",
    reviewCycleDays: 90,
    capabilities: RELAY_CAPABILITIES,
    offMatrix: RELAY_OFF_MATRIX,
    questions: RELAY_QUESTIONS,
    dealSize: [25_000, 140_000],
    quiz: {
      title: "Relay integration essentials",
      questionCount: 8,
      includeMatrixQuestions: false,
      timeLimitMinutes: 15,
      passMark: 0.7,
      maxAttempts: 3,
      requiredForComp: true,
      certificationDays: 180,
    },
  },
  {
    name: "Fieldbook",
    slug: "fieldbook",
    description: "Mobile field-service app for technicians, dispatchers and service managers.",
    reviewCycleDays: 60,
    capabilities: FIELDBOOK_CAPABILITIES,
    offMatrix: FIELDBOOK_OFF_MATRIX,
    questions: FIELDBOOK_QUESTIONS,
    dealSize: [15_000, 90_000],
    quiz: {
      title: "Fieldbook field guide",
      questionCount: 8,
      includeMatrixQuestions: true,
      timeLimitMinutes: 15,
      passMark: 0.7,
      maxAttempts: 3,
      requiredForComp: false,
      certificationDays: 180,
    },
  },
];
