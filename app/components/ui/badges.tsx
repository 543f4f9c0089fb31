import {
  claimStatusLabel,
  levelLabel,
  matrixCheckLabel,
  type CapabilityLevel,
  type ClaimStatus,
  type MatrixCheckResult,
} from "../../domain/levels.ts";
import { NOT_STATED_YET } from "../../domain/customer-claims.ts";

const STATUS_TONE: Record<ClaimStatus, string> = {
  PENDING: "info",
  ACCURATE: "good",
  PARTIALLY_ACCURATE: "warn",
  INACCURATE: "bad",
  UNVERIFIABLE: "",
};

const CHECK_TONE: Record<MatrixCheckResult, string> = {
  CONSISTENT: "good",
  OVERSTATES: "bad",
  UNDERSTATES: "warn",
  NO_MATRIX_ROW: "",
  MATRIX_STALE: "warn",
};

const LEVEL_TONE: Record<CapabilityLevel, string> = {
  SUPPORTED: "good",
  PARTIAL: "warn",
  NOT_SUPPORTED: "bad",
  ROADMAP: "info",
};

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`}>{claimStatusLabel(status)}</span>;
}

export function MatrixCheckBadge({ check }: { check: MatrixCheckResult }) {
  return <span className={`badge ${CHECK_TONE[check]}`}>{matrixCheckLabel(check)}</span>;
}

export function LevelBadge({ level }: { level: CapabilityLevel }) {
  return <span className={`badge ${LEVEL_TONE[level]}`}>{levelLabel(level)}</span>;
}

/** What the customer was told; a customer's report nobody has mapped yet says so (PRODUCT.md §7). */
export function AssertedLevelBadge({ level }: { level: CapabilityLevel | null }) {
  return level === null ? <span className="muted">{NOT_STATED_YET}</span> : <LevelBadge level={level} />;
}

/** Whether a person's account may sign in. */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <span className="badge good">Active</span> : <span className="badge bad">Deactivated</span>;
}
