import { Form, Link } from "@remix-run/react";
import { LEVEL_OPTIONS, REVIEW_FILTER_OPTIONS, type MatrixFilterValues } from "../../schemas/capability.ts";
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
    <Form method="get" className="filters" role="search" aria-label="Filter capabilities">
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Key, title, conditions, pain points…"
        />
      </div>
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
      <button type="submit" className="button secondary">
        Filter
      </button>
      <Link to={clearHref} className="small">
        Clear filters
      </Link>
    </Form>
  );
}
