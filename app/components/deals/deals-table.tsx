import type { DealStatusCode } from "../../domain/deals-query.ts";
import { dealStatusLabel, enumOptions } from "../../domain/labels.ts";
import { deliveredLabel, isDelivered } from "../../domain/levels.ts";
import { surveyState } from "../../domain/survey-schedule.ts";
import type { DealListRow } from "../../models/deals.server.ts";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";
import { TableStateInputs } from "../data-table/hidden-inputs.tsx";
import { FilterBar, FilterInput } from "../ui/filter-bar.tsx";
import { FilterSelect } from "../ui/filter-select.tsx";
import { formatCents, formatDate } from "../ui/format.ts";
import { SurveyStateText } from "../surveys/survey-state.tsx";

type Row = Omit<DealListRow, "closedAt" | "survey"> & {
  closedAt: string | Date | null;
  survey: {
    dueAt: string | Date;
    sentAt: string | Date | null;
    respondedAt: string | Date | null;
    csat: number | null;
    deliveredAsPromised: string | null;
  } | null;
};

const helper = createDataTableColumnHelper<Row>();

const asDate = (value: string | Date | null) => (value === null ? null : new Date(value));

/** "CSAT 4 of 5, delivered as promised: partly" — the answer in words, never its code. */
function answerSummary(csat: number | null, delivered: string | null): string {
  const parts = [
    csat === null ? null : `CSAT ${csat} of 5`,
    isDelivered(delivered) ? `delivered as promised: ${deliveredLabel(delivered).toLowerCase()}` : null,
  ];
  return parts.filter((part) => part !== null).join(", ") || "answered";
}

// Column ids are the names used in the URL: sort=<id> (the sortable ones equal DEAL_SORT_KEYS in
// app/domain/deals-query.ts; the loader sorts, the table never reorders rows) and hide=<id>,<id>.
export function dealColumns(now: Date) {
  return helper.columns([
    helper.accessor("externalId", {
      id: "externalId",
      header: "External ID",
      enableHiding: false,
      enableSorting: true,
    }),
    helper.accessor("account", { id: "account", header: "Account", enableSorting: true }),
    helper.accessor("contactName", {
      id: "contact",
      header: "Contact",
      cell: (info) => (
        <>
          {info.getValue()}
          <br />
          <span className="small muted">{info.row.original.contactEmail}</span>
        </>
      ),
    }),
    helper.accessor("owner", { id: "owner", header: "Owner", enableSorting: true }),
    helper.text((row) => row.team, { id: "team", header: "Team" }),
    helper.text((row) => row.product, { id: "product", header: "Product" }),
    helper.figure("amountCents", { id: "amount", header: "Amount", sortDescFirst: true, cell: formatCents }),
    helper.accessor("status", {
      id: "status",
      header: "Status",
      enableSorting: true,
      cell: (info) => dealStatusLabel(info.getValue()),
    }),
    helper.accessor("closedAt", {
      id: "closedAt",
      header: "Closed",
      enableSorting: true,
      sortDescFirst: true,
      cell: (info) =>
        info.getValue() === null ? <span className="muted">Not closed</span> : formatDate(info.getValue()),
    }),
    helper.accessor("survey", {
      id: "survey",
      header: "Six-month survey",
      cell: (info) => {
        const survey = info.getValue();
        if (!survey) return <span className="muted">—</span>;
        const state = surveyState(
          { dueAt: new Date(survey.dueAt), sentAt: asDate(survey.sentAt), respondedAt: asDate(survey.respondedAt) },
          now,
        );
        return (
          <>
            <SurveyStateText state={state} />
            <br />
            <span className="small muted">
              {state === "ANSWERED"
                ? answerSummary(survey.csat, survey.deliveredAsPromised)
                : `due ${formatDate(survey.dueAt)}`}
            </span>
          </>
        );
      },
    }),
  ]);
}

/** The search and status filter; a GET form that keeps the table's sort, page size and hidden columns. */
export function DealsSearch({
  q,
  status,
  search,
}: {
  q: string;
  status: DealStatusCode | null;
  search: URLSearchParams;
}) {
  return (
    <FilterBar label="Search deals" submitLabel="Search" submitClassName="button">
      <FilterInput
        id="deals-q"
        name="q"
        label="Search"
        defaultValue={q}
        maxLength={200}
        placeholder="Account, contact, external ID, owner…"
      />
      <FilterSelect
        id="deals-status"
        name="status"
        label="Status"
        anyLabel="Any"
        defaultValue={status}
        options={enumOptions("DealStatus")}
      />
      <TableStateInputs search={search} />
    </FilterBar>
  );
}
