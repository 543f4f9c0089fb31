import type { CapabilityStatus } from "../../app/generated/prisma/enums.ts";

// Customers' answers to the six-month survey's "Was there anything our salesperson told you that
// turned out not to be true? What?" (PRODUCT.md §7), by product. `capability` and `told` are what
// the engineer who maps the report decides it was about and what the customer was told; an
// answer is used only when it overstates the matrix row in force when the deal closed.

export interface UntrueClaimSpec {
  capability: string;
  told: CapabilityStatus;
  words: string;
}

export const UNTRUE_CLAIMS: Readonly<Record<string, readonly UntrueClaimSpec[]>> = {
  ledgerline: [
    {
      capability: "scim-provisioning",
      told: "SUPPORTED",
      words:
        "They told us SAML and user provisioning worked with Okta out of the box. It took three months and a consultant, and roles are still set by hand.",
    },
    {
      capability: "excel-export",
      told: "SUPPORTED",
      words:
        "We were told the exports would open in our Excel 2003 macros. They are .xlsx only; we had to replace eleven machines.",
    },
    {
      capability: "realtime-dashboards",
      told: "SUPPORTED",
      words: "The salesperson said the dashboards were real time during close. They refresh every 15 minutes.",
    },
    {
      capability: "sap-connector",
      told: "SUPPORTED",
      words:
        "We were promised a direct connection to our SAP ECC system. It only works with S/4HANA Cloud, so we still upload files every night.",
    },
    {
      capability: "intercompany-elimination",
      told: "SUPPORTED",
      words:
        "Intercompany eliminations were supposed to be fully automatic. Our many-to-many matches still need manual journals every month.",
    },
    {
      capability: "reporting-api",
      told: "SUPPORTED",
      words: "We were told we could load budgets through the API. The API is read-only.",
    },
    {
      capability: "ai-variance-commentary",
      told: "SUPPORTED",
      words: "The AI commentary was shown to us as if it were in the product. It isn't available.",
    },
    {
      capability: "on-premises",
      told: "ROADMAP",
      words:
        "We were told an on-premises version was coming for our regulated entity. Support says there is no such plan.",
    },
    {
      capability: "sso-saml",
      told: "SUPPORTED",
      words:
        "We were told single sign-on worked with any identity provider. With PingFederate it didn't, and we waited months for the fix.",
    },
  ],
  relay: [
    {
      capability: "salesforce-sync",
      told: "SUPPORTED",
      words:
        "We were told Salesforce sync was instant in both directions. It takes up to five minutes and our agents noticed within a week.",
    },
    {
      capability: "exactly-once",
      told: "SUPPORTED",
      words: "We were promised exactly-once delivery. We posted duplicate invoices in the first month.",
    },
    {
      capability: "hipaa-baa",
      told: "SUPPORTED",
      words:
        "The salesperson said Relay would sign a BAA. Legal found out at contract stage that it won't, so our clinic data stays out.",
    },
    {
      capability: "edi-x12",
      told: "SUPPORTED",
      words: "EDI was supposed to be supported. It isn't, and we still pay our VAN.",
    },
    {
      capability: "high-throughput",
      told: "SUPPORTED",
      words: "We were told throughput was unlimited. We hit the cap of 2,000 messages a second on Black Friday.",
    },
    { capability: "graphql-api", told: "SUPPORTED", words: "We were told there was a GraphQL API. There isn't one." },
  ],
  fieldbook: [
    {
      capability: "offline-mode",
      told: "SUPPORTED",
      words:
        "We were told the app works fully offline. Parts lookup needs a connection, which is exactly what our technicians need in basements.",
    },
    {
      capability: "white-label",
      told: "SUPPORTED",
      words: "We were promised our own branded app in the app stores. We got our logo and colours, nothing more.",
    },
    {
      capability: "sap-fsm",
      told: "SUPPORTED",
      words:
        "They said it integrates with SAP Field Service Management. It needs a custom integration project we did not budget for.",
    },
    {
      capability: "route-optimisation",
      told: "SUPPORTED",
      words:
        "Route optimisation with live traffic was promised. There is no traffic data and it stops at 25 jobs a day.",
    },
    {
      capability: "ar-remote-assist",
      told: "SUPPORTED",
      words: "AR remote assistance was part of the pitch. It turned out to be a pilot we cannot join.",
    },
  ],
};

/** What the engineer writes when the customer's report holds up against the matrix. */
export const CUSTOMER_VERDICT_NOTES: Readonly<Record<"INACCURATE" | "PARTIALLY_ACCURATE", readonly string[]>> = {
  INACCURATE: [
    "The customer is right: {title} is {level} ({conditions}). What they were told was not true.",
    "Confirmed with the customer's admin: {title} is {level}. The promise was never true.",
    "Customer report holds up: {conditions}.",
  ],
  PARTIALLY_ACCURATE: [
    "Partly fair to the salesperson: {title} is {level}, but the limits ({conditions}) were not mentioned.",
  ],
};
