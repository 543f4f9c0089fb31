import { Link } from "@remix-run/react";
import { questionAge } from "../../domain/engineer-questions.ts";
import { enumOptions } from "../../domain/labels.ts";
import type { QuestionStatus } from "../../schemas/engineer-question.ts";
import { FilterBar } from "../ui/filter-bar.tsx";
import { FilterSelect } from "../ui/filter-select.tsx";
import { formatDate, formatDateTime } from "../ui/format.ts";
import { Pagination } from "../ui/pagination.tsx";
import { SimpleTable } from "../ui/simple-table.tsx";

export interface QuestionRow {
  id: string;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  revisionId: string | null;
  product: { name: string; slug: string };
  capability: { title: string; key: string } | null;
  askedBy: { name: string };
  answeredBy: { name: string } | null;
}

export interface QuestionPage {
  rows: QuestionRow[];
  total: number;
  page: number;
  pageCount: number;
}

export interface QuestionFilters {
  product?: string;
  status?: QuestionStatus;
}

export function excerpt(text: string, length = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

const STATUS_FILTER_OPTIONS = enumOptions("EngineerQuestionStatus");

/** A GET form, so a filtered list is a URL that can be bookmarked and shared. */
export function QuestionFilterForm({
  filters,
  products,
}: {
  filters: QuestionFilters;
  products: ReadonlyArray<{ slug: string; name: string }>;
}) {
  const productOptions = products.map((product) => ({ value: product.slug, label: product.name }));
  return (
    <FilterBar label="Filter questions">
      <FilterSelect
        name="product"
        label="Product"
        anyLabel="Every product"
        defaultValue={filters.product}
        options={productOptions}
      />
      <FilterSelect
        name="status"
        label="Status"
        anyLabel="Open and answered"
        defaultValue={filters.status}
        options={STATUS_FILTER_OPTIONS}
      />
    </FilterBar>
  );
}

function When({ at, children }: { at: Date | null; children: string }) {
  return (
    <time dateTime={at ? new Date(at).toISOString() : undefined} title={formatDateTime(at)}>
      {children}
    </time>
  );
}

function filterSearch(filters: QuestionFilters) {
  const search = new URLSearchParams();
  if (filters.product) search.set("product", filters.product);
  if (filters.status) search.set("status", filters.status);
  return search;
}

/**
 * Open questions (oldest first, with how long each has waited) or answered ones (newest answer
 * first, paged, with the answer). The asker column is left out of a salesperson's own list.
 */
export function QuestionTable({
  kind,
  title,
  list,
  filters,
  now,
  showAsker,
}: {
  kind: "open" | "answered";
  title: string;
  list: QuestionPage;
  filters: QuestionFilters;
  now: Date;
  showAsker: boolean;
}) {
  const open = kind === "open";
  const headingId = `${kind}-title`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} ({list.total})
      </h2>
      {open && list.total > list.rows.length ? (
        <p className="muted small">
          The oldest {list.rows.length} of {list.total} are shown; filter by product to see others.
        </p>
      ) : null}
      <SimpleTable
        label="Questions"
        columns={[
          {
            header: open ? "Waiting" : "Answered",
            cell: (row: QuestionRow) =>
              open ? (
                <When at={row.askedAt}>{questionAge(new Date(row.askedAt), now)}</When>
              ) : (
                <When at={row.answeredAt}>{formatDate(row.answeredAt)}</When>
              ),
          },
          showAsker && { header: "Asked by", cell: (row: QuestionRow) => row.askedBy.name },
          {
            header: "Product · capability",
            cell: (row) => (
              <>
                {row.product.name}
                {row.capability ? <span className="muted"> · {row.capability.title}</span> : null}
              </>
            ),
          },
          { header: "Question", cell: (row) => <Link to={`/ask/${row.id}`}>{excerpt(row.question)}</Link> },
          !open && {
            header: "Answer",
            cell: (row: QuestionRow) => (
              <>
                {excerpt(row.answer ?? "", 200)}
                <div className="muted small">
                  {row.answeredBy?.name ?? "An engineer"}
                  {row.revisionId ? (
                    <>
                      {" "}
                      · <span className="badge info">Matrix updated</span>
                    </>
                  ) : null}
                </div>
              </>
            ),
          },
        ]}
        rows={list.rows}
        rowKey={(row) => row.id}
        empty={open ? "No open questions here." : "No answered questions here."}
      />
      {open ? null : (
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          search={filterSearch(filters)}
          label={`Pages of ${title.toLowerCase()}`}
        />
      )}
    </section>
  );
}
