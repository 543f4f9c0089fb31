import type { SurveyState } from "../../domain/survey-schedule.ts";
import { formatDate } from "../ui/format.ts";
import { SurveyStateText } from "./survey-state.tsx";

// "Surveys of your deals" on the salesperson's home. Fed by listSurveysOfSalesperson
// (app/models/surveys.server.ts); dates may arrive serialised.

export interface MySurveyRow {
  id: string;
  dueAt: string | Date;
  state: SurveyState;
  account: string;
  externalId: string;
  product: string | null;
  csat: number | null;
  deliveredAsPromised: string | null;
  nps: number | null;
  leastLiked: string | null;
  source: string | null;
}

const DELIVERED_TEXT: Record<string, string> = { YES: "Yes", PARTLY: "Partly", NO: "No" };

export function MySurveysSection({ total, answered, surveys }: { total: number; answered: number; surveys: MySurveyRow[] }) {
  return (
    <section className="panel" aria-labelledby="my-surveys-title">
      <h2 id="my-surveys-title">Surveys of your deals</h2>
      <p className="small muted">
        Six calendar months after you win a deal, the customer is asked how satisfied they are and whether the product did what you said. {answered} of{" "}
        {total} answered so far.
      </p>
      {surveys.length === 0 ? (
        <p className="muted">None yet: each deal you win gets its survey.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your most recent and next surveys</caption>
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Due</th>
                <th scope="col">State</th>
                <th scope="col" className="num">CSAT</th>
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
                  <td>{survey.deliveredAsPromised ? DELIVERED_TEXT[survey.deliveredAsPromised] : "—"}</td>
                  <td className="small">{survey.leastLiked ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
