import { Link } from "@remix-run/react";
import { LEVEL_OPTIONS, REVIEW_FILTER_OPTIONS, type MatrixFilterValues } from "../../schemas/capability.ts";
import { FilterBar, FilterInput } from "../ui/filter-bar.tsx";
import { FilterSelect } from "../ui/filter-select.tsx";

/** A GET form: the filters live in the URL, so a filtered matrix can be bookmarked and shared. */
export function MatrixFilters({
  filters,
  owners,
  clearHref,
}: {
  filters: MatrixFilterValues;
  owners: ReadonlyArray<{ id: string; name: string }>;
  clearHref: string;
}) {
  return (
    <FilterBar
      label="Filter capabilities"
      after={
        <Link to={clearHref} className="small">
          Clear filters
        </Link>
      }
    >
      <FilterInput
        name="q"
        label="Search"
        defaultValue={filters.q}
        placeholder="Key, title, conditions, pain points…"
      />
      <FilterSelect
        name="status"
        label="Status"
        anyLabel="Any status"
        defaultValue={filters.status}
        options={LEVEL_OPTIONS}
      />
      <FilterSelect
        name="owner"
        label="Owner"
        anyLabel="Any owner"
        defaultValue={filters.owner}
        options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
      />
      <FilterSelect
        name="review"
        label="Review"
        anyLabel="Any review date"
        defaultValue={filters.review}
        options={REVIEW_FILTER_OPTIONS}
      />
    </FilterBar>
  );
}
