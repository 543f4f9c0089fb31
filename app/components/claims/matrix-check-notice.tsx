import { describeMatrixCheck } from "../../domain/matrix-check.ts";
import type { CapabilityLevel, MatrixCheckResult } from "../../domain/levels.ts";
import { MatrixCheckBadge } from "../ui/badges.tsx";
import { When } from "../ui/when.tsx";

const TONE: Record<MatrixCheckResult, string> = {
  CONSISTENT: "good",
  OVERSTATES: "bad",
  UNDERSTATES: "warn",
  NO_MATRIX_ROW: "",
  MATRIX_STALE: "warn",
};

/** The matrix check in words: "You said Supported; engineering says Partial: xlsx only …". */
export function MatrixCheckNotice({
  result,
  assertedLevel,
  revision,
}: {
  result: MatrixCheckResult;
  assertedLevel: CapabilityLevel | null;
  revision: { status: CapabilityLevel; conditions: string; validFrom: Date } | null;
}) {
  return (
    <div className={`check-notice ${TONE[result]}`}>
      <p className="check-notice-title">
        <MatrixCheckBadge check={result} />
        {revision ? (
          <span className="muted small">
            {" "}
            Matrix row in force since <When at={revision.validFrom} />
          </span>
        ) : null}
      </p>
      <p className="check-notice-text">{describeMatrixCheck(result, assertedLevel, revision)}</p>
    </div>
  );
}
