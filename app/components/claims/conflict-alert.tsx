import { When } from "../ui/when.tsx";

export interface ConflictView {
  message: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  verdict: string | null;
}

/** The 409 answer: who got there first and when; nothing of theirs or ours was overwritten. */
export function ConflictAlert({ conflict }: { conflict: ConflictView }) {
  return (
    <div className="form-error" role="alert">
      {conflict.decidedBy && conflict.decidedAt && conflict.verdict ? (
        <>
          <strong>Someone else got there first.</strong> {conflict.decidedBy} recorded a verdict ({conflict.verdict}) at{" "}
          <When at={conflict.decidedAt} withTime />. Nothing was overwritten.
        </>
      ) : (
        conflict.message
      )}
    </div>
  );
}
