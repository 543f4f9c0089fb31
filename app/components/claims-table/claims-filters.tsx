import { Link } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { DISPUTE_FILTERS, disputeFilterLabel, type ClaimsFilter } from "../../domain/claims-filter.ts";
import {
  CHANNELS,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  MATRIX_CHECKS,
  channelLabel,
  claimSourceLabel,
  claimStatusLabel,
  matrixCheckLabel,
} from "../../domain/levels.ts";
import type { ClaimsFilterOptions } from "../../models/claims-table.server.ts";
import { TableStateInputs } from "../data-table/hidden-inputs.tsx";
import { tableViewParams } from "../data-table/table-url.ts";
import { FilterBar, FilterField, FilterInput } from "../ui/filter-bar.tsx";
import { FilterSelect, type FilterOption } from "../ui/filter-select.tsx";

const STATUS_OPTIONS = CLAIM_STATUSES.map((status) => ({ value: status, label: claimStatusLabel(status) }));
const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({ value: channel, label: channelLabel(channel) }));
const CHECK_OPTIONS = MATRIX_CHECKS.map((check) => ({ value: check, label: matrixCheckLabel(check) }));
const SOURCE_OPTIONS = CLAIM_SOURCES.map((source) => ({ value: source, label: claimSourceLabel(source) }));
const DISPUTE_OPTIONS = DISPUTE_FILTERS.map((value) => ({ value, label: disputeFilterLabel(value) }));

/** The plain "any or one of these" filters after product and capability, in the form's order. */
const MORE_FILTERS: ReadonlyArray<{
  id: string;
  name: "channel" | "matrixCheck" | "source" | "disputed";
  label: string;
  anyLabel: string;
  options: ReadonlyArray<FilterOption>;
}> = [
  { id: "filter-channel", name: "channel", label: "Channel", anyLabel: "Any channel", options: CHANNEL_OPTIONS },
  { id: "filter-check", name: "matrixCheck", label: "Matrix check", anyLabel: "Any result", options: CHECK_OPTIONS },
  { id: "filter-source", name: "source", label: "Source", anyLabel: "Any source", options: SOURCE_OPTIONS },
  { id: "filter-disputed", name: "disputed", label: "Disputed", anyLabel: "Disputed or not", options: DISPUTE_OPTIONS },
];

function Select({
  id,
  label,
  name,
  value,
  children,
  onChange,
  disabled,
  hint,
}: {
  id: string;
  label: string;
  name: string;
  value: string | undefined;
  children: ReactNode;
  onChange?: (value: string) => void;
  disabled?: boolean;
  hint?: string;
}) {
  return (
    <FilterField id={id} label={label} hint={hint}>
      {(hintId) => (
        <select
          id={id}
          name={name}
          defaultValue={onChange ? undefined : (value ?? "")}
          value={onChange ? (value ?? "") : undefined}
          onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
          disabled={disabled}
          aria-describedby={hintId}
        >
          {children}
        </select>
      )}
    </FilterField>
  );
}

/**
 * The claims table's filters: a GET form, so the filtered view is an address. People and teams
 * are only those the reader may see; the capability list follows the chosen product.
 */
export function ClaimsFilters({
  filter,
  options,
  search,
}: {
  filter: ClaimsFilter;
  options: ClaimsFilterOptions;
  search: URLSearchParams;
}) {
  const [productSlug, setProductSlug] = useState(filter.product ?? "");
  const product = options.products.find((candidate) => candidate.slug === productSlug);
  const teamName = new Map(options.teams.map((team) => [team.id, team.name]));
  const byTeam = new Map<string, ClaimsFilterOptions["salespeople"]>();
  for (const person of options.salespeople) {
    const key = person.teamId ?? "";
    byTeam.set(key, [...(byTeam.get(key) ?? []), person]);
  }
  const groups = [...byTeam.entries()].sort(([a], [b]) =>
    (teamName.get(a) ?? "~").localeCompare(teamName.get(b) ?? "~"),
  );
  const view = tableViewParams(search).toString();
  const clearHref = view ? `/claims?${view}` : "/claims";

  return (
    <FilterBar
      label="Filter claims"
      action="/claims"
      className="claims-filters"
      actions={
        <div className="claims-filter-actions">
          <button type="submit" className="button">
            Filter
          </button>
          <Link to={clearHref}>Clear filters</Link>
        </div>
      }
    >
      <TableStateInputs search={search} />
      <FilterSelect
        id="filter-status"
        name="status"
        label="Verdict"
        anyLabel="Any verdict"
        defaultValue={filter.status}
        options={STATUS_OPTIONS}
      />
      {options.salespeople.length || options.salespeopleNeedTeam ? (
        <Select
          id="filter-salesperson"
          label="Salesperson"
          name="salesperson"
          value={filter.salesperson}
          disabled={options.salespeople.length === 0}
          hint={options.salespeopleNeedTeam && !filter.team ? "Filter by a team to list its salespeople." : undefined}
        >
          <option value="">Anyone</option>
          {groups.map(([teamId, people]) => (
            <optgroup key={teamId} label={teamName.get(teamId) ?? "No team"}>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.active ? person.name : `${person.name} (deactivated)`}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      ) : null}
      {options.teams.length > 1 ? (
        <FilterSelect
          id="filter-team"
          name="team"
          label="Team"
          anyLabel="Any team"
          defaultValue={filter.team}
          options={options.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      ) : null}
      <Select id="filter-product" label="Product" name="product" value={productSlug} onChange={setProductSlug}>
        <option value="">Any product</option>
        {options.products.map((candidate) => (
          <option key={candidate.slug} value={candidate.slug}>
            {candidate.name}
          </option>
        ))}
      </Select>
      <Select
        id="filter-capability"
        label="Capability"
        name="capability"
        value={product && product.slug === filter.product ? filter.capability : undefined}
        disabled={!product}
        hint={product ? undefined : "Choose a product first."}
        key={product?.slug ?? "none"}
      >
        <option value="">Any capability</option>
        {product?.capabilities.map((capability) => (
          <option key={capability.key} value={capability.key}>
            {capability.title}
          </option>
        ))}
      </Select>
      {MORE_FILTERS.map((select) => (
        <FilterSelect key={select.name} {...select} defaultValue={filter[select.name]} />
      ))}
      <FilterInput id="filter-from" name="from" label="Made from (UTC)" type="date" defaultValue={filter.from} />
      <FilterInput id="filter-to" name="to" label="Made to (UTC, inclusive)" type="date" defaultValue={filter.to} />
    </FilterBar>
  );
}
