import { Form } from "@remix-run/react";

interface Salesperson {
  id: string;
  name: string;
  team: { name: string } | null;
}

/**
 * Engineers, managers and admins log what they heard a salesperson say (OBSERVED): first whose
 * claim it is, so the deal list below is that person's. A plain GET form, so it works without JS.
 */
export function SalespersonChooser({
  salespeople,
  chosenId,
}: {
  salespeople: readonly Salesperson[];
  chosenId: string | null;
}) {
  const teams = [...new Set(salespeople.map((person) => person.team?.name ?? "No team"))].sort();
  return (
    <Form method="get" className="filters panel" aria-label="Whose claim is this">
      <div className="field">
        <label htmlFor="salesperson">Salesperson who made the claim</label>
        <select id="salesperson" name="salesperson" defaultValue={chosenId ?? ""} key={chosenId ?? ""}>
          <option value="">Choose a salesperson</option>
          {teams.map((team) => (
            <optgroup key={team} label={team}>
              {salespeople
                .filter((person) => (person.team?.name ?? "No team") === team)
                .map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="button secondary">
        {chosenId ? "Change salesperson" : "Continue"}
      </button>
    </Form>
  );
}
