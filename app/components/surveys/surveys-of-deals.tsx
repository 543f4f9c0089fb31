import { deliveredLabel, type Delivered } from "../../domain/levels.ts";
import type { SurveyState } from "../../domain/survey-schedule.ts";
import { formatDate } from "../ui/format.ts";
import { SurveyStateText } from "./survey-state.tsx";
import { TableScroll } from "../ui/table-scroll.tsx";

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
        <TableScroll label="The most recent and next surveys">
          <table>
            <caption className="visually-hidden">The most recent and next surveys</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  CSAT
                </th>
                <th scope="col">Delivered as promised</th>
                <th scope="col">What they like least</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    {survey.account}
                    <br />
                    <span className="small muted">
                      {survey.externalId}
                      {survey.product ? ` · ${survey.product}` : ""}
                    </span>
                  </th>
                  <td>{formatDate(survey.dueAt)}</td>
                  <td>
                    <SurveyStateText state={survey.state} />
                  </td>
                  <td className="num">{survey.csat === null ? "—" : `${survey.csat} / 5`}</td>
                  <td>{survey.deliveredAsPromised ? deliveredLabel(survey.deliveredAsPromised) : "—"}</td>
                  <td className="small">{survey.leastLiked ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
