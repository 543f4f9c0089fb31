import { getCollectionProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { teamSchema } from "../schemas/team.ts";
import { conformOptions } from "./ui/conform-options.ts";
import { ConformForm } from "./ui/conform-form.tsx";
import { ErrorList, InputField } from "./ui/field.tsx";

type ManagerCandidate = { id: string; name: string; email: string; active: boolean };

function ManagerCheckboxes({
  meta,
  candidates,
}: {
  meta: FieldMetadata<string[] | undefined, Record<string, unknown>, string[]>;
  candidates: ReadonlyArray<ManagerCandidate>;
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

/** The team form: it edits `team` when given one, and creates a new team otherwise. */
export function TeamForm({
  team,
  candidates,
  lastResult,
}: {
  team?: { name: string; managers: ReadonlyArray<{ id: string }> };
  candidates: ReadonlyArray<ManagerCandidate>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    ...conformOptions(team ? "edit-team" : "new-team", teamSchema, lastResult),
    defaultValue: team ? { name: team.name, managerIds: team.managers.map((manager) => manager.id) } : undefined,
  });
  return (
    <ConformForm form={form} submitLabel={team ? "Save team" : "Create team"}>
      <InputField label="Name" meta={fields.name} autoComplete="off" />
      <ManagerCheckboxes meta={fields.managerIds} candidates={candidates} />
    </ConformForm>
  );
}
