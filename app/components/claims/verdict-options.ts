import { VERDICT_STATUSES } from "../../domain/claim-rules.ts";
import { claimStatusLabel, SEVERITIES, severityLabel } from "../../domain/levels.ts";

export const VERDICT_OPTIONS = VERDICT_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) }));
export const SEVERITY_OPTIONS = SEVERITIES.map((severity) => ({ value: severity, label: severityLabel(severity) }));
export const SEVERITY_HINT = "High: material to the customer's decision. Not needed when the claim is unverifiable.";
export const NOTE_HINT = "Required for anything but Accurate: what is true, and what the customer was told.";
