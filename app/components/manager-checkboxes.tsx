import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import { ErrorList } from "./ui/field.tsx";

export function ManagerCheckboxes({
  meta,
  candidates,
}: {
  meta: FieldMetadata<string[] | undefined, Record<string, unknown>, string[]>;
  candidates: ReadonlyArray<{ id: string; name: string; email: string; active: boolean }>;
}) {
  const boxes = getCollectionProps(meta, { type: "checkbox", options: candidates.map((candidate) => candidate.id) });
  return (
    <fieldset className="field" aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend>Managers</legend>
      {candidates.length === 0 ? (
        <p className="muted small">No one has the manager role yet; give someone that role on their user page.</p>
      ) : null}
      {boxes.map(({ key, ...props }, index) => {
        const candidate = candidates[index];
        return (
          <label key={key} className="checkbox">
            <input {...props} />
            <span>
              {candidate?.name} <span className="muted small">{candidate?.email}</span>
              {candidate && !candidate.active ? <span className="badge bad">Deactivated</span> : null}
            </span>
          </label>
        );
      })}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
