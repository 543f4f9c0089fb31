import type { FieldMetadata } from "@conform-to/react";
import { toTeamOptions } from "../schemas/user-profile.ts";
import { InputField, SelectField } from "./ui/field.tsx";

/**
 * The fields of a user's profile that only salespeople fill in, the same in the new-user and
 * edit-user forms: the team and the target bonus (the schema's role rules say who needs them).
 */
export function SalespersonFields({
  fields,
  teams,
}: {
  fields: { teamId: FieldMetadata<string | undefined>; targetBonus: FieldMetadata<string | undefined> };
  teams: ReadonlyArray<{ id: string; name: string }>;
}) {
  return (
    <>
      <SelectField
        label="Team"
        meta={fields.teamId}
        options={toTeamOptions(teams)}
        placeholder="No team"
        hint="Required for salespeople; leave empty for everyone else."
      />
      <InputField
        label="Target bonus"
        meta={fields.targetBonus}
        hint="Salespeople only: the payout per period at a multiplier of 1.0, in currency units (e.g. 12000.50)."
      />
    </>
  );
}
