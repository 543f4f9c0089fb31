// The demo's company: the name its customers know, shown on the six-month survey page.
export const DEMO_COMPANY_NAME = "Brightwater Software";
