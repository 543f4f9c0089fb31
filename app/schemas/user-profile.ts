// The profile part of the user forms (new user and edit user), shared by the
// browser and the server, so it must stay free of server imports.
import { z } from "zod";
import { requiredText } from "./fields.ts";
import { ROLE_LABEL, ROLES, type Role } from "../domain/permissions.ts";

export { ROLES };
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] }));
export const toTeamOptions = (teams: ReadonlyArray<{ id: string; name: string }>) =>
  teams.map((team) => ({ value: team.id, label: team.name }));

// Currency units with at most two decimals; the upper bound keeps cents inside a 32-bit Int.
const MONEY = /^\d{1,7}(\.\d{1,2})?$/;

const profileRules = z.object({
  role: z.enum(ROLES),
  teamId: z.string().optional(),
  targetBonus: z.string().regex(MONEY).optional(),
});
// `when` lets the role rules run while other fields still have errors.
const rulesApply = { when: (payload: { value: unknown }) => profileRules.safeParse(payload.value).success };
const NOT_SALES_BONUS = "Only salespeople have a target bonus; leave this empty.";

export const nameField = requiredText("Enter the person's name.", 120);

export const roleFields = {
  role: z.enum(ROLES, { error: "Choose a role." }),
  teamId: z.string().optional(),
  targetBonus: z.string().trim().regex(MONEY, "Enter an amount such as 12000 or 12000.50.").optional(),
};

type RoleValues = z.output<typeof profileRules>;

/** Adds the role rules: a salesperson has a team and a target bonus; no one else has either. */
export function withRoleRules<Schema extends z.ZodType<RoleValues>>(schema: Schema): Schema {
  return schema
    .refine((v) => v.role !== "SALES" || Boolean(v.teamId), {
      path: ["teamId"],
      message: "Choose the salesperson's team.",
      ...rulesApply,
    })
    .refine((v) => v.role === "SALES" || !v.teamId, {
      path: ["teamId"],
      message: "Only salespeople belong to a team; leave this empty.",
      ...rulesApply,
    })
    .refine((v) => v.role !== "SALES" || v.targetBonus !== undefined, {
      path: ["targetBonus"],
      message: "Enter the target bonus (0 or more).",
      ...rulesApply,
    })
    .refine((v) => v.role === "SALES" || toCents(v.targetBonus) === 0, {
      path: ["targetBonus"],
      message: NOT_SALES_BONUS,
      ...rulesApply,
    });
}

export const userProfileSchema = withRoleRules(z.object({ name: nameField, ...roleFields }));

/** A validated amount in currency units ("12000.5") as integer cents. */
function toCents(amount: string | undefined): number {
  if (!amount) return 0;
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Validated form values as the user model takes them: no team as null, the target bonus in cents. */
export function toProfileInput<Values extends RoleValues>({ teamId, targetBonus, ...rest }: Values) {
  return { ...rest, teamId: teamId ?? null, targetBonusCents: toCents(targetBonus) };
}

/** A stored profile as the form's default values: the target bonus in currency units, for salespeople only. */
export function toProfileDefaults(user: { name: string; role: Role; teamId: string | null; targetBonusCents: number }) {
  return {
    name: user.name,
    role: user.role,
    teamId: user.teamId ?? "",
    targetBonus: user.role === "SALES" ? (user.targetBonusCents / 100).toFixed(2) : "",
  };
}

/** The user model's field errors keyed by form field: its targetBonusCents is the form's targetBonus. */
export function toFormFieldErrors<Field extends string>({
  targetBonusCents,
  ...fieldErrors
}: Partial<Record<Field | "targetBonusCents", string[]>> = {}) {
  return targetBonusCents ? { ...fieldErrors, targetBonus: targetBonusCents } : fieldErrors;
}
