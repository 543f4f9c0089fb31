import { deliveredLabel, type Delivered } from "../../domain/levels.ts";
import type { SurveyState } from "../../domain/survey-schedule.ts";
import { formatDate } from "../ui/format.ts";
import { dealCell } from "./deal-cell.tsx";
import { SurveyStateText } from "./survey-state.tsx";
import { SimpleTable, type SimpleColumns } from "../ui/simple-table.tsx";

// The surveys of a salesperson's deals, on their home and on their page (/people/<id>). Fed by
// listSurveysOfSalesperson (app/models/surveys.server.ts); dates may arrive serialised.

export interface MySurveyRow {
  id: string;
  dueAt: string | Date;
  state: SurveyState;
  account: string;
  externalId: string;
  product: string | null;
  csat: number | null;
  deliveredAsPromised: Delivered | null;
  nps: number | null;
  leastLiked: string | null;
  source: string | null;
}

const SURVEY_COLUMNS: SimpleColumns<MySurveyRow> = [
  { header: "Account", rowHeader: true, cell: dealCell },
  { header: "Due", cell: (survey) => formatDate(survey.dueAt) },
  { header: "State", cell: (survey) => <SurveyStateText state={survey.state} /> },
  { header: "CSAT", numeric: true, cell: (survey) => (survey.csat === null ? "—" : `${survey.csat} / 5`) },
  {
    header: "Delivered as promised",
    cell: (survey) => (survey.deliveredAsPromised ? deliveredLabel(survey.deliveredAsPromised) : "—"),
  },
  {
    header: "What they like least",
    className: "small",
    cell: (survey) => survey.leastLiked ?? <span className="muted">—</span>,
  },
];

/**
 * The surveys of one salesperson's deals, with their answers: on their own home (`reader`
 * "salesperson") or on their page for a manager.
 */
export function SurveysOfDeals({
  reader,
  total,
  answered,
  surveys,
}: {
  reader: "salesperson" | "manager";
  total: number;
  answered: number;
  surveys: MySurveyRow[];
}) {
  const own = reader === "salesperson";
  return (
    <section className="panel" aria-labelledby="surveys-of-deals">
      <h2 id="surveys-of-deals">{own ? "Surveys of your deals" : "Six-month surveys of their deals"}</h2>
      <p className="small muted">
        Six calendar months after {own ? "you win a deal" : "a deal is won"}, the customer is asked how satisfied they
        are and whether the product did what {own ? "you" : "the salesperson"} said. {answered} of {total} answered so
        far.
      </p>
      {surveys.length === 0 ? (
        <p className="muted">None yet: each won deal gets its survey.</p>
      ) : (
        <SimpleTable
          label="The most recent and next surveys"
          hiddenCaption
          columns={SURVEY_COLUMNS}
          rows={surveys}
          rowKey={(survey) => survey.id}
        />
      )}
    </section>
  );
}
