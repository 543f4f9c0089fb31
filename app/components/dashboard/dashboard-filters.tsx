import { SelectOptions } from "../ui/field.tsx";
import { FilterBar } from "../ui/filter-bar.tsx";

export interface DashboardFiltersProps {
  periods: Array<{ name: string; status: "OPEN" | "LOCKED" }>;
  period: string;
  teams: Array<{ id: string; name: string }>;
  team: string | null;
  /** What "no team chosen" means for this reader. */
  allTeamsLabel: string;
  /** Extra fields to keep (e.g. the scorecard's name search). */
  children?: React.ReactNode;
  action: string;
}

/**
 * The period and team selectors: a GET form, so the view is an address. With JavaScript a
 * change applies at once; without it, "Show" applies.
 */
export function DashboardFilters({
  periods,
  period,
  teams,
  team,
  allTeamsLabel,
  children,
  action,
}: DashboardFiltersProps) {
  return (
    <FilterBar label="Choose period and team" action={action} submitLabel="Show">
      <div className="field">
        <label htmlFor="dashboard-period">Period</label>
        <select
          id="dashboard-period"
          name="period"
          defaultValue={period}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
        >
          {[...periods].reverse().map((option) => (
            <option key={option.name} value={option.name}>
              {option.name}
              {option.status === "OPEN" ? " (open)" : ""}
            </option>
          ))}
        </select>
      </div>
      {teams.length > 1 ? (
        <div className="field">
          <label htmlFor="dashboard-team">Team</label>
          <select
            id="dashboard-team"
            name="team"
            defaultValue={team ?? ""}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
          >
            <option value="">{allTeamsLabel}</option>
            <SelectOptions options={teams.map((option) => ({ value: option.id, label: option.name }))} />
          </select>
        </div>
      ) : null}
      {children}
    </FilterBar>
  );
}
