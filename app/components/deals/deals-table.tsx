import { Form } from "@remix-run/react";
import { surveyState } from "../../domain/survey-schedule.ts";
import type { DealListRow } from "../../models/deals.server.ts";
import { createDataTableColumnHelper } from "../data-table/data-table.tsx";
import { formatCents, formatDate } from "../ui/format.ts";
import { SurveyStateText } from "../surveys/survey-state.tsx";

type Row = Omit<DealListRow, "closedAt" | "survey"> & {
  closedAt: string | Date | null;
  survey: { dueAt: string | Date; sentAt: string | Date | null; respondedAt: string | Date | null; csat: number | null; deliveredAsPromised: string | null } | null;
};

export const DEAL_PAGE_SIZES = [25, 50, 100] as const;

const helper = createDataTableColumnHelper<Row>();

const asDate = (value: string | Date | null) => (value === null ? null : new Date(value));

export function dealColumns(now: Date) {
  return helper.columns([
    helper.accessor("externalId", { id: "externalId", header: "External ID", enableHiding: false }),
    helper.accessor("account", { id: "account", header: "Account" }),
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
    helper.accessor("owner", { id: "owner", header: "Owner" }),
    helper.accessor("team", { id: "team", header: "Team", cell: (info) => info.getValue() ?? <span className="muted">—</span> }),
    helper.accessor("product", { id: "product", header: "Product", cell: (info) => info.getValue() ?? <span className="muted">—</span> }),
    helper.accessor("amountCents", { id: "amount", header: "Amount", meta: { numeric: true }, cell: (info) => formatCents(info.getValue()) }),
    helper.accessor("status", { id: "status", header: "Status" }),
    helper.accessor("closedAt", { id: "closedAt", header: "Closed", cell: (info) => formatDate(info.getValue()) }),
    helper.accessor("survey", {
      id: "survey",
      header: "Six-month survey",
      cell: (info) => {
        const survey = info.getValue();
        if (!survey) return <span className="muted">—</span>;
        const state = surveyState({ dueAt: new Date(survey.dueAt), sentAt: asDate(survey.sentAt), respondedAt: asDate(survey.respondedAt) }, now);
        return (
          <>
            <SurveyStateText state={state} />
            <br />
            <span className="small muted">
              {state === "ANSWERED" ? `CSAT ${survey.csat ?? "—"}, delivered ${survey.deliveredAsPromised?.toLowerCase() ?? "—"}` : `due ${formatDate(survey.dueAt)}`}
            </span>
          </>
        );
      },
    }),
  ]);
}

export function DealsSearch({ q, status }: { q: string; status: string | null }) {
  return (
    <Form method="get" className="filters" role="search">
      <div className="field">
        <label htmlFor="deals-q">Search</label>
        <input id="deals-q" name="q" type="search" defaultValue={q} placeholder="Account, contact, external ID, owner…" />
      </div>
      <div className="field">
        <label htmlFor="deals-status">Status</label>
        <select id="deals-status" name="status" defaultValue={status ?? ""}>
          <option value="">Any</option>
          <option value="OPEN">Open</option>
          <option value="WON">Won</option>
          <option value="LOST">Lost</option>
        </select>
      </div>
      <button type="submit">Search</button>
    </Form>
  );
}
